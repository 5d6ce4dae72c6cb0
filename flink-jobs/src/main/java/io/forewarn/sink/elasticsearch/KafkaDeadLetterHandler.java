package io.forewarn.sink.elasticsearch;

import io.forewarn.schema.DeadLetter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes rejected documents as {@link DeadLetter} records to a Kafka topic: key = document id,
 * value = {@link DeadLetter#toByteBuffer()} (Avro single-object encoding). At least once: an
 * idempotent producer with {@code acks=all}; {@link #flush()} waits for every record to be
 * acknowledged and fails if any send failed.
 */
public final class KafkaDeadLetterHandler implements DeadLetterHandler {

    private final String topic;
    private final int payloadLimitBytes;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

    KafkaDeadLetterHandler(
            String bootstrapServers,
            String topic,
            int payloadLimitBytes,
            Map<String, String> producerProperties) {
        this.topic = topic;
        this.payloadLimitBytes = payloadLimitBytes;
        Properties props = new Properties();
        props.putAll(producerProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    @Override
    public void accept(RejectedDocument rejected) throws IOException {
        throwIfSendFailed();
        DeadLetter deadLetter =
                DeadLetters.of(rejected, payloadLimitBytes, System.currentTimeMillis());
        byte[] key = rejected.request().id().getBytes(StandardCharsets.UTF_8);
        producer.send(
                new ProducerRecord<>(topic, key, toBytes(deadLetter.toByteBuffer())),
                (metadata, exception) -> {
                    if (exception != null) {
                        sendFailure.compareAndSet(null, exception);
                    }
                });
    }

    @Override
    public void flush() throws IOException {
        producer.flush();
        throwIfSendFailed();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private void throwIfSendFailed() throws IOException {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new IOException("Could not write a dead letter to Kafka topic " + topic, failure);
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
