package io.forewarn.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fleet of services and hosts emitting logs and metrics with daily seasonality and noise (and,
 * with {@link Coverage#FULL}, dependency status and certificate probes), into which {@link
 * Scenario}s inject incidents and benign disturbances. Deterministic: the same settings and
 * scenarios give the same records in the same order.
 */
public final class TelemetrySimulator {

    /** Event-time step of the simulation. */
    public static final Duration TICK = Duration.ofSeconds(1);

    private static final long PROBE_INTERVAL = Duration.ofMinutes(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final SimulatorSettings settings;
    private final List<Scenario> scenarios;
    private final FleetState fleet = new FleetState();
    private final Randomness random;
    private final FleetLogs logs;
    private final FleetMetrics metrics;

    public TelemetrySimulator(SimulatorSettings settings, List<Scenario> scenarios) {
        this.settings = settings;
        this.scenarios = List.copyOf(scenarios);
        this.random = new Randomness(settings.seed());
        this.logs = new FleetLogs(settings, fleet, random);
        this.metrics = new FleetMetrics(settings, fleet, random);
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Ground truth of every scenario that causes a failure. */
    public List<GroundTruth> groundTruth() {
        List<GroundTruth> truths = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario.groundTruth() != null) {
                truths.add(scenario.groundTruth());
            }
        }
        return truths;
    }

    /** Where and when the benign disturbances happen. */
    public List<BenignWindow> benignWindows() {
        List<BenignWindow> windows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario.benign() != null) {
                windows.add(scenario.benign());
            }
        }
        return windows;
    }

    /**
     * Simulates event time [from, to) and sends every record to the sink, paced by the pacer.
     * Interrupting the thread stops the run.
     */
    public void run(long from, long to, TelemetrySink sink, Pacer pacer)
            throws InterruptedException {
        long tick = TICK.toMillis();
        long metricEvery = settings.metricInterval().toMillis();
        boolean full = settings.coverage() == Coverage.FULL;
        Scenario.Emitter emitter = new FleetEmitter(sink);
        for (long t = from; t < to; t += tick) {
            pacer.await(t);
            if (t == from) {
                issueCertificates(from);
            }
            for (Scenario scenario : scenarios) {
                scenario.onTick(t, fleet, emitter);
            }
            boolean metricTick = Math.floorMod(t, metricEvery) == 0;
            boolean probeTick = Math.floorMod(t, PROBE_INTERVAL) == 0;
            for (String service : settings.services()) {
                for (String host : settings.hosts(service)) {
                    if (fleet.host(host).down) {
                        continue;
                    }
                    logs.tick(t, service, host, sink);
                    if (metricTick) {
                        metrics.host(t, service, host, sink);
                    }
                }
                if (full && metricTick) {
                    metrics.service(t, service, sink);
                }
                if (full && probeTick) {
                    metrics.certificate(t, service, sink);
                    metrics.dependencies(t, service, sink);
                }
            }
        }
        sink.flush();
    }

    /** Healthy certificates: renewed a while ago, 35 to 85 days of validity left. */
    private void issueCertificates(long now) {
        for (String service : settings.services()) {
            FleetState.ServiceEffects effects = fleet.of(service);
            if (effects.certificateNotAfter == Long.MIN_VALUE) {
                effects.certificateNotAfter =
                        now + (35 + Math.floorMod(service.hashCode(), 50)) * DAY;
            }
        }
    }

    /** Lets scenarios log in their service's format and draw from the simulator's randomness. */
    private final class FleetEmitter implements Scenario.Emitter {
        private final TelemetrySink sink;

        FleetEmitter(TelemetrySink sink) {
            this.sink = sink;
        }

        @Override
        public void emit(TelemetryEvent event) {
            sink.send(event);
        }

        @Override
        public void log(
                long time,
                String service,
                String host,
                String level,
                String logger,
                String message) {
            sink.send(
                    settings.logFormat(service)
                            .render(time, service, host, level, logger, random.thread(), message));
        }

        @Override
        public List<String> hosts(String service) {
            return settings.hosts(service);
        }

        @Override
        public SplittableRandom random() {
            return random.generator();
        }
    }
}
