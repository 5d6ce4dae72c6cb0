package io.forewarn.benchmarks.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * The ratio of {@link AnomalyStageBenchmark} measured robustly on a shared, busy machine: the two
 * sides run in alternating slices of {@link AnomalyStageBenchmark#BATCH} operations in one JVM, so
 * both see the same load; the result is the median throughput of each side and the median of the
 * per-round ratios. A complement to the JMH run, not a replacement.
 *
 * <pre>
 * PairedThroughput [--warmup-rounds N] [--rounds N]
 * </pre>
 */
public final class PairedThroughput {

    private PairedThroughput() {}

    public static void main(String[] args) {
        int warmupRounds = 100;
        int rounds = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        StageFixture fixture = new StageFixture();
        double[] stage = new double[rounds];
        double[] bare = new double[rounds];
        double[] ratio = new double[rounds];
        double sink = 0;
        for (int r = -warmupRounds; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < AnomalyStageBenchmark.BATCH; k++) {
                sink += fixture.stagePoint();
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < AnomalyStageBenchmark.BATCH; k++) {
                sink += fixture.bareForestPoint();
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                stage[r] = AnomalyStageBenchmark.BATCH / ((t1 - t0) / 1e9);
                bare[r] = AnomalyStageBenchmark.BATCH / ((t2 - t1) / 1e9);
                ratio[r] = stage[r] / bare[r];
            }
        }
        System.out.printf(
                Locale.ROOT,
                "rounds %d of %d ops each side (checksum %.1f)%n"
                        + "anomaly stage  median %.0f ops/s (p25 %.0f, p75 %.0f)%n"
                        + "bare forest    median %.0f ops/s (p25 %.0f, p75 %.0f)%n"
                        + "ratio stage/bare: median of rounds %.3f (p25 %.3f, p75 %.3f)%n",
                rounds,
                AnomalyStageBenchmark.BATCH,
                sink,
                quantile(stage, 0.5),
                quantile(stage, 0.25),
                quantile(stage, 0.75),
                quantile(bare, 0.5),
                quantile(bare, 0.25),
                quantile(bare, 0.75),
                quantile(ratio, 0.5),
                quantile(ratio, 0.25),
                quantile(ratio, 0.75));
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
