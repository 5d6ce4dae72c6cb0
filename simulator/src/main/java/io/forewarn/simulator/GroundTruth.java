package io.forewarn.simulator;

import java.util.Set;

/**
 * What a scenario really did: the answer predictions are scored against.
 *
 * @param scenario the scenario's name
 * @param service the affected service
 * @param host the affected host, or null for the whole service
 * @param failureType the failure that followed
 * @param precursorOnset when the first precursor appeared (event time, epoch ms)
 * @param failureTime when the failure had impact (event time, epoch ms)
 * @param consequences other failure types whose symptoms the scenario really produces on the same
 *     entity (e.g. an error spike when a dependency outage makes calls fail): predicting them is
 *     not a false alarm, but does not count as detecting the failure
 * @param gradual whether the precursors build up gradually (leaks, fills, creeps) rather than
 *     suddenly (a bad deployment)
 * @param keyMetric the series that shows the precursor best, for charts: a metric name, or {@code
 *     log_error_ratio} (share of ERROR/FATAL lines per minute)
 */
public record GroundTruth(
        String scenario,
        String service,
        String host,
        String failureType,
        long precursorOnset,
        long failureTime,
        Set<String> consequences,
        boolean gradual,
        String keyMetric) {

    /** Log error ratio per minute: the key "metric" of scenarios whose precursors are in logs. */
    public static final String LOG_ERROR_RATIO = "log_error_ratio";

    public GroundTruth {
        consequences = Set.copyOf(consequences);
        if (failureTime <= precursorOnset) {
            throw new IllegalArgumentException(
                    scenario + ": failure time must follow the precursor onset");
        }
    }

    /** A gradual failure with no consequences of other types, charted by {@code keyMetric}. */
    public GroundTruth(
            String scenario,
            String service,
            String host,
            String failureType,
            long precursorOnset,
            long failureTime) {
        this(
                scenario,
                service,
                host,
                failureType,
                precursorOnset,
                failureTime,
                Set.of(),
                true,
                LOG_ERROR_RATIO);
    }
}
