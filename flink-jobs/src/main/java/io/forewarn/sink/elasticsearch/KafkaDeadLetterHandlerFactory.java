package io.forewarn.sink.elasticsearch;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Creates {@link KafkaDeadLetterHandler}s: rejected documents become {@code DeadLetter} records
 * (Avro single-object encoding) on a Kafka topic, at least once.
 */
public final class KafkaDeadLetterHandlerFactory implements DeadLetterHandlerFactory {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_TOPIC = "forewarn.deadletter";
    public static final int DEFAULT_PAYLOAD_LIMIT_BYTES = 64 * 1024;

    private final String bootstrapServers;
    private final String topic;
    private final int payloadLimitBytes;
    private final HashMap<String, String> producerProperties;

    private KafkaDeadLetterHandlerFactory(Builder b) {
        this.bootstrapServers = b.bootstrapServers;
        this.topic = b.topic;
        this.payloadLimitBytes = b.payloadLimitBytes;
        this.producerProperties = new HashMap<>(b.producerProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public DeadLetterHandler create(WriterInitContext context) {
        return new KafkaDeadLetterHandler(
                bootstrapServers, topic, payloadLimitBytes, producerProperties);
    }

    public String topic() {
        return topic;
    }

    /** Topic and servers only: producer properties may hold credentials. */
    @Override
    public String toString() {
        return "KafkaDeadLetterHandlerFactory{topic="
                + topic
                + ", bootstrapServers="
                + bootstrapServers
                + ", payloadLimitBytes="
                + payloadLimitBytes
                + '}';
    }

    /** Builder; bootstrap servers are required. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic = DEFAULT_TOPIC;
        private int payloadLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
        private final Map<String, String> producerProperties = new HashMap<>();

        private Builder() {}

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** Document bytes kept in a dead letter's payload; the rest is cut off. */
        public Builder payloadLimitBytes(int payloadLimitBytes) {
            this.payloadLimitBytes = payloadLimitBytes;
            return this;
        }

        /** Extra Kafka producer properties, e.g. security settings. */
        public Builder producerProperty(String key, String value) {
            producerProperties.put(key, value);
            return this;
        }

        public KafkaDeadLetterHandlerFactory build() {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException(
                        "the dead-letter Kafka bootstrap servers are required");
            }
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("the dead-letter topic is required");
            }
            if (payloadLimitBytes <= 0) {
                throw new IllegalArgumentException(
                        "the dead-letter payload limit must be positive, was " + payloadLimitBytes);
            }
            Objects.requireNonNull(producerProperties);
            return new KafkaDeadLetterHandlerFactory(this);
        }
    }
}
