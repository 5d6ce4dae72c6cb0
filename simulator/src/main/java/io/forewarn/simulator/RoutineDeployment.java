package io.forewarn.simulator;

import java.time.Duration;
import java.util.List;

/**
 * A benign, routine deployment: its pipeline reports a small, well-tested change; the deployment
 * starts, replaces the hosts one by one (each is away for twenty seconds and logs its startup) and
 * succeeds. Errors stay at their usual level.
 */
public final class RoutineDeployment implements Scenario {

    private static final long HOST_EVERY = Duration.ofMinutes(1).toMillis();
    private static final long DOWN_FOR = Duration.ofSeconds(20).toMillis();
    private static final long QUIET_AFTER = Duration.ofMinutes(20).toMillis();

    private final String service;
    private final long at;
    private final String version;
    private String previous;
    private String id;

    public RoutineDeployment(String service, long at, String version) {
        this.service = service;
        this.at = at;
        this.version = version;
    }

    @Override
    public String name() {
        return "routine-deployment";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        List<String> hosts = emitter.hosts(service);
        FleetState.ServiceEffects effects = fleet.of(service);
        if (time == at) {
            previous = effects.version;
            id = Formats.deploymentId(service, version, at);
            emitter.emit(
                    Formats.vcsStats(
                            time - Duration.ofMinutes(5).toMillis(),
                            service,
                            id,
                            Change.routine(Formats.commitSha(service, version), emitter.random())));
            emitter.emit(
                    Formats.deployment(
                            time,
                            id,
                            service,
                            version,
                            previous,
                            "in_progress",
                            "ci-bot",
                            "rolling update of " + service + " to " + version));
        }
        for (int i = 0; i < hosts.size(); i++) {
            long stop = at + i * HOST_EVERY;
            String host = hosts.get(i);
            if (time == stop) {
                Restarts.shutdownLines(time, service, host, emitter);
                fleet.host(host).down = true;
            } else if (time == stop + DOWN_FOR) {
                fleet.host(host).down = false;
                Restarts.startupLines(time, service, host, version, emitter);
            }
        }
        if (time == at + hosts.size() * HOST_EVERY) {
            effects.version = version;
            emitter.emit(
                    Formats.deployment(
                            time,
                            id,
                            service,
                            version,
                            previous,
                            "succeeded",
                            "ci-bot",
                            "rolling update of " + service + " to " + version));
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return null;
    }

    @Override
    public BenignWindow benign() {
        return new BenignWindow(name(), service, null, at, at + QUIET_AFTER);
    }
}
