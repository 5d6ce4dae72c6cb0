package io.forewarn.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A connection leak in a service: a code path stops returning database connections to its HikariCP
 * pool. From {@code onset} the pool's usage climbs on every host and Hikari's leak detection warns;
 * after {@code saturateAfter} the pool is full, requests wait for a connection and the first ones
 * time out; at {@code failureAfter} most requests fail (the incident). The leaking version is
 * rolled back {@code recoverAfter} after the onset.
 */
public final class ConnectionPoolExhaustionScenario implements Scenario {

    private final String service;
    private final long onset;
    private final long saturatedAt;
    private final long failureAt;
    private final long recoveredAt;
    private final double leakAtSaturation;
    private boolean failed;
    private boolean recovered;

    public ConnectionPoolExhaustionScenario(
            String service,
            long onset,
            Duration saturateAfter,
            Duration failureAfter,
            Duration recoverAfter) {
        this.service = service;
        this.onset = onset;
        this.saturatedAt = onset + saturateAfter.toMillis();
        this.failureAt = onset + failureAfter.toMillis();
        this.recoveredAt = onset + recoverAfter.toMillis();
        if (!(onset < saturatedAt && saturatedAt < failureAt && failureAt < recoveredAt)) {
            throw new IllegalArgumentException("onset < saturation < failure < recovery");
        }
        this.leakAtSaturation = 1.02 - FleetModel.poolDemand(saturatedAt, 1, 0);
    }

    @Override
    public String name() {
        return "connection-pool-exhaustion";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < onset || recovered) {
            return;
        }
        FleetState.ServiceEffects effects = fleet.of(service);
        if (time >= recoveredAt) {
            recovered = true;
            effects.poolExtra = 0;
            effects.reset();
            return;
        }
        double leaked = leakAtSaturation * (time - onset) / (double) (saturatedAt - onset);
        effects.poolExtra = leaked;
        double waiting = Ramps.progress(time, saturatedAt, failureAt);
        if (!failed) {
            effects.latencyFactor = 1 + 2 * waiting;
        }
        for (String host : emitter.hosts(service)) {
            if (fleet.host(host).down) {
                continue;
            }
            int leaks = Ramps.linesThisTick(emitter.random(), 0.5 + 2 * leaked);
            for (int i = 0; i < leaks; i++) {
                emitter.log(
                        time + Ramps.jitter(emitter.random()),
                        service,
                        host,
                        "WARN",
                        "com.zaxxer.hikari.pool.ProxyLeakTask",
                        String.format(
                                Locale.ROOT,
                                "Connection leak detection triggered for"
                                        + " org.postgresql.jdbc.PgConnection@%x on thread %s,"
                                        + " stack trace follows",
                                0x1000000 + emitter.random().nextInt(0xFFFFFF),
                                "http-nio-8080-exec-" + (1 + emitter.random().nextInt(16))));
            }
            if (time >= saturatedAt && !failed) {
                int timeouts = Ramps.linesThisTick(emitter.random(), 1 + 15 * waiting);
                for (int i = 0; i < timeouts; i++) {
                    emitter.log(
                            time + Ramps.jitter(emitter.random()),
                            service,
                            host,
                            "ERROR",
                            "com.shop.web.ErrorHandler",
                            "Request failed: java.sql.SQLTransientConnectionException: HikariPool-1"
                                    + " - Connection is not available, request timed out after"
                                    + " 30000ms.");
                }
            }
        }
        if (!failed && time >= failureAt) {
            failed = true;
            effects.errorRatio = 0.4;
            effects.errorTemplate =
                    "Request failed: java.sql.SQLTransientConnectionException: HikariPool-1 -"
                            + " Connection is not available, request timed out after 30000ms. (%s)";
            effects.latencyFactor = 4;
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            null,
                            groundTruth().failureType(),
                            service + " requests fail: database connection pool exhausted",
                            onset));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(
                name(),
                service,
                null,
                "connection-pool-exhaustion",
                onset,
                failureAt,
                Set.of("error-spike", "slo-breach"),
                true,
                "hikaricp_connections_usage_ratio");
    }
}
