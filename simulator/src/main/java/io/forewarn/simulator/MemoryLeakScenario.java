package io.forewarn.simulator;

import java.time.Duration;
import java.util.Set;

/**
 * A memory leak on one host: from {@code onset} objects pile up on the JVM heap faster and faster,
 * the collector works harder (GC pauses in the GC log and the pause metric grow, requests slow
 * down), and after {@code failureAfter} the JVM throws OutOfMemoryError and terminates (the OOM
 * kill, the incident). The container restarts a minute later with an empty heap.
 */
public final class MemoryLeakScenario implements Scenario {

    /** Heap share the leak holds when the JVM dies: more than any host has free. */
    private static final double LEAKED_AT_FAILURE = 0.62;

    private static final long DOWN_FOR = Duration.ofSeconds(50).toMillis();

    private final String service;
    private final String host;
    private final long onset;
    private final long failureAt;
    private boolean failed;
    private boolean restarted;

    public MemoryLeakScenario(String service, String host, long onset, Duration failureAfter) {
        this.service = service;
        this.host = host;
        this.onset = onset;
        this.failureAt = onset + failureAfter.toMillis();
    }

    @Override
    public String name() {
        return "memory-leak";
    }

    @Override
    public void onTick(long time, FleetState fleet, Emitter emitter) {
        if (time < onset || restarted) {
            return;
        }
        FleetState.HostEffects effects = fleet.host(host);
        if (!failed) {
            double progress = Ramps.progress(time, onset, failureAt);
            effects.heapExtra = LEAKED_AT_FAILURE * Math.pow(progress, 1.5);
            double heap =
                    FleetModel.heapUsed(
                            time, fleet.of(service).trafficFactor, effects.heapExtra, 0.5);
            effects.latencyFactor = 1 + 4 * FleetModel.heapPressure(heap);
        }
        if (!failed && time >= failureAt) {
            failed = true;
            for (int i = 0; i < 3; i++) {
                emitter.log(
                        time + 100L * i,
                        service,
                        host,
                        "ERROR",
                        "org.apache.catalina.core.StandardWrapperValve",
                        "Servlet.service() for servlet [dispatcherServlet] threw exception"
                                + " java.lang.OutOfMemoryError: Java heap space");
            }
            emitter.log(
                    time + 400,
                    service,
                    host,
                    "FATAL",
                    "jvm",
                    "Terminating due to java.lang.OutOfMemoryError: Java heap space");
            effects.down = true;
            emitter.emit(
                    Formats.incident(
                            time,
                            service,
                            host,
                            groundTruth().failureType(),
                            "OutOfMemoryError killed " + service + " on " + host,
                            onset));
        }
        if (failed && !restarted && time >= failureAt + DOWN_FOR) {
            restarted = true;
            effects.down = false;
            effects.heapExtra = 0;
            effects.latencyFactor = 1;
            Restarts.startupLines(time, service, host, fleet.of(service).version, emitter);
            emitter.log(
                    time + 900,
                    service,
                    host,
                    "WARN",
                    "com.shop.Application",
                    "Previous instance exited with code 3 (OutOfMemoryError)");
        }
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(
                name(),
                service,
                host,
                "oom",
                onset,
                failureAt,
                Set.of("slo-breach", "error-spike"),
                true,
                "jvm_memory_heap_used_ratio");
    }
}
