package io.forewarn.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fleet of services and hosts emitting logs and metrics with daily seasonality and noise, into
 * which {@link Scenario}s inject incidents. Deterministic: the same settings and scenarios give the
 * same records in the same order.
 */
public final class TelemetrySimulator {

    /** Event-time step of the simulation. */
    public static final Duration TICK = Duration.ofSeconds(1);

    private static final String[][] INFO_TEMPLATES = {
        {"com.shop.web.RequestLogger", "GET /api/%s 200 %d ms"},
        {"com.shop.orders.OrderService", "Processed order %s in %d ms"},
        {"com.shop.auth.SessionService", "User %s logged in from %s"},
        {"com.shop.cache.CacheStats", "Cache hit ratio %d%% over the last minute"},
        {"com.shop.jobs.Scheduler", "Scheduled job %s completed in %d ms"},
    };
    private static final String[][] WARN_TEMPLATES = {
        {
            "com.shop.db.QueryLogger",
            "Slow query took %d ms: SELECT * FROM orders WHERE customer_id = ?"
        },
        {"com.shop.http.RetryingClient", "Retrying request to %s (attempt %d of 3)"},
    };
    private static final String[][] ERROR_TEMPLATES = {
        {"com.shop.orders.OrderService", "Failed to process order %s: timeout after %d ms"},
        {
            "com.shop.web.ErrorHandler",
            "Request failed: java.net.SocketTimeoutException: Read timed out (%s)"
        },
    };
    private static final String[] PATHS = {"cart", "orders", "products", "users/me", "search"};
    private static final String[] DEPENDENCIES = {
        "postgres", "redis", "payments-api", "search-cluster"
    };

    private final SimulatorSettings settings;
    private final List<Scenario> scenarios;
    private final FleetState fleet = new FleetState();
    private final SplittableRandom random;

