package io.forewarn.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * An outage of the external API a service calls, cascading into the service. From {@code onset} the
 * dependency is degraded (its status page and the service's client see its latency climb); six
 * minutes later the first calls time out and the client retries; the timeouts multiply until, at
 * {@code failureAfter}, the dependency is down, the service's request threads are stuck waiting and
 * a third of its requests fail (the incident). The dependency recovers {@code recoverAfter} after
 * the onset.
 */
public final class DependencyOutageScenario implements Scenario {

    private static final long TIMEOUTS_AFTER = Duration.ofMinutes(6).toMillis();

    private final String service;
    private final String dependency;
    private final long onset;
    private final long failureAt;
    private final long recoveredAt;
    private boolean started;
    private boolean failed;
    private boolean recovered;

    public DependencyOutageScenario(
            String service, long onset, Duration failureAfter, Duration recoverAfter) {
        this.service = service;
        this.dependency = Dependencies.external(service);
        this.onset = onset;
        this.failureAt = onset + failureAfter.toMillis();
        this.recoveredAt = onset + recoverAfter.toMillis();
        if (recoveredAt <= failureAt || failureAt <= onset + TIMEOUTS_AFTER) {
            throw new IllegalArgumentException("the outage must fail after its first timeouts");
        }
    }

    @Override
    public String name() {
        return "dependency-outage";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < onset || recovered) {
            return;
        }
        FleetState.DependencyHealth health = fleet.dependency(dependency);
        FleetState.ServiceEffects effects = fleet.of(service);
        if (time >= recoveredAt) {
            recovered = true;
            health.status = "operational";
            health.latencyFactor = 1;
            health.errorRate = 0.001;
            health.message = null;
            effects.reset();
            return;
        }
        double progress = Ramps.progress(time, onset, failureAt);
        if (!started) {
            started = true;
            health.status = "degraded_performance";
            health.message = "Elevated latency and timeouts on the " + dependency + " API";
        }
        if (!failed) {
            health.latencyFactor = 3 + 30 * progress * progress;
            health.errorRate = 0.01 + 0.2 * progress;
            effects.latencyFactor = 1 + 1.5 * progress;
        }
        for (String host : emitter.hosts(service)) {
            if (fleet.host(host).down) {
                continue;
            }
            slowCalls(time, host, health, progress, emitter);
            if (time >= onset + TIMEOUTS_AFTER) {
                timeouts(time, host, progress, emitter);
            }
        }
        if (!failed && time >= failureAt) {
            failed = true;
            health.status = "major_outage";
            health.latencyFactor = 45;
            health.errorRate = 0.6;
            health.message = dependency + " API unavailable";
            effects.errorRatio = 0.35;
            effects.errorTemplate =
                    "Request failed: call to " + dependency + " timed out after 5000 ms (%s)";
            effects.latencyFactor = 4;
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            null,
                            groundTruth().failureType(),
                            service + " requests time out: " + dependency + " is down",
                            onset));
        }
    }

    private void slowCalls(
            long time,
            String host,
            FleetState.DependencyHealth health,
            double progress,
            Emitter emitter) {
        int slow = Ramps.linesThisTick(emitter.random(), 3 + 6 * progress);
        for (int i = 0; i < slow; i++) {
            emitter.log(
                    time + Ramps.jitter(emitter.random()),
                    service,
                    host,
                    "WARN",
                    "com.shop.http.ApiClient",
                    String.format(
                            Locale.ROOT,
                            "Slow response from %s: %d ms",
                            dependency,
                            (int)
                                    (Dependencies.typicalLatencyMs(dependency)
                                            * Math.min(health.latencyFactor, 40)
                                            * (0.8 + 0.4 * emitter.random().nextDouble()))));
        }
    }

    private void timeouts(long time, String host, double progress, Emitter emitter) {
        int timeouts = Ramps.linesThisTick(emitter.random(), failed ? 20 : 1 + 14 * progress);
        for (int i = 0; i < timeouts; i++) {
            long at = time + Ramps.jitter(emitter.random());
            emitter.log(
                    at,
                    service,
                    host,
                    "ERROR",
                    "com.shop.http.ApiClient",
                    "Call to " + dependency + " timed out after 5000 ms");
            emitter.log(
                    at + 1,
                    service,
                    host,
                    "WARN",
                    "com.shop.http.RetryingClient",
                    String.format(
                            Locale.ROOT,
                            "Retrying request to %s (attempt %d of 3)",
                            dependency,
                            2 + emitter.random().nextInt(2)));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(
                name(),
                service,
                null,
                "cascading-timeouts",
                onset,
                failureAt,
                Set.of("error-spike", "slo-breach"),
                true,
                GroundTruth.LOG_ERROR_RATIO);
    }
}
