package io.forewarn.simulator;

import java.util.SplittableRandom;

/** Small helpers scenarios share: progress through a phase and lines at a rate. */
final class Ramps {

    private Ramps() {}

    /** 0 before {@code from}, 1 after {@code to}, linear in between. */
    static double progress(long t, long from, long to) {
        if (t <= from) {
            return 0;
        }
        if (t >= to) {
            return 1;
        }
        return (t - from) / (double) (to - from);
    }

    /** How many lines to write in one tick (one second) at {@code perMinute} lines a minute. */
    static int linesThisTick(SplittableRandom random, double perMinute) {
        double mean = perMinute / 60.0;
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A random offset within the tick, so lines do not all share the tick's millisecond. */
    static long jitter(SplittableRandom random) {
        return random.nextInt((int) TelemetrySimulator.TICK.toMillis());
    }
}
