package io.forewarn.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes simulated records to Kafka topics, keyed by entity, with the event time as record time.
 * Records the producer could not write are counted ({@link #failedRecords()}) and, on close, logged
 * with the first error: a simulated timeline with holes is otherwise hard to tell from a quiet one.
 */
public final class KafkaTelemetrySink implements TelemetrySink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTelemetrySink.class);

    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** One callback for every record, so sending allocates none. */
    private final Callback countFailure =
            (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, error);
                }
            };

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
        // One request in flight per connection: the simulator often writes to topics created a
        // moment before, and with more, a first request the broker refused (its partition not
        // open yet) could be overtaken by the next one; the idempotent producer then retries it
        // with an out-of-order sequence until delivery.timeout.ms expires its records
        // (KAFKA-15591).
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
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
                new ProducerRecord<>(topic, null, event.timestamp(), event.key(), event.value()),
                countFailure);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    /**
     * Waits at most 10 s for records still in flight (the broker may already be gone), then logs
     * the records that could not be written, if any.
     */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        long lost = failed.get();
        if (lost > 0) {
            LOG.warn(
                    "{} simulated records could not be written to Kafka; the first error: {}",
                    lost,
                    firstFailure.get().toString());
        }
    }

    /** Records the producer reported as not written so far. */
    public long failedRecords() {
        return failed.get();
    }

    /** The value as text, for logs and tests. */
    static String text(TelemetryEvent event) {
        return new String(event.value(), StandardCharsets.UTF_8);
    }
}
