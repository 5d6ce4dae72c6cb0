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
 * @param coverage which telemetry besides logs the fleet sends
 * @param logFormats log formats, assigned to the services in order, round robin
 */
public record SimulatorSettings(
        long seed,
        List<String> services,
        int hostsPerService,
        double logsPerHostPerMinute,
        double baseErrorRatio,
        Duration metricInterval,
        Coverage coverage,
        List<LogFormat> logFormats) {

    public SimulatorSettings {
        services = List.copyOf(services);
        logFormats = List.copyOf(logFormats);
        if (services.isEmpty() || logFormats.isEmpty() || hostsPerService < 1) {
            throw new IllegalArgumentException("a fleet needs services, hosts and a log format");
        }
    }

    /** ECS logs and the {@link Coverage#CORE} metrics. */
    public SimulatorSettings(
            long seed,
            List<String> services,
            int hostsPerService,
            double logsPerHostPerMinute,
            double baseErrorRatio,
            Duration metricInterval) {
        this(
                seed,
                services,
                hostsPerService,
                logsPerHostPerMinute,
                baseErrorRatio,
                metricInterval,
                Coverage.CORE,
                List.of(LogFormat.ECS));
    }

    /** A small fleet for tests: five services of two hosts, ECS logs, core metrics. */
    public static SimulatorSettings small(long seed) {
        return new SimulatorSettings(
                seed,
                List.of("checkout", "payments", "search", "inventory", "frontend"),
                2,
                120,
                0.01,
                Duration.ofSeconds(30));
    }

    /**
     * A fleet with everything: the given services, two hosts each, logs in every format (ECS,
     * Vector, Fluent Bit, plain, in that order round robin), {@link Coverage#FULL}.
     */
    public static SimulatorSettings full(long seed, List<String> services, double logsPerMinute) {
        return new SimulatorSettings(
                seed,
                services,
                2,
                logsPerMinute,
                0.01,
                Duration.ofSeconds(30),
                Coverage.FULL,
                List.of(LogFormat.ECS, LogFormat.VECTOR, LogFormat.FLUENT_BIT, LogFormat.PLAIN));
    }

    /** The log format of a service. */
    public LogFormat logFormat(String service) {
        int index = services.indexOf(service);
        return logFormats.get(Math.max(0, index) % logFormats.size());
    }

    /** The hosts of a service: SERVICE-1 .. SERVICE-N. */
    public List<String> hosts(String service) {
        String[] hosts = new String[hostsPerService];
        for (int h = 0; h < hostsPerService; h++) {
            hosts[h] = service + "-" + (h + 1);
        }
        return List.of(hosts);
    }

    /** Copy with other services. */
    public SimulatorSettings withServices(List<String> services) {
        return new SimulatorSettings(
                seed,
                services,
                hostsPerService,
                logsPerHostPerMinute,
                baseErrorRatio,
                metricInterval,
                coverage,
                logFormats);
    }
}
