package io.forewarn.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Places benign disturbances on services and at times clear of incident windows and of each other:
 * first fit over the services (shuffled) and start times (10-minute steps from a random offset)
 * within a range.
 */
final class BenignPlacer {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long STEP = 10 * MINUTE;
    private static final long SLACK = 20 * MINUTE;

    private final SplittableRandom random;
    private final List<String> services;
    private final List<EvaluationTimeline.BusyWindow> busy;
    private final int hosts;

    /**
     * @param busy windows taken so far; placed disturbances are added
     */
    BenignPlacer(
            long seed, List<String> services, List<EvaluationTimeline.BusyWindow> busy, int hosts) {
        this.random = new SplittableRandom(seed * 17 + 5);
        this.services = List.copyOf(services);
        this.busy = busy;
        this.hosts = hosts;
    }

    /** A traffic peak of 40 to 60 minutes, 2 to 2.5 times the usual traffic. */
    Optional<Scenario> trafficPeak(long earliest, long latest) {
        long duration = (40 + random.nextInt(21)) * MINUTE;
        double factor = 2.0 + random.nextInt(6) / 10.0;
        return place(
                earliest,
                latest,
                duration,
                (service, at) -> new TrafficPeak(service, at, Duration.ofMillis(duration), factor));
    }

    /** A rolling restart of every host of a service. */
    Optional<Scenario> plannedRestart(long earliest, long latest) {
        return place(
                earliest,
                latest,
                (hosts + 1) * 4 * MINUTE,
                (service, at) -> new PlannedRestart(service, at, hosts));
    }

    /** A routine deployment of a small change. */
    Optional<Scenario> routineDeployment(long earliest, long latest, String version) {
        return place(
                earliest,
                latest,
                20 * MINUTE,
                (service, at) -> new RoutineDeployment(service, at, version));
    }

    private interface Factory {
        Scenario create(String service, long at);
    }

    private Optional<Scenario> place(long earliest, long latest, long duration, Factory factory) {
        List<String> order = new ArrayList<>(services);
        Collections.shuffle(order, new Random(random.nextLong()));
        long span = latest - duration - earliest;
        if (span < 0) {
            return Optional.empty();
        }
        long steps = span / STEP + 1;
        long offset = random.nextLong(steps);
        for (long s = 0; s < steps; s++) {
            long at = earliest + ((offset + s) % steps) * STEP;
            for (String service : order) {
                long to = at + duration + SLACK;
                if (busy.stream().noneMatch(w -> w.overlaps(service, at, to))) {
                    busy.add(new EvaluationTimeline.BusyWindow(service, at, to));
                    return Optional.of(factory.create(service, at));
                }
            }
        }
        return Optional.empty();
    }
}
