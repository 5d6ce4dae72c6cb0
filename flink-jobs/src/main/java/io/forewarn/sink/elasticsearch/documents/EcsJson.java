package io.forewarn.sink.elasticsearch.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.forewarn.schema.Evidence;
import io.forewarn.schema.Producer;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.TimeToImpact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the parts Forewarn's documents share, with ECS names where ECS has one ({@code
 * @timestamp}, {@code service.name}, {@code host.name}, {@code event.*}, {@code labels}) and
 * snake_case fields under {@code forewarn} otherwise. Dates are ISO-8601 UTC strings.
 */
final class EcsJson {

    private static final JsonFactory JSON = new JsonFactory();

    private EcsJson() {}

    /** Something that writes the fields of one JSON object. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** Serializes one JSON object. */
    static byte[] object(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a JSON document", e);
        }
        return out.toByteArray();
    }

    /**
     * ECS {@code event.severity}: Forewarn's severity as a number, 1 (info) to 5 (critical), higher
     * is worse.
     */
    static int eventSeverity(Severity severity) {
        return severity.ordinal() + 1;
    }

    static String isoTime(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    static void timestamp(JsonGenerator json, long epochMillis) throws IOException {
        json.writeStringField("@timestamp", isoTime(epochMillis));
    }

    static void entity(JsonGenerator json, String service, String host) throws IOException {
        json.writeObjectFieldStart("service");
        json.writeStringField("name", service);
        json.writeEndObject();
        if (host != null) {
            json.writeObjectFieldStart("host");
            json.writeStringField("name", host);
            json.writeEndObject();
        }
    }

    static void event(JsonGenerator json, String kind, String dataset, Severity severity)
            throws IOException {
        json.writeObjectFieldStart("event");
        json.writeStringField("kind", kind);
        json.writeStringField("module", "forewarn");
        json.writeStringField("dataset", dataset);
        json.writeNumberField("severity", eventSeverity(severity));
        json.writeEndObject();
    }

    static void labels(JsonGenerator json, Map<String, String> labels) throws IOException {
        if (labels.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("labels");
        stringMap(json, labels);
        json.writeEndObject();
    }

    /**
     * {@code time_to_impact}: expected, lower and upper milliseconds from {@code fromMillis}, and
     * the absolute expected impact time.
     */
    static void timeToImpact(JsonGenerator json, TimeToImpact timeToImpact, long fromMillis)
            throws IOException {
        if (timeToImpact == null) {
            return;
        }
        json.writeObjectFieldStart("time_to_impact");
        json.writeNumberField("expected_ms", timeToImpact.getExpectedMillis());
        json.writeNumberField("lower_ms", timeToImpact.getLowerMillis());
        json.writeNumberField("upper_ms", timeToImpact.getUpperMillis());
        json.writeStringField(
                "expected_at", isoTime(fromMillis + timeToImpact.getExpectedMillis()));
        json.writeEndObject();
    }

    static void evidence(JsonGenerator json, List<Evidence> evidence) throws IOException {
        json.writeArrayFieldStart("evidence");
        for (Evidence e : evidence) {
            json.writeStartObject();
            json.writeStringField("kind", e.getKind());
            json.writeStringField("summary", e.getSummary());
            json.writeStringField("timestamp", isoTime(e.getTimestamp()));
            json.writeStringField("source", e.getSource());
            if (e.getRef() != null) {
                json.writeStringField("ref", e.getRef());
            }
            if (e.getValue() != null && Double.isFinite(e.getValue())) {
                json.writeNumberField("value", e.getValue());
            }
            if (!e.getAttributes().isEmpty()) {
                json.writeObjectFieldStart("attributes");
                stringMap(json, e.getAttributes());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void recommendedActions(JsonGenerator json, List<RecommendedAction> actions)
            throws IOException {
        json.writeArrayFieldStart("recommended_actions");
        for (RecommendedAction action : actions) {
            json.writeStartObject();
            json.writeStringField("title", action.getTitle());
            if (action.getDetail() != null) {
                json.writeStringField("detail", action.getDetail());
            }
            if (action.getRunbookUrl() != null) {
                json.writeStringField("runbook_url", action.getRunbookUrl());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void producer(JsonGenerator json, Producer producer) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", producer.getKind().name());
        json.writeStringField("id", producer.getId());
        json.writeStringField("version", producer.getVersion());
        json.writeEndObject();
    }

    /** Finite numbers only: JSON has no NaN or infinity. */
    static void number(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(field, value);
        }
    }

    /**
     * Keys in sorted order, dots replaced by underscores: Elasticsearch reads a dot as an object
     * path, so {@code a} and {@code a.b} in one map would conflict.
     */
    private static void stringMap(JsonGenerator json, Map<String, String> map) throws IOException {
        for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
            json.writeStringField(entry.getKey().replace('.', '_'), entry.getValue());
        }
    }
}
