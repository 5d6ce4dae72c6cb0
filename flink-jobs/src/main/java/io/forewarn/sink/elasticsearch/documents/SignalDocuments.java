package io.forewarn.sink.elasticsearch.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import io.forewarn.schema.Signal;
import io.forewarn.sink.elasticsearch.DocumentConverter;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import java.io.IOException;
import java.util.Objects;

/**
 * Signals as documents of the {@code forewarn-signals} index, id = the signal's deterministic id. A
 * signal never changes once made, so no version is needed: a replay rewrites the same document.
 * Signal attributes become ECS {@code labels}.
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
        json.writeEndObject();
    }
}
