package io.forewarn.metrics.anomaly;

import java.util.Random;

/** Synthetic 5-minute series: a daily cycle plus Gaussian noise, with one anomaly injected. */
final class SyntheticSeries {

    static final long STEP_MILLIS = 5 * 60_000L;
    static final int POINTS_PER_DAY = 288;
    static final long START_MILLIS = 1_420_070_400_000L; // 2015-01-01T00:00Z

    private SyntheticSeries() {}

    static long timestamp(int i) {
        return START_MILLIS + i * STEP_MILLIS;
    }

    /** Daily sine (amplitude 10 around 100) plus noise of the given deviation. */
    static double[] seasonal(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] =
                    100
                            + 10 * Math.sin(2 * Math.PI * i / POINTS_PER_DAY)
                            + noise * random.nextGaussian();
        }
        return v;
    }
}
