package io.forewarn.ingest;

import io.forewarn.schema.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes {@link DeadLetter}s to the dead-letter topic in Avro single-object encoding.
 *
 * <p>Key: {@code <topic>-<partition>@<offset>} of the source record (UTF-8), or none when the
 * coordinates are not known (late records). The Kafka timestamp is the dead letter's own timestamp
 * (when it was dead-lettered), not the element timestamp, which is {@link Long#MIN_VALUE} for
 * decode-stage dead letters and would be rejected by Kafka.
 */
public final class DeadLetterSerializationSchema
        implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public DeadLetterSerializationSchema(String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic, null, letter.getTimestamp(), key(letter), AvroSingleObject.encode(letter));
    }

    /** {@code <topic>-<partition>@<offset>}, or {@code null} when any is unknown. */
    static byte[] key(DeadLetter letter) {
        if (letter.getSourceTopic() == null
                || letter.getSourcePartition() == null
                || letter.getSourceOffset() == null) {
            return null;
        }
        return (letter.getSourceTopic()
                        + "-"
                        + letter.getSourcePartition()
                        + "@"
                        + letter.getSourceOffset())
                .getBytes(StandardCharsets.UTF_8);
    }
}
