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
 * @param sustainable whether the lag stayed bounded at the target rate (see {@link
 *     ThroughputSearch})
 * @param keptUp whether the job kept up with what the generator sent: the lag stayed bounded and
 *     the job ran to the end (the generator may still have sent less than the target rate)
 * @param verdict why it is or is not sustainable
 */
record Trial(
        JobKind kind,
        double targetRate,
        double achievedRate,
        long seconds,
        List<long[]> lag,
        boolean sustainable,
        boolean keptUp,
        String verdict) {

    /**
     * The load generator could not send at the target rate while the job kept up with what it sent:
     * the job may sustain more than the generator achieved. A job that fell behind is not
     * producer-limited, even if the generator fell short too (the two share the machine's cores).
     */
    boolean producerLimited() {
        return keptUp && achievedRate < 0.97 * targetRate;
    }
}