    public TelemetrySimulator(SimulatorSettings settings, List<Scenario> scenarios) {
        this.settings = settings;
        this.scenarios = List.copyOf(scenarios);
        this.random = new SplittableRandom(settings.seed());
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

    /**
     * Simulates event time [from, to) and sends every record to the sink, paced by the pacer.
     * Interrupting the thread stops the run.
     */
    public void run(long from, long to, TelemetrySink sink, Pacer pacer)
            throws InterruptedException {
        long tick = TICK.toMillis();
        long metricEvery = settings.metricInterval().toMillis();
        for (long t = from; t < to; t += tick) {
            pacer.await(t);
            for (Scenario scenario : scenarios) {
                scenario.onTick(t, fleet, sink::send);
            }
            for (String service : settings.services()) {
                for (int h = 1; h <= settings.hostsPerService(); h++) {
                    String host = service + "-" + h;
                    emitLogs(t, service, host, sink);
                    if (Math.floorMod(t, metricEvery) == 0) {
                        emitMetrics(t, service, host, sink);
                    }
                }
            }
        }
        sink.flush();
    }

    private void emitLogs(long t, String service, String host, TelemetrySink sink) {
        FleetState.ServiceEffects effects = fleet.of(service);
        double perTick =
                settings.logsPerHostPerMinute() / 60.0 * traffic(t) * effects.trafficFactor;
        int count = poisson(perTick);
        double errorRatio =
                Double.isNaN(effects.errorRatio) ? settings.baseErrorRatio() : effects.errorRatio;
        for (int i = 0; i < count; i++) {
            long time = t + random.nextInt((int) TICK.toMillis());
            String thread = "http-nio-8080-exec-" + (1 + random.nextInt(16));
            double roll = random.nextDouble();
            if (roll < errorRatio) {
                if (effects.errorTemplate != null) {
                    sink.send(
                            Formats.ecsLog(
                                    time,
                                    service,
                                    host,
                                    "ERROR",
                                    "com.shop.web.ErrorHandler",
                                    thread,
                                    String.format(
                                            Locale.ROOT,
                                            effects.errorTemplate,
                                            pick(
                                                    new String[] {
                                                        "eu-west-1", "us-east-1", "ap-south-1"
                                                    }))));
                } else {
                    String[] template = pick(ERROR_TEMPLATES);
                    sink.send(
                            Formats.ecsLog(
                                    time,
                                    service,
                                    host,
                                    "ERROR",
                                    template[0],
                                    thread,
                                    String.format(
                                            Locale.ROOT,
                                            template[1],
                                            id(),
                                            1000 + random.nextInt(9000))));
                }
            } else if (roll < errorRatio + 0.03) {
                String[] template = pick(WARN_TEMPLATES);
                String message =
                        template == WARN_TEMPLATES[0]
                                ? String.format(
                                        Locale.ROOT, template[1], 200 + random.nextInt(2000))
                                : String.format(
                                        Locale.ROOT,
                                        template[1],
                                        pick(DEPENDENCIES),
                                        1 + random.nextInt(3));
                sink.send(
                        Formats.ecsLog(time, service, host, "WARN", template[0], thread, message));
            } else {
                String[] template = pick(INFO_TEMPLATES);
                sink.send(
                        Formats.ecsLog(
                                time,
                                service,
                                host,
                                "INFO",
                                template[0],
                                thread,
                                info(template[1])));
            }
        }
    }

    private String info(String template) {
        switch (template.substring(0, 4)) {
            case "GET ":
                return String.format(Locale.ROOT, template, pick(PATHS), 5 + random.nextInt(120));
            case "Proc":
                return String.format(Locale.ROOT, template, id(), 10 + random.nextInt(400));
            case "User":
                return String.format(
                        Locale.ROOT,
                        template,
                        "u" + random.nextInt(100_000),
                        "10.0." + random.nextInt(256) + "." + random.nextInt(256));
            case "Cach":
                return String.format(Locale.ROOT, template, 80 + random.nextInt(20));
            default:
                return String.format(
                        Locale.ROOT,
                        template,
                        pick(new String[] {"reindex", "cleanup", "report"}),
                        100 + random.nextInt(5000));
        }
    }

    private void emitMetrics(long t, String service, String host, TelemetrySink sink) {
        FleetState.ServiceEffects effects = fleet.of(service);
        double traffic = traffic(t) * effects.trafficFactor;
        Map<String, String> labels =
                Map.of("service", service, "instance", host + ":9100", "job", "node");
        sink.send(
                Formats.metric(
                        t,
                        "node_cpu_utilisation",
                        clamp(0.15 + 0.35 * traffic + noise(0.03), 0, 1),
                        labels));
        sink.send(
                Formats.metric(
                        t,
                        "process_resident_memory_bytes",
                        1.2e9 + 1e8 * traffic + noise(2e7),
                        labels));
        sink.send(
                Formats.metric(
                        t,
                        "http_requests_per_second",
                        Math.max(0, 40 * traffic + noise(3)),
                        labels));
        sink.send(
                Formats.metric(
                        t,
                        "http_request_duration_p99_seconds",
                        Math.max(
                                0.01,
                                (0.18 + 0.05 * traffic) * effects.latencyFactor + noise(0.01)),
                        labels));
        double disk = fleet.host(host).diskUsedRatio;
        sink.send(
                Formats.metric(
                        t,
                        "node_filesystem_used_ratio",
                        clamp((Double.isNaN(disk) ? 0.42 : disk) + noise(0.002), 0, 1),
                        labels));
    }

    /** Daily traffic shape: quiet at night, peaks in the afternoon (mean 1). */
    static double traffic(long t) {
        double hour = Math.floorMod(t, 86_400_000L) / 3_600_000.0;
        return 1 + 0.4 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private double noise(double sigma) {
        // Sum of uniforms: cheap, deterministic, close enough to normal for telemetry noise.
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += random.nextDouble() - 0.5;
        }
        return sum * sigma * Math.sqrt(3);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String id() {
        return Long.toString(100_000 + random.nextInt(900_000));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
