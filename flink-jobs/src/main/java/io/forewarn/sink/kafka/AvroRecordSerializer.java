package io.forewarn.sink.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes Avro records to one Kafka topic in Avro's single-object encoding (a two-byte marker, the
 * schema's 64-bit fingerprint, then the binary record), so consumers know the schema of every
 * message without a registry. The key (e.g. the prediction id) keeps all updates of one entity in
 * one partition, in order; the record's event time becomes the Kafka timestamp.
 */
public final class AvroRecordSerializer<T extends SpecificRecord>
        implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final Class<T> recordClass;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, Long> timestamp;

    private transient BinaryMessageEncoder<T> encoder;

    public AvroRecordSerializer(
            String topic,
            Class<T> recordClass,
            SerializableFunction<T, String> key,
            SerializableFunction<T, Long> timestamp) {
        this.topic = topic;
        this.recordClass = recordClass;
        this.key = key;
        this.timestamp = timestamp;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T record, KafkaSinkContext context, Long ignored) {
        if (encoder == null) {
            SpecificData model = SpecificData.getForClass(recordClass);
            encoder = new BinaryMessageEncoder<>(model, model.getSchema(recordClass));
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] value = new byte[buffer.remaining()];
            buffer.get(value);
            String k = key.apply(record);
            return new ProducerRecord<>(
                    topic,
                    null,
                    timestamp.apply(record),
                    k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                    value);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + recordClass.getSimpleName(), e);
        }
    }
}
