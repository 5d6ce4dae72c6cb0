package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IngestDeserializerTest {

    private static final String TOPIC = "forewarn.test";
    private static final int PARTITION = 3;
    private static final long OFFSET = 1042;
    private static final long KAFKA_TIMESTAMP = Samples.millis("2026-12-04T11:59:59Z");
    private static final byte[] KEY = utf8("key-1");

    private final MetricListener metrics = new MetricListener();

    /** One row of the bad-input table. */
    record BadInput(
            String name,
            Function<DecoderSettings, IngestDeserializer> topic,
            byte[] payload,
            DeadLetterReason reason,
            String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        byte[] garbage = new byte[256];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0x9F;
        byte[] unknownFingerprint = new byte[24];
        new Random(11).nextBytes(unknownFingerprint);
        unknownFingerprint[0] = (byte) 0xC3;
        unknownFingerprint[1] = 0x01;
        byte[] logAvro = avro(validLog());
        return Stream.of(
                new BadInput(
                        "garbage bytes on logs",
                        IngestDeserializer::logs,
                        garbage,
                        DeadLetterReason.NOT_DECODABLE,
                        "neither Avro, a JSON object nor UTF-8 text, payload starts with bytes 9f"),
                new BadInput(
                        "garbage bytes on metrics",
                        IngestDeserializer::metrics,
                        garbage,
                        DeadLetterReason.NOT_DECODABLE,
                        "expected a JSON object or Avro single-object encoding (C3 01), payload"
                                + " starts with bytes 9f"),
                new BadInput(
                        "empty payload",
                        IngestDeserializer::deployments,
                        new byte[0],
                        DeadLetterReason.NOT_DECODABLE,
                        "payload is empty or blank"),
                new BadInput(
                        "JSON array instead of object",
                        IngestDeserializer::incidents,
                        utf8("[{\"incident_id\":\"I\"}]"),
                        DeadLetterReason.NOT_DECODABLE,
                        "expected a JSON object or Avro single-object encoding (C3 01), payload"
                                + " starts with '[{\"incident_id\":\"I\"}]'"),
                new BadInput(
                        "invalid JSON on logs",
                        IngestDeserializer::logs,
                        utf8("{\"message\": \"m\", \"service\": }"),
                        DeadLetterReason.INVALID_JSON,
                        "invalid JSON at line 1, column 29: Unexpected character ('}' (code 125)):"
                                + " expected a value"),
                new BadInput(
                        "invalid JSON on vcs",
                        IngestDeserializer::vcsStats,
                        utf8("{\"repository\":\"r\" \"commits\":1}"),
                        DeadLetterReason.INVALID_JSON,
                        "invalid JSON at line 1, column 19: Unexpected character ('\"' (code 34)):"
                                + " was expecting comma to separate Object entries"),
                new BadInput(
                        "trailing garbage after JSON",
                        IngestDeserializer::dependencyStatus,
                        utf8("{\"dependency\":\"d\"} trailing"),
                        DeadLetterReason.INVALID_JSON,
                        "invalid JSON at line 1, column 28: Unrecognized token 'trailing'"),
                new BadInput(
                        "missing message on logs",
                        IngestDeserializer::logs,
                        utf8("{\"@timestamp\":\"2026-12-04T11:00:00Z\",\"service\":\"s\"}"),
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'message' is missing: none of message, log, msg"),
                new BadInput(
                        "missing timestamp on metrics",
                        IngestDeserializer::metrics,
                        utf8("{\"name\":\"up\",\"value\":\"1\",\"labels\":{}}"),
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'timestamp' is missing"),
                new BadInput(
                        "missing id on deployments",
                        IngestDeserializer::deployments,
                        utf8("{\"service\":\"s\",\"timestamp\":\"2026-12-04T11:00:00Z\"}"),
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'id' is missing"),
                new BadInput(
                        "missing files_touched on vcs",
                        IngestDeserializer::vcsStats,
                        utf8(
                                "{\"timestamp\":\"2026-12-04T11:00:00Z\",\"repository\":\"r\","
                                        + "\"commits\":1,\"lines_added\":1,\"lines_deleted\":1}"),
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'files_touched' (or 'filesTouched') is missing"),
                new BadInput(
                        "missing dependency on dependencies",
                        IngestDeserializer::dependencyStatus,
                        utf8("{\"timestamp\":\"2026-12-04T11:00:00Z\",\"status\":\"ok\"}"),
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'dependency' is missing"),
                new BadInput(
                        "missing failure_type on incidents",
                        IngestDeserializer::incidents,
                        utf8(
                                "{\"incident_id\":\"I\",\"service\":\"s\",\"title\":\"t\","
                                        + "\"source\":\"x\",\"started_at\":\"2026-12-04T11:00:00Z\"}"),
                        DeadLetterReason.MISSING_FIELD,
                        "required field 'failure_type' (or 'failureType') is missing"),
                new BadInput(
                        "wrong timestamp type on logs",
                        IngestDeserializer::logs,
                        utf8("{\"@timestamp\":{\"s\":1},\"message\":\"m\",\"service\":\"s\"}"),
                        DeadLetterReason.WRONG_TYPE,
                        "field '@timestamp' must be a timestamp value, got an object"),
                new BadInput(
                        "wrong value type on metrics",
                        IngestDeserializer::metrics,
                        utf8(
                                "{\"timestamp\":\"2026-12-04T11:00:00Z\",\"value\":true,"
                                        + "\"name\":\"up\"}"),
                        DeadLetterReason.WRONG_TYPE,
                        "field 'value' must be a number, got the boolean true"),
                new BadInput(
                        "wrong commits type on vcs",
                        IngestDeserializer::vcsStats,
                        utf8(
                                "{\"timestamp\":\"2026-12-04T11:00:00Z\",\"repository\":\"r\","
                                        + "\"commits\":\"many\",\"lines_added\":1,"
                                        + "\"lines_deleted\":1,\"files_touched\":1}"),
                        DeadLetterReason.WRONG_TYPE,
                        "field 'commits' must be a non-negative integer, got the string 'many'"),
                new BadInput(
                        "timestamp too far in the future",
                        IngestDeserializer::logs,
                        utf8(
                                "{\"@timestamp\":\"2026-12-04T13:30:00Z\",\"message\":\"m\","
                                        + "\"service\":\"s\"}"),
                        DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                        "event time 2026-12-04T13:30:00Z is more than PT1H ahead of the clock"
                                + " 2026-12-04T12:00:00Z"),
                new BadInput(
                        "timestamp too far in the past",
                        IngestDeserializer::incidents,
                        utf8(
                                "{\"incident_id\":\"I\",\"service\":\"s\",\"failure_type\":\"f\","
                                        + "\"title\":\"t\",\"source\":\"x\","
                                        + "\"started_at\":\"2026-11-20T00:00:00Z\"}"),
                        DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                        "event time 2026-11-20T00:00:00Z is more than PT168H behind the clock"
                                + " 2026-12-04T12:00:00Z"),
                new BadInput(
                        "epoch seconds sent as a tiny number",
                        IngestDeserializer::deployments,
                        utf8("{\"id\":\"d\",\"service\":\"s\",\"timestamp\":17963}"),
                        DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                        "event time 1970-01-01T04:59:23Z is more than PT168H behind"),
                new BadInput(
                        "unknown Avro fingerprint",
                        IngestDeserializer::logs,
                        unknownFingerprint,
                        DeadLetterReason.UNKNOWN_SCHEMA,
                        "is not a known schema; expected io.forewarn.schema.LogRecord"),
                new BadInput(
                        "Avro record of another topic",
                        IngestDeserializer::metrics,
                        logAvro,
                        DeadLetterReason.UNKNOWN_SCHEMA,
                        "belongs to io.forewarn.schema.LogRecord, not this topic's record type;"
                                + " expected io.forewarn.schema.MetricSample"),
                new BadInput(
                        "cut Avro body",
                        IngestDeserializer::logs,
                        Arrays.copyOf(logAvro, 14),
                        DeadLetterReason.NOT_DECODABLE,
                        "Avro body of io.forewarn.schema.LogRecord does not decode: EOFException"),
                new BadInput(
                        "Avro body claiming a 2 GiB string",
                        IngestDeserializer::logs,
                        claimingHugeString(logAvro),
                        DeadLetterReason.NOT_DECODABLE,
                        "Avro body of io.forewarn.schema.LogRecord does not decode: EOFException"),
                new BadInput(
                        "cut Avro header",
                        IngestDeserializer::logs,
                        Arrays.copyOf(logAvro, 6),
                        DeadLetterReason.NOT_DECODABLE,
                        "Avro single-object header is cut short: 6 bytes, expected at least 10"),
                new BadInput(
                        "plain line without header",
                        IngestDeserializer::logs,
                        utf8("\tat com.example.Foo.bar(Foo.java:12)"),
                        DeadLetterReason.NOT_DECODABLE,
                        "plain text line does not match the log line pattern: '\tat"
                                + " com.example.Foo.bar(Foo.java:12)'"),
                new BadInput(
                        "huge service name",
                        IngestDeserializer::deployments,
                        utf8(
                                "{\"id\":\"d\",\"timestamp\":\"2026-12-04T11:00:00Z\",\"service\":\""
                                        + "s".repeat(70_000)
                                        + "\"}"),
                        DeadLetterReason.TOO_LARGE,
                        "field 'service' is 70000 characters long, limit 65536: 'sssss"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void everyBadInputIsDeadLetteredWithReasonDetailAndCoordinates(BadInput input) {
        IngestDeserializer deserializer = opened(input.topic().apply(Samples.settings()));

        DeadLetter letter = singleDeadLetter(deserializer, consumerRecord(input.payload()));

        assertThat(letter.getReason()).isEqualTo(input.reason());
        assertThat(letter.getDetail()).contains(input.detail());
        int limit = DecoderSettings.defaults().maxDeadLetterPayloadBytes();
        assertCoordinatesAndPayload(
                letter,
                input.payload(),
                Math.min(limit, input.payload().length),
                input.payload().length > limit);
        assertThat(counter("deadLetters")).isEqualTo(1);
        assertThat(counter("reason", input.reason().name(), "deadLetters")).isEqualTo(1);
        assertThat(counter("recordsDecoded")).isZero();
    }

    @Test
    void nullValueIsNotDecodable() {
        IngestDeserializer deserializer = opened(IngestDeserializer.logs(Samples.settings()));

        DeadLetter letter = singleDeadLetter(deserializer, consumerRecord(null));

        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.NOT_DECODABLE);
        assertThat(letter.getDetail()).isEqualTo("record value is null (a tombstone)");
        assertCoordinatesAndPayload(letter, new byte[0], 0, false);
    }

    @Test
    void recordOverTheSizeLimitIsNotParsedAndItsPayloadIsCut() {
        DecoderSettings settings =
                Samples.settingsBuilder()
                        .maxRecordBytes(4096)
                        .maxDeadLetterPayloadBytes(1024)
                        .build();
        IngestDeserializer deserializer = opened(IngestDeserializer.logs(settings));
        byte[] payload = utf8("{" + "x".repeat(5000));

        DeadLetter letter = singleDeadLetter(deserializer, consumerRecord(payload));

        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(letter.getDetail()).isEqualTo("record value is 5001 bytes, limit 4096");
        assertCoordinatesAndPayload(letter, payload, 1024, true);
    }

    @Test
    void hugeStringFieldIsTooLargeAndItsPayloadIsCut() {
        IngestDeserializer deserializer = opened(IngestDeserializer.logs(Samples.settings()));
        byte[] payload =
                utf8(
                        "{\"@timestamp\":\"2026-12-04T11:00:00Z\",\"service\":\"s\",\"message\":\""
                                + "m".repeat(200_000)
                                + "\"}");

        DeadLetter letter = singleDeadLetter(deserializer, consumerRecord(payload));

        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(letter.getDetail())
                .startsWith("field 'message' is 200000 characters long, limit 65536: 'mmm")
                .endsWith("…' (200000 chars)");
        assertCoordinatesAndPayload(letter, payload, 64 * 1024, true);
    }

    @Test
    @Timeout(10)
    void hugeNumericStringsAreRejectedQuickly() {
        String digits = "7".repeat(900_000);
        IngestDeserializer metricsTopic = opened(IngestDeserializer.metrics(Samples.settings()));
        IngestDeserializer logsTopic = opened(IngestDeserializer.logs(Samples.settings()));

        DeadLetter value =
                singleDeadLetter(
                        metricsTopic,
                        consumerRecord(
                                utf8(
                                        "{\"timestamp\":\"2026-12-04T11:00:00Z\",\"name\":\"up\","
                                                + "\"value\":\""
                                                + digits
                                                + "\"}")));
        DeadLetter time =
                singleDeadLetter(
                        logsTopic,
                        consumerRecord(
                                utf8(
                                        "{\"ts\":\""
                                                + digits
                                                + "\",\"message\":\"m\",\"service\":\"s\"}")));

        assertThat(value.getReason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
        assertThat(value.getDetail())
                .startsWith("field 'value' must be a number, got the string '7777")
                .endsWith("(900000 chars)");
        assertThat(time.getReason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
        assertThat(time.getDetail())
                .startsWith("field 'ts' must be an ISO-8601 string or an epoch number");
    }

    @Test
    void unexpectedExceptionsBecomeOther() {
        IngestDeserializer deserializer = opened(new IngestDeserializer(new FailingDecoder()));

        DeadLetter letter = singleDeadLetter(deserializer, consumerRecord(utf8("{}")));

        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.OTHER);
        assertThat(letter.getDetail())
                .isEqualTo("unexpected java.lang.IllegalStateException: decoder bug");
        assertThat(counter("reason", "OTHER", "deadLetters")).isEqualTo(1);
    }

    @Test
    void failuresDownstreamOfTheCollectorPropagate() {
        IngestDeserializer deserializer = opened(IngestDeserializer.logs(Samples.settings()));
        Collector<Ingested> failing =
                new Collector<>() {
                    @Override
                    public void collect(Ingested record) {
                        throw new IllegalStateException("downstream operator failed");
                    }

                    @Override
                    public void close() {}
                };

        assertThatThrownBy(
                        () ->
                                deserializer.deserialize(
                                        consumerRecord(resource("ecs.json")), failing))
                .hasMessage("downstream operator failed");
    }

    @Test
    void validRecordsCarryTheirEventTime() {
        IngestDeserializer deserializer = opened(IngestDeserializer.metrics(Samples.settings()));

        List<Ingested> out = deserialize(deserializer, consumerRecord(resource("telegraf.json")));

        assertThat(out).hasSize(5);
        assertThat(out)
                .allSatisfy(
                        i -> {
                            assertThat(i.getRecord()).isInstanceOf(MetricSample.class);
                            assertThat(i.getEventTime())
                                    .isEqualTo(Samples.millis("2026-12-04T10:15:30Z"));
                        });
        assertThat(counter("recordsDecoded")).isEqualTo(5);
        assertThat(counter("deadLetters")).isZero();
    }

    @Test
    void nonFiniteMetricValuesAreCountedNotDeadLettered() {
        IngestDeserializer deserializer = opened(IngestDeserializer.metrics(Samples.settings()));

        List<Ingested> out =
                deserialize(
                        deserializer,
                        consumerRecord(
                                utf8(
                                        "{\"timestamp\":\"2026-12-04T11:00:00Z\",\"value\":\"NaN\","
                                                + "\"name\":\"up\"}")));

        assertThat(out).isEmpty();
        assertThat(counter("valuesDropped")).isEqualTo(1);
        assertThat(counter("deadLetters")).isZero();
    }

    @Test
    void oneOutOfRangeSampleDeadLettersTheWholeKafkaRecord() {
        IngestDeserializer deserializer = opened(IngestDeserializer.metrics(Samples.settings()));
        byte[] batch =
                utf8(
                        "{\"metrics\":[{\"fields\":{\"a\":1},\"name\":\"m\",\"timestamp\":1796380000},"
                                + "{\"fields\":{\"a\":1},\"name\":\"m\",\"timestamp\":1700000000}]}");

        DeadLetter letter = singleDeadLetter(deserializer, consumerRecord(batch));

        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.TIMESTAMP_OUT_OF_RANGE);
        assertThat(letter.getDetail()).startsWith("event time 2023-11-14T22:13:20Z");
        assertThat(counter("recordsDecoded")).isZero();
    }

    @Test
    void plausibilityWindowCanBeTurnedOffForReplays() {
        DecoderSettings replay =
                Samples.settingsBuilder()
                        .maxAge(Duration.ZERO)
                        .maxFutureSkew(Duration.ofHours(-1))
                        .build();
        IngestDeserializer deserializer = opened(IngestDeserializer.logs(replay));

        List<Ingested> out =
                new ArrayList<>(
                        deserialize(
                                deserializer,
                                consumerRecord(
                                        utf8(
                                                "{\"@timestamp\":\"2019-01-01T00:00:00Z\","
                                                        + "\"message\":\"old\",\"service\":\"s\"}"))));
        out.addAll(
                deserialize(
                        deserializer,
                        consumerRecord(
                                utf8(
                                        "{\"@timestamp\":\"2030-01-01T00:00:00Z\","
                                                + "\"message\":\"new\",\"service\":\"s\"}"))));

        assertThat(out)
                .extracting(Ingested::getEventTime)
                .containsExactly(
                        Samples.millis("2019-01-01T00:00:00Z"),
                        Samples.millis("2030-01-01T00:00:00Z"));
    }

    @Test
    void reasonCountersAddUp() {
        IngestDeserializer deserializer = opened(IngestDeserializer.logs(Samples.settings()));
        for (String payload :
                List.of(
                        "{\"message\":\"m\",\"service\":\"s\"}",
                        "{\"@timestamp\":\"2026-12-04T11:00:00Z\",\"service\":\"s\"}",
                        "{oops",
                        "2026-12-04T11:00:00Z INFO [s] c.e.A - ok",
                        "2026-12-04T11:00:01Z INFO [s] c.e.A - ok again")) {
            deserialize(deserializer, consumerRecord(utf8(payload)));
        }

        assertThat(counter("recordsDecoded")).isEqualTo(2);
        assertThat(counter("deadLetters")).isEqualTo(3);
        assertThat(counter("reason", "MISSING_FIELD", "deadLetters")).isEqualTo(2);
        assertThat(counter("reason", "INVALID_JSON", "deadLetters")).isEqualTo(1);
        assertThat(counter("reason", "TOO_LARGE", "deadLetters")).isZero();
    }

    @Test
    void neverThrowsForRandomOrMutatedInput() {
        List<Function<DecoderSettings, IngestDeserializer>> topics =
                List.of(
                        IngestDeserializer::logs,
                        IngestDeserializer::metrics,
                        IngestDeserializer::deployments,
                        IngestDeserializer::vcsStats,
                        IngestDeserializer::dependencyStatus,
                        IngestDeserializer::incidents);
        List<byte[]> seeds =
                List.of(
                        resource("ecs.json"),
                        resource("otlp-metrics.json"),
                        resource("github-deployment-status.json"),
                        resource("vcs.json"),
                        resource("dependency.json"),
                        resource("incident.json"),
                        avro(validLog()));
        Random random = new Random(20261204);
        for (Function<DecoderSettings, IngestDeserializer> topic : topics) {
            IngestDeserializer deserializer = opened(topic.apply(Samples.settings()));
            for (int i = 0; i < 300; i++) {
                byte[] payload = mutate(seeds.get(random.nextInt(seeds.size())), random);
                List<Ingested> out = deserialize(deserializer, consumerRecord(payload));
                boolean deadLettered =
                        out.size() == 1 && out.get(0).getRecord() instanceof DeadLetter;
                boolean decoded = out.stream().noneMatch(r -> r.getRecord() instanceof DeadLetter);
                assertThat(deadLettered || decoded).isTrue();
                if (deadLettered) {
                    assertThat(((DeadLetter) out.get(0).getRecord()).getReason())
                            .as("no input may hit a decoder bug")
                            .isNotEqualTo(DeadLetterReason.OTHER);
                }
            }
        }
    }

    @Test
    void producedTypeIsAvroWithoutKryo() throws Exception {
        AvroTypeInfo<Ingested> type =
                (AvroTypeInfo<Ingested>)
                        IngestDeserializer.logs(Samples.settings()).getProducedType();
        TypeSerializer<Ingested> serializer = type.createSerializer(new SerializerConfigImpl());
        assertThat(serializer).isInstanceOf(AvroSerializer.class);

        DeadLetter letter =
                DeadLetters.create(1, "decode", DeadLetterReason.OTHER, "d", utf8("p"), 10);
        for (Ingested value :
                List.of(
                        new Ingested(validLog(), 5L),
                        new Ingested(letter, Long.MIN_VALUE),
                        new Ingested(
                                MetricSample.newBuilder()
                                        .setTimestamp(1)
                                        .setName("n")
                                        .setValue(2)
                                        .setKind(MetricKind.GAUGE)
                                        .build(),
                                1L))) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serializer.serialize(value, out);
            Ingested back =
                    serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(back).isEqualTo(value);
        }
        assertThat(InstantiationUtil.clone(IngestDeserializer.logs(Samples.settings())))
                .isNotNull();
    }

    /**
     * The header and timestamp of a LogRecord followed by a service string claiming the largest
     * length Avro allows (2 GiB): decoding it naively allocates that before noticing the bytes are
     * not there, more than the test JVM's heap.
     */
    private static byte[] claimingHugeString(byte[] logAvro) {
        byte[] bytes = Arrays.copyOf(logAvro, AvroSingleObject.HEADER_BYTES + 6 + 5);
        int at = AvroSingleObject.HEADER_BYTES + 6; // the timestamp is a 6-byte zig-zag varint
        long zigZag = (long) (Integer.MAX_VALUE - 8) << 1;
        while ((zigZag & ~0x7FL) != 0) {
            bytes[at++] = (byte) ((zigZag & 0x7F) | 0x80);
            zigZag >>>= 7;
        }
        bytes[at] = (byte) zigZag;
        return bytes;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] copy = Arrays.copyOf(seed, seed.length);
        switch (random.nextInt(4)) {
            case 0:
                int flips = 1 + random.nextInt(5);
                for (int i = 0; i < flips; i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            case 1:
                return Arrays.copyOf(copy, random.nextInt(copy.length));
            case 2:
                byte[] noise = new byte[random.nextInt(512)];
                random.nextBytes(noise);
                return noise;
            default:
                return copy;
        }
    }

    private IngestDeserializer opened(IngestDeserializer deserializer) {
        deserializer.open(new TestingInitializationContext(metrics.getMetricGroup()));
        return deserializer;
    }

    private long counter(String... path) {
        return metrics.getCounter(path).orElseThrow().getCount();
    }

    private static List<Ingested> deserialize(
            IngestDeserializer deserializer, ConsumerRecord<byte[], byte[]> record) {
        List<Ingested> out = new ArrayList<>();
        deserializer.deserialize(record, new ListCollector<>(out));
        return out;
    }

    private static DeadLetter singleDeadLetter(
            IngestDeserializer deserializer, ConsumerRecord<byte[], byte[]> record) {
        List<Ingested> out = deserialize(deserializer, record);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getEventTime()).isEqualTo(Long.MIN_VALUE);
        assertThat(out.get(0).getRecord()).isInstanceOf(DeadLetter.class);
        return (DeadLetter) out.get(0).getRecord();
    }

    private static void assertCoordinatesAndPayload(
            DeadLetter letter, byte[] original, int keptBytes, boolean truncated) {
        assertThat(letter.getStage()).isEqualTo("decode");
        assertThat(letter.getTimestamp()).isEqualTo(Samples.NOW.toEpochMilli());
        assertThat(letter.getSourceTopic()).isEqualTo(TOPIC);
        assertThat(letter.getSourcePartition()).isEqualTo(PARTITION);
        assertThat(letter.getSourceOffset()).isEqualTo(OFFSET);
        assertThat(letter.getRecordTimestamp()).isEqualTo(KAFKA_TIMESTAMP);
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(KEY));
        assertThat(letter.getPayload()).isEqualTo(ByteBuffer.wrap(original, 0, keptBytes));
        assertThat(letter.getPayloadSize()).isEqualTo(original.length);
        assertThat(letter.getTruncated()).isEqualTo(truncated);
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord(byte[] value) {
        return new ConsumerRecord<>(
                TOPIC,
                PARTITION,
                OFFSET,
                KAFKA_TIMESTAMP,
                TimestampType.CREATE_TIME,
                KEY.length,
                value == null ? -1 : value.length,
                KEY,
                value,
                new RecordHeaders(),
                Optional.empty());
    }

    private static LogRecord validLog() {
        return LogRecord.newBuilder()
                .setTimestamp(Samples.millis("2026-12-04T11:00:00Z"))
                .setService("checkout")
                .setLevel(LogLevel.INFO)
                .setMessage("hello")
                .setAttributes(Map.of())
                .build();
    }

    private static byte[] avro(LogRecord record) {
        return AvroSingleObject.encode(record);
    }

    /** A decoder with a bug: it throws an unchecked exception. */
    private static final class FailingDecoder implements RecordDecoder<DeploymentEvent> {
        @Override
        public Class<DeploymentEvent> recordClass() {
            return DeploymentEvent.class;
        }

        @Override
        public DecoderSettings settings() {
            return Samples.settings();
        }

        @Override
        public Decoded<DeploymentEvent> decode(byte[] payload) {
            throw new IllegalStateException("decoder bug");
        }

        @Override
        public long eventTime(DeploymentEvent record) {
            return record.getTimestamp();
        }
    }
}
