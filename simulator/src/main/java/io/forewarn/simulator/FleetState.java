package io.forewarn.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The mutable behaviour of the fleet that scenarios change: per service, per host and per external
 * dependency. Everything starts healthy; a scenario changes a few fields while it runs and puts
 * them back when it is over.
 */
public final class FleetState {

    private final Map<String, ServiceEffects> services = new HashMap<>();
    private final Map<String, HostEffects> hosts = new HashMap<>();
    private final Map<String, DependencyHealth> dependencies = new HashMap<>();

    /** The effects on one service (created on first use, healthy by default). */
    public ServiceEffects of(String service) {
        return services.computeIfAbsent(service, s -> new ServiceEffects());
    }

    /** The effects on one host, e.g. {@code checkout-1} (created on first use, healthy). */
    public HostEffects host(String host) {
        return hosts.computeIfAbsent(host, h -> new HostEffects());
    }

    /** The health of an external dependency, e.g. {@code stripe-api} (operational by default). */
    public DependencyHealth dependency(String name) {
        return dependencies.computeIfAbsent(name, d -> new DependencyHealth());
    }

    /** How a scenario currently changes one service. */
    public static final class ServiceEffects {
        /** Error ratio of its logs; NaN means the service's normal ratio. */
        public double errorRatio = Double.NaN;

        /**
         * Error message template to use while {@link #errorRatio} is raised; null for the usual
         * ones. One {@code %s} is replaced by a region.
         */
        public String errorTemplate;

        /** Multiplier of the latency metrics. */
        public double latencyFactor = 1.0;

        /** Multiplier of the traffic (log volume, request rate, CPU, pool usage). */
        public double trafficFactor = 1.0;

        /** Multiplier of the metrics' noise (a noisy but healthy service has more). */
        public double noiseFactor = 1.0;

        /** Extra share of the connection pool in use on every host (leaked or held connections). */
        public double poolExtra;

        /**
         * When the served TLS certificate expires (epoch ms); MIN_VALUE until the fleet sets it.
         */
        public long certificateNotAfter = Long.MIN_VALUE;

        /** Version currently deployed. */
        public String version = "1.0.0";

        /** Back to healthy: error ratio, error template, latency, traffic. */
        public void reset() {
            errorRatio = Double.NaN;
            errorTemplate = null;
            latencyFactor = 1.0;
            trafficFactor = 1.0;
        }
    }

    /** How a scenario currently changes one host. */
    public static final class HostEffects {
        /** Used ratio of its filesystem; NaN means the host's normal ratio. */
        public double diskUsedRatio = Double.NaN;

        /** Extra share of the JVM heap that stays in use after collections (a leak). */
        public double heapExtra;

        /** Multiplier of this host's latency (on top of the service's). */
        public double latencyFactor = 1.0;

        /** The process is not running: the host sends neither logs nor metrics. */
        public boolean down;
    }

    /** The health of an external dependency as its status page and its clients see it. */
    public static final class DependencyHealth {
        /** Status page vocabulary: operational, degraded_performance, major_outage, ... */
        public String status = "operational";

        /** Multiplier of its response time. */
        public double latencyFactor = 1.0;

        /** Share of calls that fail. */
        public double errorRate = 0.001;

        /** Status message; null when there is nothing to say. */
        public String message;
    }
}
