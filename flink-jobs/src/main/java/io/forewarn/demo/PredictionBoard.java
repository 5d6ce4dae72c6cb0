package io.forewarn.demo;

import io.forewarn.schema.Prediction;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the predictions topic as a downstream consumer would (read_committed: only what
 * exactly-once checkpoints committed) and keeps the latest state of each prediction.
 */
public final class PredictionBoard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionBoard.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Prediction> latest = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();
    private final Thread thread;

    public PredictionBoard(Properties kafka, String topic) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "forewarn-demo-board");
        props.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::poll, "prediction-board");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    try {
                        Prediction p = Prediction.getDecoder().decode(record.value());
                        latest.merge(
                                p.getPredictionId(),
                                p,
                                (old, now) -> now.getTimestamp() >= old.getTimestamp() ? now : old);
                        updates.incrementAndGet();
                    } catch (IOException e) {
                        LOG.warn(
                                "Skipping an undecodable record on the predictions topic: {}",
                                e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: stop.
        } finally {
            consumer.close();
        }
    }

    /** The latest state of every prediction seen. */
    public List<Prediction> predictions() {
        return new ArrayList<>(latest.values());
    }

    /** Prediction records read (every update counts). */
    public long updates() {
        return updates.get();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
