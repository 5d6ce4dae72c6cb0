package io.forewarn.simulator;

import java.time.Duration;
import java.util.List;

/**
 * A benign rolling restart of every host of a service (e.g. to pick up a new JVM), one host every
 * four minutes: shutdown lines, fifty seconds without logs and metrics, startup lines, a fresh
 * heap.
 */
public final class PlannedRestart implements Scenario {

    private static final long EVERY = Duration.ofMinutes(4).toMillis();
    private static final long DOWN_FOR = Duration.ofSeconds(50).toMillis();

    private final String service;
    private final long at;
    private final int hosts;

    /**
     * @param hosts how many hosts the service has (they restart one after the other)
     */
    public PlannedRestart(String service, long at, int hosts) {
        this.service = service;
        this.at = at;
        this.hosts = hosts;
    }

    @Override
    public String name() {
        return "planned-restart";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        List<String> names = emitter.hosts(service);
        for (int i = 0; i < names.size(); i++) {
            long stop = at + i * EVERY;
            String host = names.get(i);
            if (time == stop) {
                Restarts.shutdownLines(time, service, host, emitter);
                fleet.host(host).down = true;
            } else if (time == stop + DOWN_FOR) {
                fleet.host(host).down = false;
                fleet.host(host).heapExtra = 0;
                Restarts.startupLines(time, service, host, fleet.of(service).version, emitter);
            }
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return null;
    }

    @Override
    public BenignWindow benign() {
        return new BenignWindow(
                name(), service, null, at, at + (hosts - 1) * EVERY + DOWN_FOR + EVERY);
    }
}
