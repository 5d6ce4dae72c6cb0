package io.forewarn.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.simulator.GroundTruth;
import io.forewarn.simulator.TelemetryEvent;
import io.forewarn.simulator.TelemetrySink;
import io.forewarn.simulator.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passes simulated records on to another sink and keeps, for each incident, the series of its key
 * metric ({@link GroundTruth#keyMetric()}) on its entity, one series per host; for {@link
 * GroundTruth#LOG_ERROR_RATIO} the share of ERROR and FATAL lines of the service per minute.
 */
public final class KeyMetricRecorder implements TelemetrySink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MINUTE = 60_000;

    private final TelemetrySink delegate;
    private final Map<String, List<GroundTruth>> byService = new HashMap<>();
    private final Map<GroundTruth, Map<String, List<Point>>> series = new HashMap<>();
    private final Map<GroundTruth, TreeMap<Long, long[]>> logCounts = new HashMap<>();

    /** One sample. */
    public record Point(long time, double value) {}

    public KeyMetricRecorder(TelemetrySink delegate, List<GroundTruth> truths) {
        this.delegate = delegate;
        for (GroundTruth truth : truths) {
            byService.computeIfAbsent(truth.service(), s -> new ArrayList<>()).add(truth);
            series.put(truth, new LinkedHashMap<>());
            logCounts.put(truth, new TreeMap<>());
        }
    }

    @Override
    public void send(TelemetryEvent event) {
        delegate.send(event);
        List<GroundTruth> truths = event.key() == null ? null : byService.get(event.key());
        if (truths == null) {
            return;
        }
        if (event.topic() == Topic.METRICS) {
            recordMetric(event, truths);
        } else if (event.topic() == Topic.LOGS) {
            recordLog(event, truths);
        }
    }

    private void recordMetric(TelemetryEvent event, List<GroundTruth> truths) {
        JsonNode node = null;
        for (GroundTruth truth : truths) {
            if (truth.keyMetric().equals(GroundTruth.LOG_ERROR_RATIO)) {
                continue;
            }
            if (node == null) {
                node = parse(event);
            }
            if (!node.path("name").asText().equals(truth.keyMetric())) {
                continue;
            }
            String host = hostOf(node.at("/labels/instance").asText());
            if (truth.host() != null && !truth.host().equals(host)) {
                continue;
            }
            series.get(truth)
                    .computeIfAbsent(
                            host.isEmpty() ? truth.service() : host, h -> new ArrayList<>())
                    .add(new Point(event.timestamp(), node.path("value").asDouble()));
        }
    }

    private void recordLog(TelemetryEvent event, List<GroundTruth> truths) {
        Boolean error = null;
        for (GroundTruth truth : truths) {
            if (!truth.keyMetric().equals(GroundTruth.LOG_ERROR_RATIO)) {
                continue;
            }
            if (error == null) {
                error = isError(event);
            }
            long[] counts =
                    logCounts
                            .get(truth)
                            .computeIfAbsent(
                                    Math.floorDiv(event.timestamp(), MINUTE) * MINUTE,
                                    m -> new long[2]);
            counts[0]++;
            if (error) {
                counts[1]++;
            }
        }
    }

    /** The key metric's series of an incident, by host (or service), in time order. */
    public Map<String, List<Point>> series(GroundTruth truth) {
        if (!truth.keyMetric().equals(GroundTruth.LOG_ERROR_RATIO)) {
            return series.getOrDefault(truth, Map.of());
        }
        List<Point> ratio = new ArrayList<>();
        logCounts
                .getOrDefault(truth, new TreeMap<>())
                .forEach((minute, c) -> ratio.add(new Point(minute, c[1] / (double) c[0])));
        return Map.of(truth.service(), ratio);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static boolean isError(TelemetryEvent event) {
        String text = new String(event.value(), StandardCharsets.UTF_8);
        String level;
        if (text.startsWith("{")) {
            JsonNode node = parse(event);
            level =
                    node.has("log.level")
                            ? node.path("log.level").asText()
                            : node.path("level").asText();
        } else {
            String[] parts = text.split(" ", 3);
            level = parts.length > 1 ? parts[1] : "";
        }
        level = level.toUpperCase(Locale.ROOT);
        return level.equals("ERROR") || level.equals("FATAL");
    }

    private static String hostOf(String instance) {
        int colon = instance.lastIndexOf(':');
        return colon < 0 ? instance : instance.substring(0, colon);
    }

    private static JsonNode parse(TelemetryEvent event) {
        try {
            return JSON.readTree(event.value());
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator wrote invalid JSON", e);
        }
    }
}
