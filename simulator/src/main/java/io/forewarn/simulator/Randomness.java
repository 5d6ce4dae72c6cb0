package io.forewarn.simulator;

import java.util.SplittableRandom;

/** The simulator's random draws, all from one seeded generator so a seed fixes every record. */
final class Randomness {

    private final SplittableRandom random;

    Randomness(long seed) {
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom generator() {
        return random;
    }

    double uniform() {
        return random.nextDouble();
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A Poisson-distributed count (Knuth's method; the means here are small). */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** Zero-mean noise of standard deviation {@code sigma}. */
    double noise(double sigma) {
        // Sum of uniforms: cheap, deterministic, close enough to normal for telemetry noise.
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += random.nextDouble() - 0.5;
        }
        return sum * sigma * Math.sqrt(3);
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A six-digit id, e.g. of an order. */
    String id() {
        return Long.toString(100_000 + random.nextInt(900_000));
    }

    String thread() {
        return "http-nio-8080-exec-" + (1 + random.nextInt(16));
    }
}
