package io.forewarn.simulator;

import java.time.Duration;
import java.util.Set;

/**
 * Latency creeping up until the latency SLO breaks: a table grows past what its query plan handles,
 * so a common query gets slower and slower (more slow-query warnings, a rising p99). The failure is
 * the moment the expected p99 latency of the service exceeds the objective of {@value
 * FleetModel#LATENCY_OBJECTIVE_SECONDS} s. An index is rebuilt {@code mitigatedAfter} later.
 */
public final class LatencyCreepScenario implements Scenario {

    private final String service;
    private final long onset;
    private final double growthPerMilli;
    private final long failureAt;
    private final long mitigatedAt;
    private boolean failed;
    private boolean mitigated;

    /**
     * @param breachAfter roughly when the p99 should cross the objective; the exact time follows
     *     from the daily traffic curve and is in the ground truth
     */
    public LatencyCreepScenario(
            String service, long onset, Duration breachAfter, Duration mitigatedAfter) {
        this.service = service;
        this.onset = onset;
        long target = onset + breachAfter.toMillis();
        double factorAtTarget =
                FleetModel.LATENCY_OBJECTIVE_SECONDS / FleetModel.p99Seconds(target, 1.0);
        this.growthPerMilli = Math.log(factorAtTarget) / breachAfter.toMillis();
        long t = onset;
        while (FleetModel.p99Seconds(t, factor(t)) < FleetModel.LATENCY_OBJECTIVE_SECONDS) {
            t += TelemetrySimulator.TICK.toMillis();
        }
        this.failureAt = t;
        this.mitigatedAt = failureAt + mitigatedAfter.toMillis();
    }

    private double factor(long t) {
        return Math.exp(growthPerMilli * (t - onset));
    }

    @Override
    public String name() {
        return "latency-creep";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < onset || mitigated) {
            return;
        }
        FleetState.ServiceEffects effects = fleet.of(service);
        if (time >= mitigatedAt) {
            mitigated = true;
            effects.reset();
            emitter.log(
                    time,
                    service,
                    emitter.hosts(service).get(0),
                    "INFO",
                    "com.shop.db.Maintenance",
                    "Rebuilt index idx_orders_customer_id in 84 s");
            return;
        }
        effects.latencyFactor = factor(time);
        if (!failed && time >= failureAt) {
            failed = true;
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            null,
                            groundTruth().failureType(),
                            service
                                    + " p99 latency above its "
                                    + FleetModel.LATENCY_OBJECTIVE_SECONDS
                                    + " s objective",
                            onset));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(
                name(),
                service,
                null,
                "slo-breach",
                onset,
                failureAt,
                Set.of(),
                true,
                "http_request_duration_p99_seconds");
    }
}
