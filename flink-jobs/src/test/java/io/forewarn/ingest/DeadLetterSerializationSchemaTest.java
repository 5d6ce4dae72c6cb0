package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterSerializationSchemaTest {

    private final DeadLetterSerializationSchema schema =
            new DeadLetterSerializationSchema("forewarn.deadletter");

    @Test
    void avroValueCoordinatesKeyAndDeadLetterTimestamp() throws Exception {
        DeadLetter letter =
                DeadLetters.create(
                        1796385600000L,
                        "decode",
                        DeadLetterReason.INVALID_JSON,
                        "invalid JSON",
                        utf8("{oops"),
                        1024);
        letter.setSourceTopic("forewarn.logs");
        letter.setSourcePartition(3);
        letter.setSourceOffset(1042L);

        ProducerRecord<byte[], byte[]> record = schema.serialize(letter, null, Long.MIN_VALUE);

        assertThat(record.topic()).isEqualTo("forewarn.deadletter");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isEqualTo(1796385600000L);
        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo("forewarn.logs-3@1042");
        assertThat(DeadLetter.fromByteBuffer(ByteBuffer.wrap(record.value()))).isEqualTo(letter);
    }

    @Test
    void noKeyWithoutCoordinates() {
        DeadLetter late =
                DeadLetters.create(5, "lateness", DeadLetterReason.LATE_EVENT, "late", null, 10);

        ProducerRecord<byte[], byte[]> record = schema.serialize(late, null, null);

        assertThat(record.key()).isNull();
        assertThat(record.timestamp()).isEqualTo(5L);
    }
}
