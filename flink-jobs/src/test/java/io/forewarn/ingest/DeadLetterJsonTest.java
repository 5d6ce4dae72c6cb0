package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DeadLetterJsonTest {

    @Test
    void textPayloadAndCoordinates() throws Exception {
        DeadLetter letter =
                DeadLetters.create(
                        Samples.NOW.toEpochMilli(),
                        "decode",
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'id' is missing",
                        utf8("{\"service\":\"s\"}"),
                        1024);
        letter.setSourceTopic("forewarn.deployments");
        letter.setSourcePartition(0);
        letter.setSourceOffset(17L);
        letter.setRecordTimestamp(Samples.millis("2026-12-04T11:59:59Z"));
        letter.setKey(ByteBuffer.wrap(utf8("checkout")));

        JsonNode json = JsonPayload.MAPPER.readTree(DeadLetterJson.render(letter));

        assertThat(json.get("timestamp").asText()).isEqualTo("2026-12-04T12:00:00Z");
        assertThat(json.get("stage").asText()).isEqualTo("decode");
        assertThat(json.get("reason").asText()).isEqualTo("MISSING_FIELD");
        assertThat(json.get("detail").asText()).isEqualTo("required field 'id' is missing");
        assertThat(json.get("source").asText()).isEqualTo("forewarn.deployments-0@17");
        assertThat(json.get("recordTimestamp").asText()).isEqualTo("2026-12-04T11:59:59Z");
        assertThat(json.get("key").asText()).isEqualTo("checkout");
        assertThat(json.get("payload").asText()).isEqualTo("{\"service\":\"s\"}");
        assertThat(json.get("payloadEncoding").asText()).isEqualTo("utf-8");
        assertThat(json.get("payloadSize").asInt()).isEqualTo(15);
        assertThat(json.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void binaryPayloadAsBase64AndTextCutInsideACharacter() throws Exception {
        DeadLetter binary =
                DeadLetters.create(
                        0, "decode", DeadLetterReason.NOT_DECODABLE, "x", new byte[] {0, 1, 2}, 10);
        DeadLetter cut =
                DeadLetters.create(0, "decode", DeadLetterReason.TOO_LARGE, "x", utf8("aé"), 2);

        JsonNode binaryJson = JsonPayload.MAPPER.readTree(DeadLetterJson.render(binary));
        JsonNode cutJson = JsonPayload.MAPPER.readTree(DeadLetterJson.render(cut));

        assertThat(binaryJson.get("payload").asText()).isEqualTo("AAEC");
        assertThat(binaryJson.get("payloadEncoding").asText()).isEqualTo("base64");
        assertThat(binaryJson.has("source")).isFalse();
        assertThat(cutJson.get("payload").asText()).isEqualTo("a");
        assertThat(cutJson.get("payloadEncoding").asText()).isEqualTo("utf-8");
        assertThat(cutJson.get("truncated").asBoolean()).isTrue();
        assertThat(cutJson.get("payloadSize").asInt()).isEqualTo(3);
    }
}
