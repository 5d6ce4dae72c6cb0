package io.forewarn.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of {@link MetricFamily families}: a metric belongs to the first family that
 * matches its name and kind. A metric no family matches is modelled with mean aggregation and
 * anomalies in both directions (the {@link #FALLBACK} family).
 */
public final class MetricFamilies implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The family of metrics no configured family matches. */
    public static final MetricFamily FALLBACK =
            new MetricFamily(
                    "other",
                    null,
                    null,
                    Aggregation.MEAN,
                    AnomalySide.BOTH,
                    null,
                    null,
                    false,
                    null,
                    null);

    /** The default families, in configuration syntax. */
    public static final List<String> DEFAULTS =
            List.of(
                    "histogram-buckets match=.*_bucket aggregate=skip",
                    "disk match=node_filesystem_used_ratio|disk_used_ratio|.*filesystem.*used.*ratio"
                            + " aggregate=max anomaly=high capacity=above:0.95"
                            + " capacity-failure=disk-full",
                    "memory match=container_memory_working_set_ratio|jvm_memory_heap_used_ratio"
                            + "|.*memory.*(used|usage|utili[sz]ation).*ratio aggregate=max"
                            + " anomaly=high capacity=above:0.95 capacity-failure=oom horizon=6h",
                    "file-descriptors match=process_open_fds_ratio|.*(fds|file_descriptors).*ratio"
                            + " aggregate=max anomaly=high capacity=above:0.95"
                            + " capacity-failure=file-descriptor-exhaustion",
                    "connection-pools match=.*(pool|connections).*(usage|utili[sz]ation).*ratio"
                            + " aggregate=max anomaly=high capacity=above:0.95"
                            + " capacity-failure=connection-pool-exhaustion horizon=6h",
                    "thread-pools match=.*(executor|threads).*(busy|utili[sz]ation).*ratio"
                            + " aggregate=max anomaly=high capacity=above:0.95"
                            + " capacity-failure=thread-pool-exhaustion horizon=6h",
                    "queues match=kafka_consumergroup_lag|.*queue.*(depth|size|length|messages.*)"
                            + " aggregate=max anomaly=high capacity=above:100000"
                            + " capacity-failure=queue-backlog",
                    "certificate-deadlines match=probe_ssl_earliest_cert_expiry aggregate=min"
                            + " anomaly=off capacity=deadline capacity-failure=certificate-expiry"
                            + " horizon=14d",
                    "certificate-validity match=.*cert.*expiry_seconds aggregate=min anomaly=off"
                            + " capacity=below:0 capacity-failure=certificate-expiry horizon=14d",
                    "latency match=.*(duration|latency).* aggregate=p99 anomaly=high"
                            + " anomaly-failure=slo-breach",
                    "error-counters match=.*(errors?|failures?|5xx).*_total aggregate=rate"
                            + " anomaly=high anomaly-failure=error-spike",
                    "counters kind=COUNTER aggregate=rate",
                    "counters-by-name match=.*_total aggregate=rate",
                    "gauges aggregate=mean");

    private final List<MetricFamily> families;

    private MetricFamilies(List<MetricFamily> families) {
        this.families = List.copyOf(families);
    }

    /** Parses configuration lines; names must be unique. */
    public static MetricFamilies parse(List<String> specs) {
        List<MetricFamily> families = new ArrayList<>();
        for (String spec : specs) {
            if (spec.isBlank()) {
                continue;
            }
            MetricFamily family = MetricFamily.parse(spec);
            if (families.stream().anyMatch(f -> f.name().equals(family.name()))
                    || family.name().equals(FALLBACK.name())) {
                throw new IllegalArgumentException(
                        "metric family '" + family.name() + "' is defined twice");
            }
            families.add(family);
        }
        return new MetricFamilies(families);
    }

    /**
     * Custom families first, then (if wanted) the built-in {@link #DEFAULTS} except those a custom
     * family of the same name replaces.
     */
    public static MetricFamilies configured(List<String> custom, boolean builtins) {
        MetricFamilies own = parse(custom);
        List<MetricFamily> families = new ArrayList<>(own.families);
        if (builtins) {
            for (MetricFamily builtin : defaults().families) {
                if (families.stream().noneMatch(f -> f.name().equals(builtin.name()))) {
                    families.add(builtin);
                }
            }
        }
        return new MetricFamilies(families);
    }

    /** The default families. */
    public static MetricFamilies defaults() {
        return parse(DEFAULTS);
    }

    /** The family of a metric: the first that matches, else {@link #FALLBACK}. */
    public MetricFamily of(String metricName, String metricKind) {
        for (MetricFamily family : families) {
            if (family.matches(metricName, metricKind)) {
                return family;
            }
        }
        return FALLBACK;
    }

    /** The family with this name ({@link #FALLBACK} when unknown, e.g. after a rename). */
    public MetricFamily named(String name) {
        for (MetricFamily family : families) {
            if (family.name().equals(name)) {
                return family;
            }
        }
        return FALLBACK;
    }
}
