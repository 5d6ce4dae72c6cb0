package io.forewarn.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes simulated records to Kafka topics, keyed by entity, with the event time as record time.
 */
public final class KafkaTelemetrySink implements TelemetrySink {

    private final KafkaProducer<String, byte[]> producer;
    private final Map<Topic, String> topics;

    /**
     * @param clientProperties Kafka client properties (at least bootstrap.servers)
     * @param topics the topic name for each kind of record
     */
    public KafkaTelemetrySink(Properties clientProperties, Map<Topic, String> topics) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
        this.topics = new EnumMap<>(topics);
    }

    @Override
    public void send(TelemetryEvent event) {
        String topic = topics.get(event.topic());
        if (topic == null) {
            throw new IllegalArgumentException("No topic configured for " + event.topic());
        }
        producer.send(
                new ProducerRecord<>(topic, null, event.timestamp(), event.key(), event.value()));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    /** Waits at most 10 s for records still in flight (the broker may already be gone). */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** The value as text, for logs and tests. */
    static String text(TelemetryEvent event) {
        return new String(event.value(), StandardCharsets.UTF_8);
    }
}
