package io.forewarn.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A filesystem filling up on one host (a spool directory nobody cleans): from {@code startAt} its
 * used ratio climbs linearly from the normal 42% at {@code ratePerHour}. From 85% the service warns
 * about low disk space; from 93% the first large writes fail with "No space left on device"; at 95%
 * (what a non-root process can use) writes fail for good: the incident. Twenty minutes later an
 * operator deletes the spool and the disk is back to normal.
 */
public final class DiskFillScenario implements Scenario {

    /** Used ratio of a healthy host's filesystem. */
    public static final double NORMAL = 0.42;

    /** Used ratio at which writes fail. */
    public static final double FULL = 0.95;

    private static final double WARN_FROM = 0.85;
    private static final double FIRST_WRITE_ERRORS = 0.93;
    private static final long CLEANED_AFTER = Duration.ofMinutes(20).toMillis();
    private static final long WARN_EVERY = Duration.ofMinutes(2).toMillis();

    private final String service;
    private final String host;
    private final long startAt;
    private final double ratePerHour;
    private final long failureAt;
    private boolean failed;
    private boolean cleaned;

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
        if (time < startAt || cleaned) {
            return;
        }
        FleetState.HostEffects effects = fleet.host(host);
        if (time >= failureAt + CLEANED_AFTER) {
            cleaned = true;
            effects.diskUsedRatio = Double.NaN;
            emitter.log(
                    time,
                    service,
                    host,
                    "INFO",
                    "com.shop.storage.SpoolCleaner",
                    "Deleted 18234 spool files older than 1 day, 41.7 GB freed on /");
            return;
        }
        double hours = (time - startAt) / (double) Duration.ofHours(1).toMillis();
        double used = Math.min(0.999, NORMAL + ratePerHour * hours);
        effects.diskUsedRatio = used;
        if (used >= WARN_FROM && Math.floorMod(time - startAt, WARN_EVERY) == 0) {
            emitter.log(
                    time,
                    service,
                    host,
                    "WARN",
                    "com.shop.storage.DiskMonitor",
                    String.format(
                            Locale.ROOT,
                            "Low disk space on /: %.0f%% used, %.1f GB free",
                            100 * used,
                            (1 - used) * 200));
        }
        if (used >= FIRST_WRITE_ERRORS) {
            double perMinute = time < failureAt ? 1 + 40 * (used - FIRST_WRITE_ERRORS) / 0.02 : 60;
            int lines = Ramps.linesThisTick(emitter.random(), Math.min(60, perMinute));
            for (int i = 0; i < lines; i++) {
                emitter.log(
                        time + Ramps.jitter(emitter.random()),
                        service,
                        host,
                        "ERROR",
                        "com.shop.storage.SpoolWriter",
                        String.format(
                                Locale.ROOT,
                                "Failed to write /var/lib/shop/spool/batch-%d.tmp:"
                                        + " java.io.IOException: No space left on device",
                                100_000 + emitter.random().nextInt(900_000)));
            }
        }
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
        return new GroundTruth(
                name(),
                service,
                host,
                "disk-full",
                startAt,
                failureAt,
                Set.of("error-spike"),
                true,
                "node_filesystem_used_ratio");
    }
}
