package io.forewarn.metrics.forecast;

import java.io.Serializable;
import java.time.Duration;

/**
 * When breach forecasts become alerts ({@link BreachAlerts}).
 *
 * @param minProbability a forecast raises or keeps an alert from this probability of crossing
 *     within the horizon
 * @param minConfidence ... and from this confidence (share of a season of history behind it)
 * @param clearAfter consecutive forecasts without a likely crossing that resolve an alert
 * @param updateEvery an active alert is repeated (updated) at most this often
 */
public record AlertPolicy(
        double minProbability, double minConfidence, int clearAfter, Duration updateEvery)
        implements Serializable {

    public AlertPolicy {
        if (!(minProbability > 0 && minProbability <= 1)) {
            throw new IllegalArgumentException("minProbability must be in (0, 1]");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1]");
        }
        if (clearAfter < 1) {
            throw new IllegalArgumentException("clearAfter must be at least 1");
        }
        if (updateEvery == null || updateEvery.isNegative()) {
            throw new IllegalArgumentException("updateEvery must be a duration >= 0");
        }
    }

    /** Probability 0.5, confidence 0.1, two clear forecasts, updates at most every 10 min. */
    public static AlertPolicy defaults() {
        return new AlertPolicy(0.5, 0.1, 2, Duration.ofMinutes(10));
    }
}
