package io.forewarn.benchmarks.pipeline;

import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Producer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Measures event-to-prediction latency from the predictions topic, which the benchmark creates with
 * {@code message.timestamp.type=LogAppendTime}. For every OPEN or UPDATED prediction, with E its
 * event time (the end of the window or the match that produced it; the load generator stamps events
 * with the wall clock, so E is also when its last event entered Kafka) and W the job's bounded
 * out-of-orderness (the event-time wait before E is complete):
 *
 * <ul>
 *   <li><b>pipeline</b> = broker append time of the prediction − (E + W): processing, watermark and
 *       network-buffer delays, up to the prediction's write to Kafka;
 *   <li><b>committed</b> = the time a read_committed consumer receives it − (E + W): the above plus
 *       the wait for the checkpoint that commits the exactly-once transaction;
 *   <li><b>raw</b> = append time − E: the pipeline latency including the event-time wait W.
 * </ul>
 *
 * <p>Every measured prediction is also written to a CSV file (append time, event time, the three
 * latencies, failure type, status and the producers), so slow predictions can be attributed to a
 * stage and a moment.
 */
final class LatencyRecorder implements AutoCloseable {

    /** Percentiles of one measurement, in milliseconds. */
    record Percentiles(long count, double p50, double p99, double p999, double max) {
        static Percentiles of(Histogram h) {
            return new Percentiles(
                    h.getTotalCount(),
                    h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9),
                    h.getMaxValue());
        }
    }

    /** The three latencies of one measurement window. */
    record Snapshot(Percentiles pipeline, Percentiles committed, Percentiles raw, long negative) {}

    private static final long HIGHEST = Duration.ofHours(1).toMillis();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long waitMillis;
    private final Thread thread;
    private final BufferedWriter csv;
    private Histogram pipeline = histogram();
    private Histogram committed = histogram();
    private Histogram raw = histogram();
    private long negative;

    /**
     * @param kafka client properties
     * @param topic the predictions topic
     * @param outOfOrderness the job's bounded out-of-orderness W
     * @param csv where every measured prediction is written
     */
    LatencyRecorder(Properties kafka, String topic, Duration outOfOrderness, Path csv)
            throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        this.csv = Files.newBufferedWriter(csv);
        this.csv.write(
                "append_ms,event_ms,pipeline_ms,committed_ms,raw_ms,failure_type,status,producers\n");
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + topic);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        this.waitMillis = outOfOrderness.toMillis();
        this.thread = new Thread(this::poll, "latency-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST, 3);
    }

    private void poll() {
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    long received = System.currentTimeMillis();
                    if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
                        throw new IllegalStateException(
                                "The predictions topic must use LogAppendTime");
                    }
                    record(
                            Prediction.getDecoder().decode(record.value()),
                            record.timestamp(),
                            received);
                }
            }
        } catch (WakeupException e) {
            // close() stops the recorder.
        } catch (IOException e) {
            throw new IllegalStateException("Undecodable prediction", e);
        } finally {
            consumer.close();
        }
    }

    private synchronized void record(Prediction p, long appended, long received) {
        if (p.getStatus() != PredictionStatus.OPEN && p.getStatus() != PredictionStatus.UPDATED) {
            return;
        }
        long complete = p.getTimestamp() + waitMillis;
        if (appended < complete) {
            negative++;
        }
        raw.recordValue(clamp(appended - p.getTimestamp()));
        pipeline.recordValue(clamp(appended - complete));
        committed.recordValue(clamp(received - complete));
        String producers =
                p.getProducers().stream()
                        .map(Producer::getId)
                        .map(String::valueOf)
                        .collect(Collectors.joining(" "));
        try {
            csv.write(
                    appended
                            + ","
                            + p.getTimestamp()
                            + ","
                            + (appended - complete)
                            + ","
                            + (received - complete)
                            + ","
                            + (appended - p.getTimestamp())
                            + ","
                            + p.getFailureType()
                            + ","
                            + p.getStatus()
                            + ","
                            + producers
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long clamp(long millis) {
        return Math.max(0, Math.min(HIGHEST, millis));
    }

    /** Starts a new measurement window: forgets what was recorded so far. */
    synchronized void reset() {
        pipeline = histogram();
        committed = histogram();
        raw = histogram();
        negative = 0;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(
                Percentiles.of(pipeline), Percentiles.of(committed), Percentiles.of(raw), negative);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        consumer.wakeup();
        thread.join(10_000);
        synchronized (this) {
            csv.close();
        }
    }
}
