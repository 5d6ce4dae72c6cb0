package io.forewarn.benchmarks.pipeline;

import io.forewarn.simulator.Formats;
import io.forewarn.simulator.TelemetryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Pre-rendered telemetry of the benchmark fleet in the simulator's shipper formats (ECS JSON logs,
 * prometheus-kafka-adapter metrics), with the timestamp patched in at send time, so that the load
 * generator spends its CPU on sending rather than on JSON.
 */
final class Payloads {

    /** A timestamp that renders to 24 characters and appears nowhere else in a payload. */
    private static final long SENTINEL = Instant.parse("2001-02-03T04:05:06.789Z").toEpochMilli();

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final byte[] SENTINEL_TEXT = iso(SENTINEL);
    private static final String[] INFO = {
        "GET /api/cart 200 %d ms",
        "Processed order 48%d in 112 ms",
        "User u%d logged in from 10.0.3.17",
        "Scheduled job cleanup completed in %d ms",
    };
    private static final String[] WARN = {
        "Slow query took %d ms: SELECT * FROM orders WHERE customer_id = ?",
        "Retrying request to payments-api (attempt 2 of 3)",
    };
    private static final String[] ERROR = {
        "Failed to process order 93%d: timeout after 5000 ms",
        "Request failed: java.net.SocketTimeoutException: Read timed out (%d)",
    };
    private static final String[] METRICS = {
        "node_cpu_utilisation", "http_request_duration_p99_seconds", "jvm_memory_heap_used_ratio"
    };
    private static final int VARIANTS = 4;

    /** Log templates of one service (the job models a rate series for each). */
    static final int TEMPLATES = INFO.length + WARN.length + ERROR.length;

    /** One payload with the offset of its timestamp. */
    record Payload(byte[] bytes, int timestampAt) {}

    private final int services;
    private final Payload[][] info;
    private final Payload[][] warn;
    private final Payload[][] error;
    private final Payload[][] metrics;

    Payloads(int services) {
        this.services = services;
        this.info = new Payload[services][];
        this.warn = new Payload[services][];
        this.error = new Payload[services][];
        this.metrics = new Payload[services][];
        for (int s = 0; s < services; s++) {
            String service = service(s);
            info[s] = logs(service, "INFO", INFO);
            warn[s] = logs(service, "WARN", WARN);
            error[s] = logs(service, "ERROR", ERROR);
            metrics[s] = metrics(service);
        }
    }

    static String service(int index) {
        return String.format(Locale.ROOT, "svc-%04d", index);
    }

    int services() {
        return services;
    }

    Payload log(int service, String level, int variant) {
        Payload[] pool =
                switch (level) {
                    case "ERROR" -> error[service];
                    case "WARN" -> warn[service];
                    default -> info[service];
                };
        return pool[Math.floorMod(variant, pool.length)];
    }

    /** Series of one service: each metric on each of its two hosts. */
    static final int SERIES = 6;

    /** A sample of one of the service's {@link #SERIES} series (metric, host). */
    Payload series(int service, int series) {
        int metric = series / 2;
        int host = series % 2;
        return metrics[service][metric * VARIANTS + host];
    }

    /** A copy of the payload with {@code time} as its timestamp. */
    static byte[] stamped(Payload payload, long time) {
        byte[] out = Arrays.copyOf(payload.bytes(), payload.bytes().length);
        byte[] text = iso(time);
        System.arraycopy(text, 0, out, payload.timestampAt(), text.length);
        return out;
    }

    private static Payload[] logs(String service, String level, String[] templates) {
        Payload[] out = new Payload[templates.length * VARIANTS];
        for (int t = 0; t < templates.length; t++) {
            for (int v = 0; v < VARIANTS; v++) {
                String host = service + "-" + (1 + v % 2);
                String message = String.format(Locale.ROOT, templates[t], 100 + 37 * v);
                TelemetryEvent event =
                        Formats.ecsLog(
                                SENTINEL,
                                service,
                                host,
                                level,
                                "com.shop.Bench",
                                "http-nio-8080-exec-" + (1 + v),
                                message);
                out[t * VARIANTS + v] = payload(event);
            }
        }
        return out;
    }

    private static Payload[] metrics(String service) {
        Payload[] out = new Payload[METRICS.length * VARIANTS];
        for (int m = 0; m < METRICS.length; m++) {
            for (int v = 0; v < VARIANTS; v++) {
                String host = service + "-" + (1 + v % 2);
                double value = (m == 1 ? 0.2 : 0.45) + 0.01 * v;
                out[m * VARIANTS + v] =
                        payload(
                                Formats.metric(
                                        SENTINEL,
                                        METRICS[m],
                                        value,
                                        Map.of(
                                                "service",
                                                service,
                                                "instance",
                                                host + ":9100",
                                                "job",
                                                "node")));
            }
        }
        return out;
    }

    private static Payload payload(TelemetryEvent event) {
        byte[] bytes = event.value();
        int at = indexOf(bytes, SENTINEL_TEXT);
        if (at < 0
                || indexOf(Arrays.copyOfRange(bytes, at + 1, bytes.length), SENTINEL_TEXT) >= 0) {
            throw new IllegalStateException(
                    "Expected the timestamp exactly once in "
                            + new String(bytes, StandardCharsets.UTF_8));
        }
        return new Payload(bytes, at);
    }

    private static byte[] iso(long time) {
        return ISO.format(Instant.ofEpochMilli(time)).getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
