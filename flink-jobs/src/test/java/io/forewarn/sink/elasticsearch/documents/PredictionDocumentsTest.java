package io.forewarn.sink.elasticsearch.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import io.forewarn.sink.elasticsearch.TestRecords;
import io.forewarn.sink.elasticsearch.VersionType;
import org.junit.jupiter.api.Test;

class PredictionDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAnEcsDocumentWithTheForewarnFields() throws Exception {
        Prediction prediction =
                TestRecords.prediction("p-1", TestRecords.T0, PredictionStatus.UPDATED);

        JsonNode doc = JSON.readTree(PredictionDocuments.toJson(prediction));

        assertThat(doc.get("@timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(doc.get("message").asText())
                .isEqualTo("Disk of web-3 fills up in about 10 minutes");
        assertThat(doc.at("/service/name").asText()).isEqualTo("checkout");
        assertThat(doc.at("/host/name").asText()).isEqualTo("web-3");
        assertThat(doc.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(doc.at("/event/dataset").asText()).isEqualTo("forewarn.predictions");
        assertThat(doc.at("/event/severity").asInt()).isEqualTo(4);
        JsonNode f = doc.get("forewarn");
        assertThat(f.get("prediction_id").asText()).isEqualTo("p-1");
        assertThat(f.get("failure_type").asText()).isEqualTo("disk-full");
        assertThat(f.get("status").asText()).isEqualTo("UPDATED");
        assertThat(f.get("severity").asText()).isEqualTo("HIGH");
        assertThat(f.get("probability").asDouble()).isEqualTo(0.82);
        assertThat(f.get("rank_score").asDouble()).isEqualTo(0.656);
        assertThat(f.at("/time_to_impact/expected_ms").asLong()).isEqualTo(600_000);
        assertThat(f.at("/time_to_impact/lower_ms").asLong()).isEqualTo(300_000);
        assertThat(f.at("/time_to_impact/upper_ms").asLong()).isEqualTo(900_000);
        assertThat(f.at("/time_to_impact/expected_at").asText()).isEqualTo("2026-01-01T00:10:00Z");
        assertThat(f.get("first_seen").asText()).isEqualTo("2025-12-31T23:58:00Z");
        assertThat(f.get("last_seen").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(f.get("episode").asLong()).isEqualTo(2);
        assertThat(f.get("signal_count").asInt()).isEqualTo(5);
        JsonNode evidence = f.get("evidence").get(0);
        assertThat(evidence.get("kind").asText()).isEqualTo("forecast");
        assertThat(evidence.get("timestamp").asText()).isEqualTo("2025-12-31T23:59:00Z");
        assertThat(evidence.get("ref").asText()).isEqualTo("disk.used.pct{host=web-3}");
        assertThat(evidence.get("value").asDouble()).isEqualTo(0.93);
        assertThat(evidence.at("/attributes/mount").asText()).isEqualTo("/var");
        assertThat(evidence.at("/attributes/k8s_pod").asText())
                .as("dots in attribute keys become underscores")
                .isEqualTo("web-3");
        assertThat(f.at("/recommended_actions/0/title").asText())
                .isEqualTo("Rotate and compress logs on web-3");
        assertThat(f.at("/recommended_actions/0/runbook_url").asText())
                .isEqualTo("https://runbooks.example/disk-full");
        assertThat(f.at("/recommended_actions/0/detail").isMissingNode()).isTrue();
        assertThat(f.at("/producers/0/kind").asText()).isEqualTo("MODEL");
        assertThat(f.at("/producers/0/id").asText()).isEqualTo("disk-forecast");
        assertThat(f.at("/producers/0/version").asText()).isEqualTo("3");
    }

    @Test
    void leavesOutWhatIsNotKnown() throws Exception {
        Prediction prediction =
                TestRecords.prediction("p-2", TestRecords.T0, PredictionStatus.OPEN);
        prediction.setHost(null);
        prediction.setTimeToImpact(null);
        prediction.setProbability(Double.NaN);

        JsonNode doc = JSON.readTree(PredictionDocuments.toJson(prediction));

        assertThat(doc.has("host")).isFalse();
        assertThat(doc.at("/forewarn/time_to_impact").isMissingNode()).isTrue();
        assertThat(doc.at("/forewarn/probability").isMissingNode()).isTrue();
    }

    @Test
    void isIdentifiedByPredictionIdAndVersionedByUpdateTime() {
        Prediction prediction =
                TestRecords.prediction("p-3", TestRecords.T0 + 5, PredictionStatus.RESOLVED);

        DocumentRequest request =
                new PredictionDocuments("forewarn-predictions").toRequest(prediction);

        assertThat(request.index()).isEqualTo("forewarn-predictions");
        assertThat(request.id()).isEqualTo("p-3");
        assertThat(request.operation()).isEqualTo(DocumentRequest.Operation.INDEX);
        assertThat(request.version()).hasValue(TestRecords.T0 + 5);
        assertThat(request.versionType()).isEqualTo(VersionType.EXTERNAL_GTE);
        assertThat(request.source()).isEqualTo(PredictionDocuments.toJson(prediction));
    }
}
