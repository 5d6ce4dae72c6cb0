package io.forewarn.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Places the benign disturbances of an {@link EvaluationTimeline}: the noisy service all along, two
 * traffic peaks, a rolling restart and two routine deployments, each on a service and at a time
 * clear of incident windows and of the other disturbances.
 */
final class BenignPlacer {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long EARLIEST = 90 * MINUTE;
    private static final long SLACK = 20 * MINUTE;

    private final SplittableRandom random;
    private final long start;
    private final long end;
    private final List<String> candidates;
    private final List<EvaluationTimeline.BusyWindow> busy;
    private final int hosts;
    private final String noisy;

    BenignPlacer(
            long seed,
            long start,
            long end,
            List<String> incidentServices,
            List<EvaluationTimeline.BusyWindow> busy,
            int hosts) {
        this.random = new SplittableRandom(seed * 17 + 5);
        this.start = start;
        this.end = end;
        this.candidates = new ArrayList<>(incidentServices);
        this.noisy = EvaluationTimeline.SERVICES.get(EvaluationTimeline.SERVICES.size() - 1);
        this.candidates.add(noisy);
        this.busy = new ArrayList<>(busy);
        this.hosts = hosts;
    }

    void place(Set<String> wanted, List<Scenario> scenarios) {
        if (wanted.contains("noisy-service")) {
            scenarios.add(new NoisyService(noisy, start, end));
        }
        if (wanted.contains("traffic-peak")) {
            for (int i = 0; i < 2; i++) {
                long duration = (40 + random.nextInt(21)) * MINUTE;
                double factor = 2.0 + random.nextInt(6) / 10.0;
                add(
                        scenarios,
                        duration,
                        (service, at) ->
                                new TrafficPeak(service, at, Duration.ofMillis(duration), factor));
            }
        }
        if (wanted.contains("planned-restart")) {
            long duration = (hosts + 1) * 4 * MINUTE;
            add(scenarios, duration, (service, at) -> new PlannedRestart(service, at, hosts));
        }
        if (wanted.contains("routine-deployment")) {
            for (int i = 0; i < 2; i++) {
                String version = "1." + (1 + i) + "." + random.nextInt(10);
                add(
                        scenarios,
                        20 * MINUTE,
                        (service, at) -> new RoutineDeployment(service, at, version));
            }
        }
    }

    private interface Factory {
        Scenario create(String service, long at);
    }

    /**
     * First fit over services (shuffled) and start times (from a random offset, 10-minute steps).
     */
    private void add(List<Scenario> scenarios, long duration, Factory factory) {
        List<String> services = new ArrayList<>(candidates);
        java.util.Collections.shuffle(services, new java.util.Random(random.nextLong()));
        long span = end - SLACK - duration - (start + EARLIEST);
        if (span < 0) {
            return;
        }
        long steps = span / (10 * MINUTE) + 1;
        long offset = random.nextLong(steps);
        for (long s = 0; s < steps; s++) {
            long at = start + EARLIEST + ((offset + s) % steps) * 10 * MINUTE;
            for (String service : services) {
                long from = at;
                long to = at + duration + SLACK;
                if (busy.stream().noneMatch(w -> w.overlaps(service, from, to))) {
                    busy.add(new EvaluationTimeline.BusyWindow(service, from, to));
                    scenarios.add(factory.create(service, at));
                    return;
                }
            }
        }
    }
}
