package io.forewarn.sink.elasticsearch;

import java.time.Duration;

/**
 * Delay before the next retry: {@code initial * 2^(consecutive failures - 1)}, capped at {@code
 * max}, back to {@code initial} after a success. One instance per sink writer, so a struggling
 * cluster sees each writer slow down, whichever of its requests failed.
 */
public final class ExponentialBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private int consecutiveFailures;

    public ExponentialBackoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException(
                    "backoff needs 0 < initial <= max, was " + initial + " and " + max);
        }
    }

    /** Records a failure and returns how long to wait before retrying, in milliseconds. */
    public long nextDelayMillis() {
        int exponent = Math.min(consecutiveFailures, 62);
        consecutiveFailures++;
        long delay = initialMillis;
        for (int i = 0; i < exponent && delay < maxMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMillis);
    }

    /** Records a success: the next failure waits the initial delay again. */
    public void reset() {
        consecutiveFailures = 0;
    }

    /** Failures since the last success. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }
}
