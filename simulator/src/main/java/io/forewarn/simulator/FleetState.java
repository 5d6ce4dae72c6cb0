package io.forewarn.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The mutable behaviour of the fleet that scenarios change: per service, the error ratio of its
 * logs, extra error messages, and adjustments to its metrics.
 */
public final class FleetState {

    private final Map<String, ServiceEffects> effects = new HashMap<>();
    private final Map<String, HostEffects> hosts = new HashMap<>();

    /** The effects on one service (created on first use, healthy by default). */
    public ServiceEffects of(String service) {
        return effects.computeIfAbsent(service, s -> new ServiceEffects());
    }

    /** The effects on one host, e.g. {@code checkout-1} (created on first use, healthy). */
    public HostEffects host(String host) {
        return hosts.computeIfAbsent(host, h -> new HostEffects());
    }

    /** How a scenario currently changes one host. */
    public static final class HostEffects {
        /** Used ratio of its filesystem; NaN means the host's normal ratio. */
        public double diskUsedRatio = Double.NaN;
    }

    /** How a scenario currently changes one service. */
    public static final class ServiceEffects {
        /** Error ratio of its logs; NaN means the service's normal ratio. */
        public double errorRatio = Double.NaN;

        /**
         * Error message template to use while {@link #errorRatio} is raised; null for the usual
         * ones.
         */
        public String errorTemplate;

        /** Multiplier of the latency metrics. */
        public double latencyFactor = 1.0;

        /** Multiplier of the traffic (log volume and request rate). */
        public double trafficFactor = 1.0;

        /** Version currently deployed. */
        public String version = "1.0.0";

        public void reset() {
            errorRatio = Double.NaN;
            errorTemplate = null;
            latencyFactor = 1.0;
            trafficFactor = 1.0;
        }
    }
}
