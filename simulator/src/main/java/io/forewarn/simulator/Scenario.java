package io.forewarn.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An incident or a benign disturbance the simulator injects. Each tick it may change the fleet's
 * behaviour through {@link FleetState} and emit records of its own (a deployment, log lines, an
 * incident).
 */
public interface Scenario {

    /** Short name, e.g. bad-deployment. */
    String name();

    /** Called once per tick, in event-time order, before the fleet emits that tick's records. */
    void onTick(long time, FleetState fleet, Emitter emitter);

    /** Ground truth of the failure this scenario causes, or null for a benign disturbance. */
    GroundTruth groundTruth();

    /**
     * Where and when a benign disturbance happens, or null for a scenario that causes a failure.
     */
    default BenignWindow benign() {
        return null;
    }

    /** Receives the records a scenario emits itself. */
    interface Emitter {
        void emit(TelemetryEvent event);

        /**
         * A log line of a service's host, in that service's log format. The simulator's own emitter
         * implements it; the default renders ECS.
         */
        default void log(
                long time,
                String service,
                String host,
                String level,
                String logger,
                String message) {
            emit(Formats.ecsLog(time, service, host, level, logger, "main", message));
        }

        /** The hosts of a service. The simulator's emitter knows the fleet; the default is one. */
        default List<String> hosts(String service) {
            return List.of(service + "-1");
        }

        /**
         * The simulator's random numbers, so that scenarios stay deterministic for a seed. The
         * default is seeded with 0.
         */
        default SplittableRandom random() {
            return new SplittableRandom(0);
        }
    }
}
