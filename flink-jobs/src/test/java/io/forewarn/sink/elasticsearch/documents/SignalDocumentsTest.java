package io.forewarn.sink.elasticsearch.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.schema.Signal;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import io.forewarn.sink.elasticsearch.TestRecords;
import org.junit.jupiter.api.Test;

class SignalDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAnEcsDocumentWithLabelsAndTheForewarnFields() throws Exception {
        Signal signal = TestRecords.signal("s-1", TestRecords.T0);

        JsonNode doc = JSON.readTree(SignalDocuments.toJson(signal));

        assertThat(doc.get("@timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(doc.get("message").asText()).isEqualTo("error-rate error-burst on checkout");
        assertThat(doc.at("/service/name").asText()).isEqualTo("checkout");
        assertThat(doc.has("host")).isFalse();
        assertThat(doc.at("/event/kind").asText()).isEqualTo("event");
        assertThat(doc.at("/event/severity").asInt()).isEqualTo(3);
        assertThat(doc.at("/labels/region").asText()).isEqualTo("eu-west-1");
        assertThat(doc.at("/labels/zone_id").asText()).isEqualTo("b");
        JsonNode f = doc.get("forewarn");
        assertThat(f.get("signal_id").asText()).isEqualTo("s-1");
        assertThat(f.get("source").asText()).isEqualTo("error-rate");
        assertThat(f.get("kind").asText()).isEqualTo("error-burst");
        assertThat(f.get("score").asDouble()).isEqualTo(0.7);
        assertThat(f.get("failure_type").asText()).isEqualTo("http-5xx");
        assertThat(f.get("probability").asDouble()).isEqualTo(0.4);
        assertThat(f.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(f.get("evidence").isArray()).isTrue();
        assertThat(f.at("/producer/kind").asText()).isEqualTo("DETECTOR");
        assertThat(f.at("/producer/id").asText()).isEqualTo("error-rate");
    }

    @Test
    void isIdentifiedBySignalIdWithoutVersion() {
        DocumentRequest request =
                new SignalDocuments("forewarn-signals")
                        .toRequest(TestRecords.signal("s-2", TestRecords.T0));

        assertThat(request.id()).isEqualTo("s-2");
        assertThat(request.index()).isEqualTo("forewarn-signals");
        assertThat(request.version()).isEmpty();
        assertThat(request.versionType()).isNull();
    }
}
