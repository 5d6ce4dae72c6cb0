package io.forewarn.simulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The application logs of a healthy fleet, changed by {@link FleetState}: request, order, session,
 * cache and scheduler lines; slow-query and retry warnings; timeouts as errors; and, with {@link
 * Coverage#FULL}, the JVM's GC pause lines, which grow long when the heap is nearly full.
 */
final class FleetLogs {

    private static final String[][] INFO_TEMPLATES = {
        {"com.shop.web.RequestLogger", "GET /api/%s 200 %d ms"},
        {"com.shop.orders.OrderService", "Processed order %s in %d ms"},
        {"com.shop.auth.SessionService", "User %s logged in from %s"},
        {"com.shop.cache.CacheStats", "Cache hit ratio %d%% over the last minute"},
        {"com.shop.jobs.Scheduler", "Scheduled job %s completed in %d ms"},
    };
    private static final String SLOW_QUERY =
            "Slow query took %d ms: SELECT * FROM orders WHERE customer_id = ?";
    private static final String RETRY = "Retrying request to %s (attempt %d of 3)";
    private static final String[][] ERROR_TEMPLATES = {
        {"com.shop.orders.OrderService", "Failed to process order %s: timeout after %d ms"},
        {
            "com.shop.web.ErrorHandler",
            "Request failed: java.net.SocketTimeoutException: Read timed out (%s)"
        },
    };
    private static final String[] PATHS = {"cart", "orders", "products", "users/me", "search"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-south-1"};
    private static final String[] RETRIED = {"postgres", "redis", "payments-api", "search-cluster"};
    private static final double HEAP_MB = 1024;

    private final SimulatorSettings settings;
    private final FleetState fleet;
    private final Randomness random;
    private final Map<String, Integer> gcCounts = new HashMap<>();

    FleetLogs(SimulatorSettings settings, FleetState fleet, Randomness random) {
        this.settings = settings;
        this.fleet = fleet;
        this.random = random;
    }

    /** One tick of a host's application logs. */
    void tick(long t, String service, String host, TelemetrySink sink) {
        FleetState.ServiceEffects effects = fleet.of(service);
        LogFormat format = settings.logFormat(service);
        double perTick =
                settings.logsPerHostPerMinute()
                        / 60.0
                        * FleetModel.traffic(t)
                        * effects.trafficFactor;
        int count = random.poisson(perTick);
        double errorRatio =
                Double.isNaN(effects.errorRatio) ? settings.baseErrorRatio() : effects.errorRatio;
        double latency = effects.latencyFactor * fleet.host(host).latencyFactor;
        double slowShare = Math.min(0.25, 0.015 * latency);
        for (int i = 0; i < count; i++) {
            long time = t + random.below((int) TelemetrySimulator.TICK.toMillis());
            String thread = random.thread();
            double roll = random.uniform();
            String level;
            String logger;
            String message;
            if (roll < errorRatio) {
                level = "ERROR";
                if (effects.errorTemplate != null) {
                    logger = "com.shop.web.ErrorHandler";
                    message =
                            String.format(Locale.ROOT, effects.errorTemplate, random.pick(REGIONS));
                } else {
                    String[] template = random.pick(ERROR_TEMPLATES);
                    logger = template[0];
                    message =
                            String.format(
                                    Locale.ROOT,
                                    template[1],
                                    random.id(),
                                    1000 + random.below(9000));
                }
            } else if (roll < errorRatio + 0.015) {
                level = "WARN";
                logger = "com.shop.http.RetryingClient";
                message =
                        String.format(
                                Locale.ROOT, RETRY, random.pick(RETRIED), 1 + random.below(3));
            } else if (roll < errorRatio + 0.015 + slowShare) {
                level = "WARN";
                logger = "com.shop.db.QueryLogger";
                message =
                        String.format(
                                Locale.ROOT,
                                SLOW_QUERY,
                                (int) ((200 + random.below(2000)) * Math.sqrt(latency)));
            } else {
                level = "INFO";
                String[] template = random.pick(INFO_TEMPLATES);
                logger = template[0];
                message = info(template[1]);
            }
            sink.send(format.render(time, service, host, level, logger, thread, message));
        }
        if (settings.coverage() == Coverage.FULL && random.chance(1 / 25.0)) {
            gcLine(t, service, host, format, sink);
        }
    }

    private void gcLine(long t, String service, String host, LogFormat format, TelemetrySink sink) {
        double heap =
                FleetModel.heapUsed(
                        t,
                        fleet.of(service).trafficFactor,
                        fleet.host(host).heapExtra,
                        random.uniform());
        double pressure = FleetModel.heapPressure(heap);
        int n = gcCounts.merge(host, 1, Integer::sum);
        long time = t + random.below(1000);
        int before = (int) Math.min(HEAP_MB, heap * HEAP_MB + 40 + random.below(60));
        if (pressure > 0 && random.chance(0.6 * pressure)) {
            double seconds = FleetModel.gcPauseSeconds(pressure, random.uniform());
            int after = (int) Math.max(before - 4 - random.below(12), heap * HEAP_MB - 8);
            sink.send(
                    format.render(
                            time,
                            service,
                            host,
                            "WARN",
                            "gc",
                            "GC Thread#0",
                            String.format(
                                    Locale.ROOT,
                                    "GC(%d) Pause Full (G1 Compaction Pause) %dM->%dM(1024M) %.3fms",
                                    n,
                                    before,
                                    after,
                                    seconds * 1000)));
            return;
        }
        double millis = 4 + 30 * random.uniform() + 400 * pressure * random.uniform();
        int after = (int) Math.max(60, before - (1 - heap) * HEAP_MB * 0.8 - 20);
        sink.send(
                format.render(
                        time,
                        service,
                        host,
                        "INFO",
                        "gc",
                        "GC Thread#0",
                        String.format(
                                Locale.ROOT,
                                "GC(%d) Pause Young (Normal) (G1 Evacuation Pause) %dM->%dM(1024M) %.3fms",
                                n,
                                before,
                                after,
                                millis)));
    }

    private String info(String template) {
        switch (template.substring(0, 4)) {
            case "GET ":
                return String.format(
                        Locale.ROOT, template, random.pick(PATHS), 5 + random.below(120));
            case "Proc":
                return String.format(Locale.ROOT, template, random.id(), 10 + random.below(400));
            case "User":
                return String.format(
                        Locale.ROOT,
                        template,
                        "u" + random.below(100_000),
                        "10.0." + random.below(256) + "." + random.below(256));
            case "Cach":
                return String.format(Locale.ROOT, template, 80 + random.below(20));
            default:
                return String.format(
                        Locale.ROOT,
                        template,
                        random.pick(new String[] {"reindex", "cleanup", "report"}),
                        100 + random.below(5000));
        }
    }
}
