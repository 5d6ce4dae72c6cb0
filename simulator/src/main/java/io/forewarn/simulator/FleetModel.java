package io.forewarn.simulator;

/**
 * The fleet's noise-free behaviour as functions of time and {@link FleetState}: the simulator draws
 * its samples around these, and scenarios use them to know when their failure happens.
 */
public final class FleetModel {

    /** The latency objective of every service: 99% of requests within this many seconds. */
    public static final double LATENCY_OBJECTIVE_SECONDS = 1.0;

    /** The share of requests the latency objective allows to be slower. */
    public static final double LATENCY_BUDGET = 0.01;

    /** Spread (sigma of the logarithm) of request latencies around their median. */
    private static final double LATENCY_SIGMA = 0.6;

    /** z of the 99th percentile of a normal distribution. */
    private static final double Z99 = 2.326;

    private FleetModel() {}

    /** Daily traffic shape: quiet at night, peaks in the afternoon (UTC), mean 1. */
    public static double traffic(long t) {
        double hour = Math.floorMod(t, 86_400_000L) / 3_600_000.0;
        return 1 + 0.4 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    /** Expected p99 request latency of a host, in seconds. */
    public static double p99Seconds(long t, double latencyFactor) {
        return (0.18 + 0.05 * traffic(t)) * latencyFactor;
    }

    /** Share of requests slower than the objective when the p99 latency is {@code p99}. */
    public static double slowShare(double p99) {
        double median = p99 / Math.exp(Z99 * LATENCY_SIGMA);
        double z = Math.log(LATENCY_OBJECTIVE_SECONDS / median) / LATENCY_SIGMA;
        return 1 - normalCdf(z);
    }

    /**
     * Used share of a JVM heap after collection, with {@code u} in [0, 1) drawing where between two
     * collections the sample falls.
     */
    public static double heapUsed(long t, double trafficFactor, double heapExtra, double u) {
        double heap = 0.38 + 0.10 * traffic(t) * trafficFactor + 0.06 * u + heapExtra;
        return Math.max(0.05, Math.min(1.0, heap));
    }

    /** How hard the collector struggles: 0 below 80% heap, 1 when the heap is full. */
    public static double heapPressure(double heapUsed) {
        return Math.max(0, (heapUsed - 0.8) / 0.2);
    }

    /** The longest GC pause of an interval, in seconds ({@code u} in [0, 1) is the noise). */
    public static double gcPauseSeconds(double pressure, double u) {
        return 0.008 + 0.03 * u + 3.0 * Math.pow(pressure, 1.5) * (0.7 + 0.6 * u);
    }

    /** Used share of a service's connection pool on a host, before noise, may exceed 1. */
    public static double poolDemand(long t, double trafficFactor, double poolExtra) {
        return 0.10 + 0.12 * traffic(t) * trafficFactor + poolExtra;
    }

    private static double normalCdf(double z) {
        // Abramowitz and Stegun 7.1.26 through erf; absolute error below 1.5e-7.
        double x = Math.abs(z) / Math.sqrt(2);
        double k = 1 / (1 + 0.3275911 * x);
        double erf =
                1
                        - k
                                * (0.254829592
                                        + k
                                                * (-0.284496736
                                                        + k
                                                                * (1.421413741
                                                                        + k
                                                                                * (-1.453152027
                                                                                        + k
                                                                                                * 1.061405429))))
                                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
