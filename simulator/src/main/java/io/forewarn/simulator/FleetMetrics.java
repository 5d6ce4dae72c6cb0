package io.forewarn.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's metrics as prometheus-kafka-adapter samples. Per host: CPU, resident memory, request
 * rate, p99 latency and filesystem usage ({@link Coverage#CORE}); with {@link Coverage#FULL} also
 * JVM heap and longest GC pause, container memory, the data disk, the connection pool; per service
 * the latency SLO's burn rates over 5 minutes and 1 hour, the TLS certificate probe of its endpoint
 * and the status of its dependencies as its clients see them.
 */
final class FleetMetrics {

    private static final String POOL = "HikariPool-1";
    private static final int POOL_SIZE = 20;
    private static final double HEAP_BYTES = 1024.0 * 1024 * 1024;
    private static final double CONTAINER_LIMIT_BYTES = 2.0 * 1024 * 1024 * 1024;

    private final SimulatorSettings settings;
    private final FleetState fleet;
    private final Randomness random;
    private final int shortWindow;
    private final int longWindow;
    private final Map<String, Deque<Double>> slowShares = new HashMap<>();

    FleetMetrics(SimulatorSettings settings, FleetState fleet, Randomness random) {
        this.settings = settings;
        this.fleet = fleet;
        this.random = random;
        long interval = settings.metricInterval().toMillis();
        this.shortWindow = (int) Math.max(1, 300_000 / interval);
        this.longWindow = (int) Math.max(1, 3_600_000 / interval);
    }

    /** One sample of every series of a host. */
    void host(long t, String service, String host, TelemetrySink sink) {
        FleetState.ServiceEffects effects = fleet.of(service);
        FleetState.HostEffects hostEffects = fleet.host(host);
        double traffic = FleetModel.traffic(t) * effects.trafficFactor;
        double noise = effects.noiseFactor;
        Map<String, String> node =
                Map.of("service", service, "instance", host + ":9100", "job", "node");
        Map<String, String> app =
                Map.of("service", service, "instance", host + ":8080", "job", service);
        boolean full = settings.coverage() == Coverage.FULL;
        sink.send(
                Formats.metric(
                        t,
                        "node_cpu_utilisation",
                        clamp(0.15 + 0.35 * traffic + random.noise(0.03 * noise), 0, 1),
                        node));
        double heap =
                FleetModel.heapUsed(
                        t, effects.trafficFactor, hostEffects.heapExtra, random.uniform());
        double residentBytes =
                full
                        ? 330e6 + heap * HEAP_BYTES + random.noise(5e6)
                        : 1.2e9 + 1e8 * traffic + random.noise(2e7);
        sink.send(
                Formats.metric(
                        t, "process_resident_memory_bytes", residentBytes, full ? app : node));
        sink.send(
                Formats.metric(
                        t,
                        "http_requests_per_second",
                        Math.max(0, 40 * traffic + random.noise(3 * noise)),
                        full ? app : node));
        double p99 =
                Math.max(
                        0.01,
                        FleetModel.p99Seconds(t, effects.latencyFactor * hostEffects.latencyFactor)
                                        * (effects.trafficFactor > 1
                                                ? 1 + 0.1 * (effects.trafficFactor - 1)
                                                : 1)
                                + random.noise(0.01 * noise));
        sink.send(Formats.metric(t, "http_request_duration_p99_seconds", p99, full ? app : node));
        double disk = Double.isNaN(hostEffects.diskUsedRatio) ? 0.42 : hostEffects.diskUsedRatio;
        double diskSample = clamp(disk + random.noise(0.002), 0, 1);
        sink.send(Formats.metric(t, "node_filesystem_used_ratio", diskSample, node));
        if (!full) {
            return;
        }
        slowShares
                .computeIfAbsent(service, s -> new ArrayDeque<>())
                .addLast(FleetModel.slowShare(p99));
        sink.send(Formats.metric(t, "disk_used_ratio", diskSample, with(node, "mount", "/")));
        sink.send(Formats.metric(t, "jvm_memory_heap_used_ratio", heap, app));
        double pressure = FleetModel.heapPressure(heap);
        sink.send(
                Formats.metric(
                        t,
                        "jvm_gc_pause_seconds",
                        FleetModel.gcPauseSeconds(pressure, random.uniform()),
                        app));
        sink.send(
                Formats.metric(
                        t,
                        "container_memory_working_set_ratio",
                        (residentBytes + 60e6) / CONTAINER_LIMIT_BYTES,
                        with(app, "container", service)));
        double demand =
                FleetModel.poolDemand(t, effects.trafficFactor, effects.poolExtra)
                        + random.noise(0.02 * noise);
        int active = (int) Math.round(clamp(demand, 0, 1) * POOL_SIZE);
        Map<String, String> pool = with(app, "pool", POOL);
        sink.send(
                Formats.metric(
                        t, "hikaricp_connections_usage_ratio", active / (double) POOL_SIZE, pool));
        sink.send(
                Formats.metric(
                        t,
                        "hikaricp_connections_pending",
                        demand > 1 ? Math.round((demand - 1) * 60) : 0,
                        pool));
    }

    /**
     * One sample of every series of a service (with {@link Coverage#FULL}): the burn rates of its
     * latency SLO, over the hosts' samples of the last 5 minutes and hour.
     */
    void service(long t, String service, TelemetrySink sink) {
        Deque<Double> shares = slowShares.get(service);
        if (shares == null || shares.isEmpty()) {
            return;
        }
        int hosts = settings.hostsPerService();
        while (shares.size() > longWindow * hosts) {
            shares.removeFirst();
        }
        double noise = 0.0004 * random.uniform() * fleet.of(service).noiseFactor;
        Map<String, String> labels =
                Map.of("service", service, "slo", service + "-latency", "job", "prometheus");
        sink.send(
                Formats.metric(
                        t,
                        "slo_latency_burn_rate",
                        (mean(shares, shortWindow * hosts) + noise) / FleetModel.LATENCY_BUDGET,
                        with(labels, "window", "5m")));
        sink.send(
                Formats.metric(
                        t,
                        "slo_latency_burn_rate",
                        (mean(shares, longWindow * hosts) + noise) / FleetModel.LATENCY_BUDGET,
                        with(labels, "window", "1h")));
    }

    /** The blackbox exporter's probe of a service's TLS endpoint. */
    void certificate(long t, String service, TelemetrySink sink) {
        long notAfter = fleet.of(service).certificateNotAfter;
        Map<String, String> labels =
                Map.of(
                        "service",
                        service,
                        "instance",
                        Dependencies.endpoint(service) + ":443",
                        "job",
                        "blackbox");
        sink.send(
                Formats.metric(
                        t,
                        "probe_ssl_earliest_cert_expiry",
                        Math.floorDiv(notAfter, 1000),
                        labels));
        sink.send(
                Formats.metric(
                        t,
                        "tls_certificate_expiry_seconds",
                        Math.floorDiv(notAfter - t, 1000),
                        labels));
    }

    /** The status of each dependency of a service as its client sees it. */
    void dependencies(long t, String service, TelemetrySink sink) {
        for (String dependency : Dependencies.of(service)) {
            FleetState.DependencyHealth health = fleet.dependency(dependency);
            double latency =
                    Dependencies.typicalLatencyMs(dependency)
                            * health.latencyFactor
                            * (0.85 + 0.3 * random.uniform());
            sink.send(
                    Formats.dependencyStatus(
                            t,
                            service,
                            dependency,
                            health.status,
                            latency,
                            health.errorRate * (0.5 + random.uniform()),
                            health.message));
        }
    }

    private static double mean(Deque<Double> values, int last) {
        double sum = 0;
        int n = 0;
        var it = values.descendingIterator();
        while (it.hasNext() && n < last) {
            sum += it.next();
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> out = new HashMap<>(labels);
        out.put(key, value);
        return Map.copyOf(out);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
