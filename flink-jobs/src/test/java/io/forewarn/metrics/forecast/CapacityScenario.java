package io.forewarn.metrics.forecast;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A synthetic capacity series with a known threshold crossing: a noiseless path (hours → value),
 * plus autocorrelated noise, sampled every {@link #STEP_MILLIS}. The true crossing is where the
 * noiseless path first reaches the threshold.
 *
 * @param name short name for reports
 * @param path the noiseless value at a time in hours from the start
 * @param threshold the limit
 * @param noise standard deviation of the AR(1) noise
 */
public record CapacityScenario(
        String name, DoubleUnaryOperator path, Threshold threshold, double noise) {

    /** Sampling step of the scenarios: one point every 5 minutes. */
    public static final long STEP_MILLIS = 5 * 60_000L;

    /** Scenarios start at midnight UTC, so the daily cycle has a known phase. */
    public static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00Z

    /** Length of every scenario. */
    public static final int DAYS = 10;

    private static final double DAY_HOURS = 24;
    private static final Threshold DISK = new Threshold(Threshold.Direction.ABOVE, 0.95);

    /** The scenarios the forecaster is compared on (the last one never crosses). */
    public static List<CapacityScenario> all() {
        return List.of(
                new CapacityScenario(
                        "steady growth + daily cycle",
                        h -> 0.40 + 0.005 * h + daily(h, 0.05),
                        DISK,
                        0.004),
                new CapacityScenario(
                        "leak starts after 4 days",
                        h -> 0.55 + 0.004 * Math.max(0, h - 96) + daily(h, 0.04),
                        DISK,
                        0.004),
                new CapacityScenario(
                        "growth slows after 36 h",
                        h ->
                                0.30
                                        + 0.012 * Math.min(h, 36)
                                        + 0.003 * Math.max(0, h - 36)
                                        + daily(h, 0.04),
                        DISK,
                        0.004),
                new CapacityScenario(
                        "cleanup at day 3, then regrowth",
                        h -> 0.40 + 0.005 * h - (h >= 72 ? 0.25 : 0) + daily(h, 0.03),
                        DISK,
                        0.004),
                new CapacityScenario(
                        "slow trend, daily peaks cross",
                        h -> 0.70 + 0.0015 * h + daily(h, 0.12),
                        DISK,
                        0.004),
                new CapacityScenario(
                        "memory: leak over a busy daily cycle",
                        h -> 0.45 + 0.004 * Math.max(0, h - 48) + daily(h, 0.15),
                        DISK,
                        0.006),
                new CapacityScenario(
                        "no breach: daily cycle only", h -> 0.60 + daily(h, 0.10), DISK, 0.004));
    }

    /** Daily cycle peaking at 15:00 UTC. */
    static double daily(double hours, double amplitude) {
        return amplitude * Math.sin(2 * Math.PI * (hours - 9) / DAY_HOURS);
    }

    /** Number of points. */
    public int points() {
        return (int) (DAYS * 24 * 3_600_000L / STEP_MILLIS);
    }

    /** Event time of point {@code i}. */
    public long timestamp(int i) {
        return START_MILLIS + i * STEP_MILLIS;
    }

    /** The noisy values for one seed. */
    public double[] values(long seed) {
        Random random = new Random(seed);
        double[] v = new double[points()];
        double e = 0;
        for (int i = 0; i < v.length; i++) {
            e = 0.8 * e + Math.sqrt(1 - 0.64) * noise * random.nextGaussian();
            v[i] = path.applyAsDouble(hours(i)) + e;
        }
        return v;
    }

    /** When the noiseless path first reaches the threshold (minute resolution), or -1. */
    public long trueCrossing() {
        for (long t = START_MILLIS; t < START_MILLIS + DAYS * 86_400_000L; t += 60_000) {
            if (threshold.breachedBy(path.applyAsDouble((t - START_MILLIS) / 3_600_000.0))) {
                return t;
            }
        }
        return -1;
    }

    private double hours(int i) {
        return i * STEP_MILLIS / 3_600_000.0;
    }
}
