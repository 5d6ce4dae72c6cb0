package io.forewarn.detect;

/**
 * Keyed state of {@link ErrorRateDetector} for one service: its baseline and burst status (the
 * per-slide counts live in a map state, {@link Descriptors#ERROR_RATE_BUCKETS}). A Flink POJO
 * (public fields, no-arg constructor), so it is serialised without Kryo and can evolve.
 */
public class ErrorRateState {

    /** Exponentially weighted mean of the window error rate. */
    public double baselineMean;

    /** Exponentially weighted variance of the window error rate. */
    public double baselineVariance;

    /** Windows folded into the baseline so far (saturates at Integer.MAX_VALUE). */
    public int baselineWindows;

    /** Last slide number whose window was evaluated. */
    public long lastEvaluatedBucket = Long.MIN_VALUE;

    /** Largest event time seen. */
    public long lastEventTime = Long.MIN_VALUE;

    /** Whether the service is in a burst (a signal was emitted and not yet resolved). */
    public boolean inBurst;

    /** Consecutive non-burst windows since the burst's last burst window. */
    public int quietWindows;

    public ErrorRateState() {}

    static ErrorRateState create() {
        return new ErrorRateState();
    }
}
