package io.forewarn.sink.elasticsearch.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import io.forewarn.schema.BreachForecast;
import io.forewarn.schema.MetricAnomaly;
import io.forewarn.schema.MetricContribution;
import io.forewarn.schema.Signal;
import io.forewarn.sink.elasticsearch.DocumentConverter;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import java.io.IOException;
import java.util.Objects;

/**
 * Signals as documents of the {@code forewarn-signals} index, id = the signal's deterministic id. A
 * signal never changes once made, so no version is needed: a replay rewrites the same document.
 * Signal attributes become ECS {@code labels}; a metric anomaly and a breach forecast become {@code
 * forewarn.anomaly} and {@code forewarn.forecast}.
 */
public final class SignalDocuments implements DocumentConverter<Signal> {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_INDEX = "forewarn-signals";

    private final String index;

    public SignalDocuments(String index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public DocumentRequest toRequest(Signal signal) {
        return DocumentRequest.index(index, signal.getSignalId(), toJson(signal));
    }

    /** The ECS JSON document of a signal. */
    public static byte[] toJson(Signal s) {
        return EcsJson.object(json -> writeFields(json, s));
    }

    private static void writeFields(JsonGenerator json, Signal s) throws IOException {
        EcsJson.timestamp(json, s.getTimestamp());
        json.writeStringField(
                "message", s.getSource() + " " + s.getKind() + " on " + s.getService());
        EcsJson.entity(json, s.getService(), s.getHost());
        EcsJson.event(json, "event", "forewarn.signals", s.getSeverity());
        EcsJson.labels(json, s.getAttributes());
        json.writeObjectFieldStart("forewarn");
        json.writeStringField("signal_id", s.getSignalId());
        json.writeStringField("source", s.getSource());
        json.writeStringField("kind", s.getKind());
        EcsJson.number(json, "score", s.getScore());
        json.writeStringField("severity", s.getSeverity().name());
        if (s.getFailureType() != null) {
            json.writeStringField("failure_type", s.getFailureType());
        }
        if (s.getProbability() != null) {
            EcsJson.number(json, "probability", s.getProbability());
        }
        EcsJson.timeToImpact(json, s.getTimeToImpact(), s.getTimestamp());
        EcsJson.evidence(json, s.getEvidence());
        EcsJson.recommendedActions(json, s.getRecommendedActions());
        json.writeFieldName("producer");
        EcsJson.producer(json, s.getProducer());
        if (s.getAnomaly() != null) {
            anomaly(json, s.getAnomaly());
        }
        if (s.getForecast() != null) {
            forecast(json, s.getForecast());
        }
        json.writeEndObject();
    }

    private static void anomaly(JsonGenerator json, MetricAnomaly a) throws IOException {
        json.writeObjectFieldStart("anomaly");
        EcsJson.number(json, "grade", a.getGrade());
        EcsJson.number(json, "confidence", a.getConfidence());
        json.writeNumberField("anomalous_series", a.getAnomalousSeries());
        json.writeNumberField("series", a.getSeries());
        json.writeArrayFieldStart("contributors");
        for (MetricContribution c : a.getContributors()) {
            json.writeStartObject();
            json.writeStringField("series", c.getSeries());
            json.writeStringField("metric", c.getMetric());
            json.writeStringField("family", c.getFamily());
            EcsJson.number(json, "value", c.getValue());
            optionalNumber(json, "expected", c.getExpected());
            optionalNumber(json, "lower", c.getLower());
            optionalNumber(json, "upper", c.getUpper());
            EcsJson.number(json, "grade", c.getGrade());
            EcsJson.number(json, "share", c.getShare());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void forecast(JsonGenerator json, BreachForecast f) throws IOException {
        json.writeObjectFieldStart("forecast");
        json.writeStringField("series", f.getSeries());
        json.writeStringField("metric", f.getMetric());
        json.writeStringField("family", f.getFamily());
        optionalNumber(json, "threshold", f.getThreshold());
        json.writeStringField("direction", f.getDirection());
        EcsJson.number(json, "value", f.getValue());
        json.writeStringField("status", f.getStatus());
        optionalTime(json, "breach_at", f.getBreachAt());
        optionalTime(json, "earliest_at", f.getEarliestAt());
        optionalTime(json, "latest_at", f.getLatestAt());
        EcsJson.number(json, "probability", f.getProbability());
        optionalNumber(json, "trend_per_hour", f.getTrendPerHour());
        EcsJson.number(json, "confidence", f.getConfidence());
        json.writeStringField("method", f.getMethod());
        json.writeEndObject();
    }

    private static void optionalNumber(JsonGenerator json, String field, Double value)
            throws IOException {
        if (value != null) {
            EcsJson.number(json, field, value);
        }
    }

    private static void optionalTime(JsonGenerator json, String field, Long epochMillis)
            throws IOException {
        if (epochMillis != null) {
            json.writeStringField(field, EcsJson.isoTime(epochMillis));
        }
    }
}
