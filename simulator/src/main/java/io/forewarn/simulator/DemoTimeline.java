package io.forewarn.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The endless timeline of {@code forewarn demo}: five services that take turns having incidents
 * (every incident type in rotation, a new one every 25 minutes on a service that is free) and a
 * sixth, noisy one with plain-text logs; traffic peaks, rolling restarts and routine deployments in
 * between, clear of the incidents. The first incident, a bad deployment, comes soon after the start
 * so that the first predictions appear within minutes.
 */
public final class DemoTimeline {

    /** The demo fleet; the last service logs plain lines and is the noisy one. */
    public static final List<String> SERVICES =
            List.of("checkout", "payments", "search", "inventory", "frontend", "billing");

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long EVERY = 25 * MINUTE;
    private static final long BENIGN_EVERY = 120 * MINUTE;

    private DemoTimeline() {}

    /** The demo fleet: two hosts per service, every telemetry kind, four log formats. */
    public static SimulatorSettings fleet(long seed, double logsPerHostPerMinute) {
        return new SimulatorSettings(
                seed,
                SERVICES,
                2,
                logsPerHostPerMinute,
                0.01,
                Duration.ofSeconds(30),
                Coverage.FULL,
                List.of(
                        LogFormat.ECS,
                        LogFormat.VECTOR,
                        LogFormat.FLUENT_BIT,
                        LogFormat.ECS,
                        LogFormat.VECTOR,
                        LogFormat.PLAIN));
    }

    /**
     * The scenarios of [from, to).
     *
     * @param firstAfter when the first incident (a bad deployment) rolls out, after {@code from}
     */
    public static List<Scenario> schedule(long seed, long from, long to, Duration firstAfter) {
        List<String> incidentServices = SERVICES.subList(0, SERVICES.size() - 1);
        String noisy = SERVICES.get(SERVICES.size() - 1);
        List<Scenario> scenarios = new ArrayList<>();
        List<EvaluationTimeline.BusyWindow> busy = new ArrayList<>();
        scenarios.add(new NoisyService(noisy, from, to));
        long first = from + firstAfter.toMillis();
        Scenario opening =
                new BadDeploymentScenario(
                        incidentServices.get(0),
                        first,
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(18),
                        "2.0.0");
        scenarios.add(opening);
        busy.add(EvaluationTimeline.BusyWindow.of(opening.groundTruth()));
        SplittableRandom random = new SplittableRandom(seed);
        int next = 0;
        for (long slot = first + EVERY; slot < to; slot += EVERY) {
            String name =
                    EvaluationTimeline.INCIDENTS.get(next % EvaluationTimeline.INCIDENTS.size());
            for (String service : incidentServices) {
                Scenario incident = IncidentCatalog.create(name, service, slot, random.split());
                EvaluationTimeline.BusyWindow window =
                        EvaluationTimeline.BusyWindow.of(incident.groundTruth());
                if (busy.stream().noneMatch(w -> w.overlaps(service, window.from(), window.to()))) {
                    if (incident.groundTruth().failureTime() < to) {
                        scenarios.add(incident);
                        busy.add(window);
                    }
                    next++;
                    break;
                }
            }
        }
        List<String> candidates = new ArrayList<>(incidentServices);
        candidates.add(noisy);
        BenignPlacer placer = new BenignPlacer(seed, candidates, busy, 2);
        int version = 1;
        for (long slot = from + 30 * MINUTE; slot + BENIGN_EVERY < to; slot += BENIGN_EVERY) {
            long end = slot + BENIGN_EVERY;
            placer.trafficPeak(slot, end).ifPresent(scenarios::add);
            placer.routineDeployment(slot, end, "1." + version++ + ".0").ifPresent(scenarios::add);
            placer.plannedRestart(slot, end).ifPresent(scenarios::add);
        }
        return scenarios;
    }
}
