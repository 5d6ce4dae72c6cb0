package io.forewarn.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What to simulate.
 *
 * @param seed the same seed gives the same records, byte for byte
 * @param services service names; each gets {@code hostsPerService} hosts named SERVICE-N
 * @param hostsPerService hosts per service
 * @param logsPerHostPerMinute average log records per host and minute at mean traffic
 * @param baseErrorRatio share of error records of a healthy service
 * @param metricInterval time between two samples of a metric series
 */
public record SimulatorSettings(
        long seed,
        List<String> services,
        int hostsPerService,
        double logsPerHostPerMinute,
        double baseErrorRatio,
        Duration metricInterval) {

    /** A small fleet for the demo and tests. */
    public static SimulatorSettings small(long seed) {
        return new SimulatorSettings(
                seed,
                List.of("checkout", "payments", "search", "inventory", "frontend"),
                2,
                120,
                0.01,
                Duration.ofSeconds(30));
    }
}
