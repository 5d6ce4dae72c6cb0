package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.testutils.KafkaTestCluster;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Kafka topic with valid and bad log records, read by a Kafka source with {@link
 * IngestDeserializer} and split by {@link IngestSplitter} at parallelism 2: every valid record
 * arrives typed, every bad one as a dead letter with its reason and coordinates, nothing is lost.
 */
class IngestDeserializerITCase {

    private static final int PARTITIONS = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private final KafkaTestCluster kafka = KafkaTestCluster.get();
    private String topic;

    @BeforeEach
    void createTopic() {
        topic = kafka.createTopics(PARTITIONS, "ingest-logs").get(0);
    }

    @AfterEach
    void deleteTopic() {
        kafka.deleteTopics(List.of(topic));
    }

    /** A bad payload and the reason it must be dead-lettered for. */
    private record BadPayload(byte[] value, DeadLetterReason reason) {}

    /** What the dead letter of a bad record must say. */
    private record Expected(DeadLetterReason reason, byte[] key, int payloadSize) {}

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyValidRecordIsDecodedAndEveryBadRecordDeadLettered() throws Exception {
        DecoderSettings settings =
                Samples.settingsBuilder()
                        .maxRecordBytes(4096)
                        .maxDeadLetterPayloadBytes(512)
                        .build();
        Map<String, Long> validMessages = new HashMap<>();
        Map<String, Expected> bad = new HashMap<>();
        produce(validMessages, bad);

        KafkaSource<Ingested> source =
                KafkaSource.<Ingested>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId("ingest-it-" + topic)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(IngestDeserializer.logs(settings))
                        .build();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        SingleOutputStreamOperator<LogRecord> logs =
                env.fromSource(
                                source,
                                IngestWatermarks.boundedOutOfOrderness(
                                        Duration.ofSeconds(5), Duration.ofSeconds(10)),
                                "logs source")
                        .uid("logs-source")
                        .process(new IngestSplitter<>(LogRecord.class))
                        .uid("logs-split")
                        .name("split logs");
        CloseableIterator<LogRecord> decodedIt = logs.collectAsync();
        CloseableIterator<DeadLetter> deadIt =
                logs.getSideOutput(IngestTags.DEAD_LETTERS).collectAsync();
        env.executeAsync("ingest-it");

        List<LogRecord> decoded = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        try (decodedIt;
                deadIt) {
            decodedIt.forEachRemaining(decoded::add);
            deadIt.forEachRemaining(dead::add);
        }

        assertThat(decoded)
                .extracting(LogRecord::getMessage)
                .containsExactlyInAnyOrderElementsOf(validMessages.keySet());
        assertThat(decoded)
                .allSatisfy(
                        log -> {
                            assertThat(log.getTimestamp())
                                    .isEqualTo(validMessages.get(log.getMessage()));
                            assertThat(log.getService()).isEqualTo("checkout");
                        });
        assertThat(dead).hasSize(bad.size());
        for (DeadLetter letter : dead) {
            String coordinates = letter.getSourcePartition() + "@" + letter.getSourceOffset();
            Expected expected = bad.get(coordinates);
            assertThat(expected).as("dead letter at %s", coordinates).isNotNull();
            assertThat(letter.getReason()).as(coordinates).isEqualTo(expected.reason());
            assertThat(letter.getStage()).isEqualTo("decode");
            assertThat(letter.getSourceTopic()).isEqualTo(topic);
            assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(expected.key()));
            assertThat(letter.getPayloadSize()).isEqualTo(expected.payloadSize());
            assertThat(letter.getTruncated()).isEqualTo(expected.payloadSize() > 512);
            assertThat(letter.getRecordTimestamp()).isNotNull();
            assertThat(letter.getTimestamp()).isEqualTo(Samples.NOW.toEpochMilli());
        }
    }

    private void produce(Map<String, Long> validMessages, Map<String, Expected> bad)
            throws Exception {
        byte[] garbage = new byte[300];
        new Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xFE;
        byte[] unknownAvro = new byte[40];
        new Random(5).nextBytes(unknownAvro);
        unknownAvro[0] = (byte) 0xC3;
        unknownAvro[1] = 0x01;
        List<BadPayload> badPayloads =
                List.of(
                        new BadPayload(garbage, DeadLetterReason.NOT_DECODABLE),
                        new BadPayload(utf8("{\"message\":"), DeadLetterReason.INVALID_JSON),
                        new BadPayload(
                                utf8("{\"@timestamp\":\"2026-12-04T11:00:00Z\",\"service\":\"s\"}"),
                                DeadLetterReason.MISSING_FIELD),
                        new BadPayload(
                                utf8("{\"@timestamp\":false,\"message\":\"m\",\"service\":\"s\"}"),
                                DeadLetterReason.WRONG_TYPE),
                        new BadPayload(
                                utf8(
                                        "{\"@timestamp\":\"2027-01-01T00:00:00Z\",\"message\":\"m\","
                                                + "\"service\":\"s\"}"),
                                DeadLetterReason.TIMESTAMP_OUT_OF_RANGE),
                        new BadPayload(unknownAvro, DeadLetterReason.UNKNOWN_SCHEMA),
                        new BadPayload(utf8("{" + "x".repeat(5000)), DeadLetterReason.TOO_LARGE),
                        new BadPayload(null, DeadLetterReason.NOT_DECODABLE));
        Instant first = Instant.parse("2026-12-04T11:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (int i = 0; i < 40; i++) {
                Instant time = first.plusSeconds(i);
                String message = "request " + i + " served";
                byte[] payload = validPayload(i, time, message);
                send(producer, i, payload);
                validMessages.put(message, time.toEpochMilli());
                if (i % 5 == 4) {
                    BadPayload badOne = badPayloads.get(i / 5);
                    byte[] value = badOne.value();
                    RecordMetadata where = send(producer, 1000 + i, value);
                    bad.put(
                            where.partition() + "@" + where.offset(),
                            new Expected(
                                    badOne.reason(),
                                    key(1000 + i),
                                    value == null ? 0 : value.length));
                }
            }
            producer.flush();
        }
        assertThat(bad).hasSize(badPayloads.size());
    }

    /** Avro, ECS JSON and plain lines in turn. */
    private static byte[] validPayload(int i, Instant time, String message) {
        switch (i % 3) {
            case 0:
                return AvroSingleObject.encode(
                        LogRecord.newBuilder()
                                .setTimestamp(time.toEpochMilli())
                                .setService("checkout")
                                .setLevel(LogLevel.INFO)
                                .setMessage(message)
                                .setAttributes(Map.of())
                                .build());
            case 1:
                return utf8(
                        "{\"@timestamp\":\""
                                + time
                                + "\",\"message\":\""
                                + message
                                + "\",\"service\":{\"name\":\"checkout\"}}");
            default:
                return utf8(time + " INFO [checkout] c.e.Api - " + message);
        }
    }

    private RecordMetadata send(KafkaProducer<byte[], byte[]> producer, int n, byte[] value)
            throws Exception {
        return producer.send(new ProducerRecord<>(topic, n % PARTITIONS, key(n), value))
                .get(30, TimeUnit.SECONDS);
    }

    private static byte[] key(int n) {
        return utf8("k" + n);
    }
}
