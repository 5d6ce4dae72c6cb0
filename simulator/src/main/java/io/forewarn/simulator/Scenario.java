package io.forewarn.simulator;

/**
 * An incident (or a benign disturbance) the simulator injects. Each tick it may change the fleet's
 * behaviour through {@link FleetState} and emit records of its own (a deployment, an incident).
 */
public interface Scenario {

    /** Short name, e.g. bad-deployment. */
    String name();

    /** Called once per tick, in event-time order, before the fleet emits that tick's records. */
    void onTick(long time, FleetState fleet, Emitter emitter);

    /** Ground truth of the failure this scenario causes, or null for a benign disturbance. */
    GroundTruth groundTruth();

    /** Receives the records a scenario emits itself. */
    interface Emitter {
        void emit(TelemetryEvent event);
    }
}
