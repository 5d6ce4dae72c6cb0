package io.forewarn.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated timeline the scenario scorecard runs: a fleet of eight services, every incident
 * scenario on a service of its own, and benign disturbances where no incident is under way.
 *
 * <p>The first {@value #WARMUP_MINUTES} minutes are healthy, so that detectors learn what normal
 * looks like (capacity forecasts need two hours of history). Incidents start after the warm-up, at
 * times, on services and hosts and with durations drawn from the seed; the timeline ends 45 minutes
 * after the last failure. A scenario's draws depend only on the seed and its name, so choosing a
 * subset of scenarios does not move the others. Benign disturbances are placed on services and
 * times clear of every incident window (30 minutes before the onset to an hour after the failure).
 */
public final class EvaluationTimeline {

    /** Incident scenarios, by name. */
    public static final List<String> INCIDENTS =
            List.of(
                    "memory-leak",
                    "disk-fill",
                    "bad-deployment",
                    "dependency-outage",
                    "connection-pool-exhaustion",
                    "certificate-expiry",
                    "latency-creep");

    /** Benign disturbances, by name. */
    public static final List<String> BENIGN =
            List.of("noisy-service", "traffic-peak", "planned-restart", "routine-deployment");

    /** The fleet; the last one logs plain lines and is the noisy service. */
    public static final List<String> SERVICES =
            List.of(
                    "checkout",
                    "payments",
                    "search",
                    "inventory",
                    "frontend",
                    "orders",
                    "notifications",
                    "billing");

    static final int WARMUP_MINUTES = 150;

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long BEFORE_ONSET = 30 * MINUTE;
    private static final long AFTER_FAILURE = 60 * MINUTE;
    private static final long TAIL = 45 * MINUTE;
    private static final long BENIGN_FROM = 90 * MINUTE;
    private static final long BENIGN_SLACK = 20 * MINUTE;
    private static final String NOISY = SERVICES.get(SERVICES.size() - 1);

    private final SimulatorSettings settings;
    private final List<Scenario> scenarios;
    private final long start;
    private final long end;

    private EvaluationTimeline(
            SimulatorSettings settings, List<Scenario> scenarios, long start, long end) {
        this.settings = settings;
        this.scenarios = List.copyOf(scenarios);
        this.start = start;
        this.end = end;
    }

    /**
     * Builds the timeline.
     *
     * @param seed fixes the fleet's telemetry and the scenarios' placement
     * @param start first simulated instant (epoch ms)
     * @param names incident and benign scenario names to include (see {@link #INCIDENTS}, {@link
     *     #BENIGN})
     * @param logsPerHostPerMinute log volume of a host at mean traffic
     */
    public static EvaluationTimeline build(
            long seed, long start, Collection<String> names, double logsPerHostPerMinute) {
        Set<String> wanted = new LinkedHashSet<>(names);
        for (String name : wanted) {
            if (!INCIDENTS.contains(name) && !BENIGN.contains(name)) {
                throw new IllegalArgumentException(
                        "Unknown scenario '" + name + "'; known: " + INCIDENTS + " and " + BENIGN);
            }
        }
        List<String> services = new ArrayList<>(SERVICES.subList(0, SERVICES.size() - 1));
        Collections.shuffle(services, new java.util.Random(seed));
        List<Scenario> scenarios = new ArrayList<>();
        List<BusyWindow> busy = new ArrayList<>();
        long end = start + (WARMUP_MINUTES + 180) * MINUTE;
        for (int i = 0; i < INCIDENTS.size(); i++) {
            String name = INCIDENTS.get(i);
            if (!wanted.contains(name)) {
                continue;
            }
            Scenario incident =
                    IncidentCatalog.create(
                            name,
                            services.get(i),
                            start + WARMUP_MINUTES * MINUTE,
                            new SplittableRandom(seed * 31 + name.hashCode()));
            scenarios.add(incident);
            GroundTruth truth = incident.groundTruth();
            busy.add(BusyWindow.of(truth));
            end = Math.max(end, truth.failureTime() + TAIL);
        }
        end = start + ceilToTenMinutes(end - start);
        SimulatorSettings settings =
                new SimulatorSettings(
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
                                LogFormat.FLUENT_BIT,
                                LogFormat.ECS,
                                LogFormat.PLAIN));
        List<String> candidates = new ArrayList<>(services);
        candidates.add(NOISY);
        BenignPlacer placer = new BenignPlacer(seed, candidates, busy, settings.hostsPerService());
        long earliest = start + BENIGN_FROM;
        long latest = end - BENIGN_SLACK;
        if (wanted.contains("noisy-service")) {
            scenarios.add(new NoisyService(NOISY, start, end));
        }
        if (wanted.contains("traffic-peak")) {
            placer.trafficPeak(earliest, latest).ifPresent(scenarios::add);
            placer.trafficPeak(earliest, latest).ifPresent(scenarios::add);
        }
        if (wanted.contains("planned-restart")) {
            placer.plannedRestart(earliest, latest).ifPresent(scenarios::add);
        }
        if (wanted.contains("routine-deployment")) {
            placer.routineDeployment(earliest, latest, "1.1.0").ifPresent(scenarios::add);
            placer.routineDeployment(earliest, latest, "1.2.0").ifPresent(scenarios::add);
        }
        return new EvaluationTimeline(settings, scenarios, start, end);
    }

    private static long ceilToTenMinutes(long millis) {
        long ten = 10 * MINUTE;
        return (millis + ten - 1) / ten * ten;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** First simulated instant (epoch ms). */
    public long start() {
        return start;
    }

    /** End of the timeline, exclusive (epoch ms). */
    public long end() {
        return end;
    }

    /** A simulator of this timeline (fresh state: each run starts over). */
    public TelemetrySimulator simulator() {
        return new TelemetrySimulator(settings, scenarios);
    }

    /** When a service is taken by an incident (or an earlier benign disturbance). */
    record BusyWindow(String service, long from, long to) {
        static BusyWindow of(GroundTruth truth) {
            return new BusyWindow(
                    truth.service(),
                    truth.precursorOnset() - BEFORE_ONSET,
                    truth.failureTime() + AFTER_FAILURE);
        }

        boolean overlaps(String otherService, long otherFrom, long otherTo) {
            return service.equals(otherService) && otherFrom < to && from < otherTo;
        }
    }
}
