package io.forewarn.metrics.forecast;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of a {@link CapacityForecaster}.
 *
 * @param bucket the forecaster's resolution: points are averaged into buckets of this length
 * @param history how much history (in event time) the trend and season are fitted on
 * @param season length of the seasonal cycle (one day)
 * @param harmonics Fourier harmonics of the seasonal cycle (0: no seasonality)
 * @param horizon how far ahead a crossing is looked for
 * @param minHistory history needed before the first forecast
 * @param minSegment shortest recent segment a trend change may leave to fit the current trend on
 * @param intervalZ half-width of the crossing-time interval in standard deviations (1.28: 80%)
 */
public record ForecastConfig(
        Duration bucket,
        Duration history,
        Duration season,
        int harmonics,
        Duration horizon,
        Duration minHistory,
        Duration minSegment,
        double intervalZ)
        implements Serializable {

    public ForecastConfig {
        positive("bucket", bucket);
        positive("history", history);
        positive("season", season);
        positive("horizon", horizon);
        positive("minHistory", minHistory);
        positive("minSegment", minSegment);
        if (harmonics < 0 || harmonics > 12) {
            throw new IllegalArgumentException("harmonics must be in 0..12, was " + harmonics);
        }
        if (history.compareTo(bucket.multipliedBy(4)) < 0) {
            throw new IllegalArgumentException("history must hold at least 4 buckets");
        }
        if (!(intervalZ > 0)) {
            throw new IllegalArgumentException("intervalZ must be > 0, was " + intervalZ);
        }
    }

    /** Defaults: 15 min buckets, 3 days of history, daily season with 3 harmonics, 7 days ahead. */
    public static ForecastConfig defaults() {
        return new ForecastConfig(
                Duration.ofMinutes(15),
                Duration.ofDays(3),
                Duration.ofDays(1),
                3,
                Duration.ofDays(7),
                Duration.ofHours(2),
                Duration.ofHours(3),
                1.28);
    }

    /** A copy with another horizon. */
    public ForecastConfig withHorizon(Duration newHorizon) {
        return new ForecastConfig(
                bucket, history, season, harmonics, newHorizon, minHistory, minSegment, intervalZ);
    }

    /** Number of buckets of history kept. */
    int historyBuckets() {
        return (int) (history.toMillis() / bucket.toMillis());
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
