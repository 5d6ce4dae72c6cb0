package io.forewarn.detect;

/**
 * Keyed state of {@link ErrorRateDetector} for one service: a ring of per-slide counts and the
 * service's baseline. A Flink POJO (public fields, no-arg constructor), so it is serialised without
 * Kryo and can evolve.
 */
public class ErrorRateState {

    /** Slide number (event time / slide) held in each ring slot; -1 for empty. */
    public long[] bucketIds;

    /** Log records per ring slot. */
    public long[] totals;

    /** Error and fatal records per ring slot. */
    public long[] errors;

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

    /** The last few error messages (ring), evidence for a signal. */
    public String[] recentErrors;

    /** Next slot of {@link #recentErrors}. */
    public int recentErrorsNext;

    public ErrorRateState() {}

    static ErrorRateState create(int buckets, int examples) {
        ErrorRateState state = new ErrorRateState();
        state.bucketIds = new long[buckets];
        java.util.Arrays.fill(state.bucketIds, -1L);
        state.totals = new long[buckets];
        state.errors = new long[buckets];
        state.recentErrors = new String[examples];
        return state;
    }
}
