package io.forewarn.sink.elasticsearch.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.logs.TemplateUpdate;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import io.forewarn.sink.elasticsearch.VersionType;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class TemplateDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheTemplateStateAsAnEcsDocument() throws Exception {
        JsonNode doc = JSON.readTree(TemplateDocuments.toJson(update(null)));

        assertThat(doc.get("@timestamp").asText()).isEqualTo("2026-01-01T00:10:00Z");
        assertThat(doc.get("message").asText()).isEqualTo("Payment declined: code <*>");
        assertThat(doc.at("/service/name").asText()).isEqualTo("payments");
        assertThat(doc.at("/log/level").asText()).isEqualTo("ERROR");
        assertThat(doc.at("/event/dataset").asText()).isEqualTo("forewarn.log_templates");
        JsonNode t = doc.at("/forewarn/template");
        assertThat(t.get("id").asText()).isEqualTo("00000000000000ab");
        assertThat(t.get("pattern").asText()).isEqualTo("Payment declined: code <*>");
        assertThat(t.get("token_count").asInt()).isEqualTo(4);
        assertThat(t.get("count").asLong()).isEqualTo(42);
        assertThat(t.get("level").asText()).isEqualTo("ERROR");
        assertThat(t.get("first_seen").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(t.get("last_seen").asText()).isEqualTo("2026-01-01T00:10:00Z");
        assertThat(t.get("example").asText()).isEqualTo("Payment declined: code 51");
        assertThat(t.get("new").asBoolean()).isTrue();
        assertThat(t.has("replaced_by")).isFalse();
        assertThat(t.get("evicted").asBoolean()).isFalse();
        assertThat(
                        JSON.readTree(TemplateDocuments.toJson(update("00000000000000cd")))
                                .at("/forewarn/template/replaced_by")
                                .asText())
                .isEqualTo("00000000000000cd");
    }

    @Test
    void isIdentifiedByServiceAndTemplateAndVersionedByLastSeen() {
        DocumentRequest request =
                new TemplateDocuments("forewarn-log-templates").toRequest(update(null));

        assertThat(request.index()).isEqualTo("forewarn-log-templates");
        assertThat(request.id()).isEqualTo("payments:00000000000000ab");
        assertThat(request.version()).hasValue(1_767_226_200_000L);
        assertThat(request.versionType()).isEqualTo(VersionType.EXTERNAL_GTE);
    }

    @Test
    void templateUpdatesAreFlinkPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(TemplateUpdate.class);
    }

    private static TemplateUpdate update(String replacedBy) {
        TemplateUpdate u = new TemplateUpdate();
        u.service = "payments";
        u.templateId = "00000000000000ab";
        u.template = "Payment declined: code <*>";
        u.level = "ERROR";
        u.count = 42;
        u.firstSeen = 1_767_225_600_000L;
        u.lastSeen = 1_767_226_200_000L;
        u.example = "Payment declined: code 51";
        u.novel = true;
        u.replacedBy = replacedBy;
        return u;
    }
}
