package io.forewarn.simulator;

import java.time.Duration;

/**
 * A filesystem filling up on one host: from {@code startAt} its used ratio climbs linearly from the
 * normal 42% at {@code ratePerHour}; when it reaches 95% writes start failing (the incident). The
 * climb stops at 100%.
 */
public final class DiskFillScenario implements Scenario {

    /** Used ratio of a healthy host's filesystem. */
    public static final double NORMAL = 0.42;

    /** Used ratio at which writes fail. */
    public static final double FULL = 0.95;

    private final String service;
    private final String host;
    private final long startAt;
    private final double ratePerHour;
    private final long failureAt;
    private boolean failed;

    public DiskFillScenario(String service, String host, long startAt, double ratePerHour) {
        this.service = service;
        this.host = host;
        this.startAt = startAt;
        this.ratePerHour = ratePerHour;
        this.failureAt =
                startAt + (long) ((FULL - NORMAL) / ratePerHour * Duration.ofHours(1).toMillis());
    }

    @Override
    public String name() {
        return "disk-fill";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < startAt) {
            return;
        }
        double hours = (time - startAt) / (double) Duration.ofHours(1).toMillis();
        fleet.host(host).diskUsedRatio = Math.min(1.0, NORMAL + ratePerHour * hours);
        if (!failed && time >= failureAt) {
            failed = true;
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            host,
                            groundTruth().failureType(),
                            "No space left on device on " + host,
                            startAt));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(name(), service, host, "disk-full", startAt, failureAt);
    }
}
