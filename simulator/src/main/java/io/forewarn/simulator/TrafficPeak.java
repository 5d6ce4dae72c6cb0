package io.forewarn.simulator;

import java.time.Duration;

/**
 * A benign traffic peak (a marketing campaign): traffic to a service ramps up to {@code factor}
 * times the usual over ten minutes, holds, and ramps down over the last ten minutes. More logs,
 * requests, CPU and pool usage; the same error ratio; latency up by a tenth of the extra load.
 */
public final class TrafficPeak implements Scenario {

    private static final long RAMP = Duration.ofMinutes(10).toMillis();

    private final String service;
    private final long from;
    private final long to;
    private final double factor;

    public TrafficPeak(String service, long from, Duration duration, double factor) {
        if (duration.toMillis() < 2 * RAMP || factor < 1) {
            throw new IllegalArgumentException("a peak lasts 20 minutes or more and adds traffic");
        }
        this.service = service;
        this.from = from;
        this.to = from + duration.toMillis();
        this.factor = factor;
    }

    @Override
    public String name() {
        return "traffic-peak";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < from || time > to) {
            return;
        }
        double level =
                Math.min(
                        Ramps.progress(time, from, from + RAMP),
                        1 - Ramps.progress(time, to - RAMP, to));
        fleet.of(service).trafficFactor = 1 + (factor - 1) * level;
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
