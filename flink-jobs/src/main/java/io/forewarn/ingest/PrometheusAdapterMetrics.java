package io.forewarn.ingest;

import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.util.List;
import java.util.Map;

/**
 * The prometheus-kafka-adapter JSON shape: {@code {"timestamp":"2026-12-04T10:15:30Z",
 * "value":"12.5", "name":"up", "labels":{"__name__":"up", "job":"x", "instance":"h:9100"}}}.
 *
 * <p>{@code value} is a number or a numeric string; {@code NaN}/{@code +Inf}/{@code -Inf} are
 * dropped and counted. {@code name} falls back to {@code labels.__name__}, which is removed from
 * the labels. The kind is COUNTER for names ending in {@code _total}, HISTOGRAM for {@code
 * _bucket}, else UNKNOWN (the adapter carries no type).
 */
final class PrometheusAdapterMetrics {

    private PrometheusAdapterMetrics() {}

    static boolean matches(JsonObject json) {
        return json.has("value") && (json.has("name") || json.has("labels"));
    }

    static Decoded<MetricSample> map(JsonObject json, DecoderSettings settings)
            throws DecodeException {
        Map<String, String> labels = json.stringMap("labels", settings.maxFieldChars());
        String name = json.text("name");
        if (name == null) {
            name = labels.get("__name__");
        }
        if (name == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "required field 'name' (or 'labels.__name__') is missing");
        }
        labels.remove("__name__");
        long timestamp = json.requiredTimestamp("timestamp", Style.ISO_OR_EPOCH);
        double value = json.requiredNumber("value");
        if (!Double.isFinite(value)) {
            return new Decoded<>(List.of(), 1);
        }
        return Decoded.of(MetricSamples.sample(timestamp, name, value, labels, null, kindOf(name)));
    }

    private static MetricKind kindOf(String name) {
        if (name.endsWith("_total")) {
            return MetricKind.COUNTER;
        }
        if (name.endsWith("_bucket")) {
            return MetricKind.HISTOGRAM;
        }
        return MetricKind.UNKNOWN;
    }
}
