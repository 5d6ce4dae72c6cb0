package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static RejectedDocument rejected(String json) {
        return new RejectedDocument(
                DocumentRequest.index("idx", "doc-1", json.getBytes(StandardCharsets.UTF_8)),
                DeadLetterReason.SINK_REJECTED,
                400,
                "document_parsing_exception",
                "failed to parse field [n]");
    }

    @Test
    void carriesTheErrorAndTheDocument() throws Exception {
        DeadLetter deadLetter = DeadLetters.of(rejected("{\"n\":\"x\"}"), 1024, 1234L);

        assertThat(deadLetter.getTimestamp()).isEqualTo(1234L);
        assertThat(deadLetter.getStage()).isEqualTo("elasticsearch-sink");
        assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.SINK_REJECTED);
        assertThat(deadLetter.getDetail())
                .isEqualTo(
                        "document_parsing_exception: failed to parse field [n]"
                                + " (index idx, id doc-1, status 400)");
        assertThat(deadLetter.getSourceTopic()).isNull();
        assertThat(text(deadLetter.getKey())).isEqualTo("doc-1");
        assertThat(text(deadLetter.getPayload())).isEqualTo("{\"n\":\"x\"}");
        assertThat(deadLetter.getPayloadSize()).isEqualTo(9);
        assertThat(deadLetter.getTruncated()).isFalse();

        DeadLetter decoded = DeadLetter.fromByteBuffer(deadLetter.toByteBuffer());
        assertThat(decoded).isEqualTo(deadLetter);
    }

    @Test
    void truncatesLargePayloads() {
        DeadLetter deadLetter = DeadLetters.of(rejected("{\"n\":\"0123456789\"}"), 5, 0L);

        assertThat(text(deadLetter.getPayload())).isEqualTo("{\"n\":");
        assertThat(deadLetter.getPayloadSize()).isEqualTo(18);
        assertThat(deadLetter.getTruncated()).isTrue();
    }

    @Test
    void deletesHaveAnEmptyPayload() {
        RejectedDocument delete =
                new RejectedDocument(
                        DocumentRequest.delete("idx", "doc-2"),
                        DeadLetterReason.SINK_REJECTED,
                        400,
                        "action_request_validation_exception",
                        "bad");

        DeadLetter deadLetter = DeadLetters.of(delete, 10, 0L);

        assertThat(deadLetter.getPayload().remaining()).isZero();
        assertThat(deadLetter.getPayloadSize()).isZero();
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
