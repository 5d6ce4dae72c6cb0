package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.config.ForewarnConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link ErrorRateDetector}.
 *
 * @param window sliding window size; a multiple of {@code slide}
 * @param slide how often a window is evaluated
 * @param minErrors errors a window needs to be a burst
 * @param minZScore standard deviations above the baseline that make a burst
 * @param warmupWindows windows before the baseline is trusted
 * @param coldStartRate error rate that is a burst while the baseline is not warm
 * @param baselineHalfLife half-life of the exponentially weighted baseline
 * @param idleTimeout a service without logs for this long (event time) loses its state
 */
public record ErrorRateSettings(
        Duration window,
        Duration slide,
        int minErrors,
        double minZScore,
        int warmupWindows,
        double coldStartRate,
        Duration baselineHalfLife,
        Duration idleTimeout)
        implements Serializable {

    public static ErrorRateSettings from(ForewarnConfig config) {
        return new ErrorRateSettings(
                config.get(ERROR_RATE_WINDOW),
                config.get(ERROR_RATE_SLIDE),
                config.get(ERROR_RATE_MIN_ERRORS),
                config.get(ERROR_RATE_MIN_ZSCORE),
                config.get(ERROR_RATE_WARMUP_WINDOWS),
                config.get(ERROR_RATE_COLD_START_RATE),
                config.get(ERROR_RATE_BASELINE_HALF_LIFE),
                config.get(ERROR_RATE_IDLE_TIMEOUT));
    }

    /** Number of slides in a window. */
    public int buckets() {
        return (int) (window.toMillis() / slide.toMillis());
    }

    /** Weight of one new window in the exponentially weighted baseline. */
    public double baselineAlpha() {
        return 1 - Math.pow(0.5, (double) slide.toMillis() / baselineHalfLife.toMillis());
    }
}
