package io.forewarn.simulator;

import java.time.Duration;

/**
 * A noisy but healthy service: three times the usual metric noise, an error ratio that wanders
 * between 2% and 5% from minute to minute, and latency jitter of up to a third. Nothing is going to
 * fail.
 */
public final class NoisyService implements Scenario {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final String service;
    private final long from;
    private final long to;

    public NoisyService(String service, long from, long to) {
        this.service = service;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return "noisy-service";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        FleetState.ServiceEffects effects = fleet.of(service);
        if (time < from || time >= to) {
            if (time == to) {
                effects.noiseFactor = 1;
                effects.reset();
            }
            return;
        }
        if (Math.floorMod(time - from, MINUTE) == 0) {
            effects.noiseFactor = 3;
            effects.errorRatio = 0.02 + 0.03 * emitter.random().nextDouble();
            effects.latencyFactor = 1 + emitter.random().nextDouble() / 3;
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return null;
    }

    @Override
    public BenignWindow benign() {
        return new BenignWindow(name(), service, null, from, to);
    }
}
