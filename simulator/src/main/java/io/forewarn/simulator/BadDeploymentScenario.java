package io.forewarn.simulator;

import java.time.Duration;

/**
 * A deployment that breaks a code path: a few minutes after it rolls out, errors climb on every
 * host of the service; after {@code failureAfter} users feel it (the incident), and the errors stop
 * when the deployment is rolled back at {@code rollbackAfter}.
 */
public final class BadDeploymentScenario implements Scenario {

    private final String service;
    private final long deployedAt;
    private final long errorsFrom;
    private final long failureAt;
    private final long rolledBackAt;
    private final String version;
    private boolean deployed;
    private boolean failed;
    private boolean rolledBack;

    public BadDeploymentScenario(
            String service,
            long deployedAt,
            Duration failureAfter,
            Duration rollbackAfter,
            String version) {
        this.service = service;
        this.deployedAt = deployedAt;
        this.errorsFrom = deployedAt + Duration.ofMinutes(2).toMillis();
        this.failureAt = deployedAt + failureAfter.toMillis();
        this.rolledBackAt = deployedAt + rollbackAfter.toMillis();
        this.version = version;
    }

    @Override
    public String name() {
        return "bad-deployment";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        FleetState.ServiceEffects effects = fleet.of(service);
        if (!deployed && time >= deployedAt) {
            deployed = true;
            String previous = effects.version;
            effects.version = version;
            emitter.emit(
                    Formats.deployment(
                            time,
                            service,
                            version,
                            previous,
                            "succeeded",
                            "deploy " + version + " of " + service));
        }
        if (deployed && !rolledBack && time >= errorsFrom) {
            double ramp =
                    Math.min(1.0, (time - errorsFrom) / (double) Duration.ofMinutes(4).toMillis());
            effects.errorRatio = 0.05 + 0.35 * ramp;
            effects.errorTemplate =
                    "Unhandled exception in CheckoutController.submit: java.lang.IllegalStateException:"
                            + " feature flag 'new-pricing' has no value for region %s";
            effects.latencyFactor = 1.0 + 0.5 * ramp;
        }
        if (!failed && time >= failureAt) {
            failed = true;
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            null,
                            groundTruth().failureType(),
                            "Checkout failing for many users after " + version,
                            errorsFrom));
        }
        if (!rolledBack && time >= rolledBackAt) {
            rolledBack = true;
            effects.reset();
            String bad = effects.version;
            effects.version = bad + "-rollback";
            emitter.emit(
                    Formats.deployment(
                            time,
                            service,
                            effects.version,
                            bad,
                            "rolled_back",
                            "roll back " + bad + " of " + service));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(name(), service, null, "error-spike", errorsFrom, failureAt);
    }
}
