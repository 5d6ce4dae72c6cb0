package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Telegraf's JSON serializer: {@code {"fields":{"usage_idle":98.2}, "name":"cpu",
 * "tags":{"host":"h1"}, "timestamp":1458229140}}, or its batch format {@code {"metrics":[...]}}.
 *
 * <p>One sample per numeric field, named {@code <name>_<field>}, with the tags as labels; boolean
 * fields become 1/0; string fields are dropped and counted. The timestamp unit follows {@code
 * json_timestamp_units} (seconds by default) and is read from the magnitude ({@link
 * Style#ISO_OR_EPOCH}). The kind is UNKNOWN (Telegraf's JSON carries no type).
 */
final class TelegrafMetrics {

    private TelegrafMetrics() {}

    static boolean matches(JsonObject json) {
        return json.has("fields") || json.has("metrics");
    }

    static Decoded<MetricSample> map(JsonObject json, DecoderSettings settings)
            throws DecodeException {
        if (json.has("metrics")) {
            List<MetricSample> samples = new ArrayList<>();
            int dropped = 0;
            for (JsonObject metric : json.objects("metrics")) {
                dropped += mapOne(metric, settings, samples);
            }
            return new Decoded<>(samples, dropped);
        }
        List<MetricSample> samples = new ArrayList<>();
        int dropped = mapOne(json, settings, samples);
        return new Decoded<>(samples, dropped);
    }

    /** Adds the samples of one metric; returns the number of fields dropped. */
    private static int mapOne(JsonObject metric, DecoderSettings settings, List<MetricSample> out)
            throws DecodeException {
        String name = metric.requiredText("name");
        JsonObject fields = metric.requiredObject("fields");
        Map<String, String> tags = metric.stringMap("tags", settings.maxFieldChars());
        long timestamp = metric.requiredTimestamp("timestamp", Style.ISO_OR_EPOCH);
        int dropped = 0;
        Iterator<Map.Entry<String, JsonNode>> it = fields.node().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            double number;
            if (value.isNumber()) {
                number = value.doubleValue();
            } else if (value.isBoolean()) {
                number = value.booleanValue() ? 1 : 0;
            } else if (value.isTextual() || value.isNull()) {
                dropped++;
                continue;
            } else {
                throw DecodeException.wrongType(
                        fields.pathOf(field.getKey()), "a number, boolean or string", value);
            }
            out.add(
                    MetricSamples.sample(
                            timestamp,
                            name + "_" + field.getKey(),
                            number,
                            tags,
                            null,
                            MetricKind.UNKNOWN));
        }
        return dropped;
    }
}
