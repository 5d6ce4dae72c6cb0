package io.forewarn.sink.elasticsearch.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.Producer;
import io.forewarn.sink.elasticsearch.DocumentConverter;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import io.forewarn.sink.elasticsearch.VersionType;
import java.io.IOException;
import java.util.Objects;

/**
 * Predictions as current-state documents of the {@code forewarn-predictions} index: one document
 * per prediction id, replaced by each update.
 *
 * <p>The external version is the update's event time ({@link Prediction#getTimestamp()}) with
 * {@link VersionType#EXTERNAL_GTE}: an older update replayed after a newer one is refused by
 * Elasticsearch (and counted as already applied), while a replay of the same update rewrites the
 * same content. Two updates can share an event time, so the index must be written with one bulk
 * request in flight, as the job does, for them to be applied in order.
 */
public final class PredictionDocuments implements DocumentConverter<Prediction> {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_INDEX = "forewarn-predictions";

    private final String index;

    public PredictionDocuments(String index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public DocumentRequest toRequest(Prediction prediction) {
        return DocumentRequest.index(index, prediction.getPredictionId(), toJson(prediction))
                .withExternalVersion(prediction.getTimestamp(), VersionType.EXTERNAL_GTE);
    }

    /** The ECS JSON document of a prediction. */
    public static byte[] toJson(Prediction p) {
        return EcsJson.object(json -> writeFields(json, p));
    }

    private static void writeFields(JsonGenerator json, Prediction p) throws IOException {
        EcsJson.timestamp(json, p.getTimestamp());
        json.writeStringField("message", p.getSummary());
        EcsJson.entity(json, p.getService(), p.getHost());
        EcsJson.event(json, "alert", "forewarn.predictions", p.getSeverity());
        json.writeObjectFieldStart("forewarn");
        json.writeStringField("prediction_id", p.getPredictionId());
        json.writeStringField("failure_type", p.getFailureType());
        json.writeStringField("status", p.getStatus().name());
        json.writeStringField("severity", p.getSeverity().name());
        EcsJson.number(json, "probability", p.getProbability());
        EcsJson.number(json, "rank_score", p.getRankScore());
        EcsJson.timeToImpact(json, p.getTimeToImpact(), p.getTimestamp());
        json.writeStringField("first_seen", EcsJson.isoTime(p.getFirstSeen()));
        json.writeStringField("last_seen", EcsJson.isoTime(p.getLastSeen()));
        json.writeNumberField("episode", p.getEpisode());
        json.writeNumberField("signal_count", p.getSignalCount());
        EcsJson.evidence(json, p.getEvidence());
        EcsJson.recommendedActions(json, p.getRecommendedActions());
        json.writeArrayFieldStart("producers");
        for (Producer producer : p.getProducers()) {
            EcsJson.producer(json, producer);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
