package io.forewarn.benchmarks.pipeline;

import java.util.List;

/**
 * One constant-rate trial of a job.
 *
 * @param kind the job
 * @param targetRate records per second asked of the load generator
 * @param achievedRate records per second it sent
 * @param seconds how long the trial ran
 * @param lag consumer lag samples (seconds since the start, records)
 * @param sustainable whether the lag stayed bounded (see {@link ThroughputSearch})
 * @param verdict why it is or is not sustainable
 */
record Trial(
        JobKind kind,
        double targetRate,
        double achievedRate,
        long seconds,
        List<long[]> lag,
        boolean sustainable,
        String verdict) {

    /** The load generator could not send at the target rate. */
    boolean producerLimited() {
        return achievedRate < 0.97 * targetRate;
    }
}
