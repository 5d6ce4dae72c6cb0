package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.simulator.BadDeploymentScenario;
import io.forewarn.simulator.Formats;
import io.forewarn.simulator.Pacer;
import io.forewarn.simulator.SimulatorSettings;
import io.forewarn.simulator.TelemetryEvent;
import io.forewarn.simulator.TelemetrySimulator;
import io.forewarn.simulator.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every class of bad input, mixed into a stream of valid telemetry: each bad record becomes a dead
 * letter with the right reason, its original bytes and its Kafka coordinates; the valid records
 * around them are still processed into predictions, and the job does not fail.
 */
class BadInputITCase extends DetectJobITCaseBase {

    private static final long MINUTE = 60_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void badRecordsAreDeadLetteredWithTheirReasonAndTheRestIsProcessed() throws Exception {
        String logs = topicNames().get("topics.logs");
        String metrics = topicNames().get("topics.metrics");
        String deployments = topicNames().get("topics.deployments");

        List<byte[]> valid = new ArrayList<>();
        new TelemetrySimulator(
                        SimulatorSettings.small(11),
                        List.of(
                                new BadDeploymentScenario(
                                        "checkout",
                                        start + 20 * MINUTE,
                                        Duration.ofMinutes(12),
                                        Duration.ofMinutes(18),
                                        "2.0.0")))
                .run(
                        start,
                        start + 50 * MINUTE,
                        event -> {
                            if (event.topic() == Topic.LOGS) {
                                valid.add(event.value());
                            }
                        },
                        Pacer.unpaced());

        byte[] garbage = new byte[300];
        new Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xff;
        String late =
                json(
                        Formats.ecsLog(
                                start + 5 * MINUTE,
                                "checkout",
                                "checkout-1",
                                "INFO",
                                "c.s.Late",
                                "t",
                                "too late"));
        Map<String, DeadLetterReason> bad =
                Map.of(
                        "garbage",
                        DeadLetterReason.NOT_DECODABLE,
                        "{\"@timestamp\": \"2026-12-04T10:00:00Z\", \"message\": ",
                        DeadLetterReason.INVALID_JSON,
                        "{\"@timestamp\": \""
                                + Instant.ofEpochMilli(start + MINUTE)
                                + "\", \"service.name\": \"checkout\"}",
                        DeadLetterReason.MISSING_FIELD,
                        "{\"@timestamp\": {\"when\": \"now\"}, \"message\": \"x\", \"service.name\": \"checkout\"}",
                        DeadLetterReason.WRONG_TYPE,
                        "{\"@timestamp\": \""
                                + Instant.now().plus(Duration.ofDays(3))
                                + "\", \"message\": \"from the future\", \"service.name\": \"checkout\"}",
                        DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                        "huge",
                        DeadLetterReason.TOO_LARGE,
                        "avro",
                        DeadLetterReason.UNKNOWN_SCHEMA,
                        late,
                        DeadLetterReason.LATE_EVENT);

        List<byte[]> logRecords = new ArrayList<>();
        List<String> kinds = new ArrayList<>(bad.keySet());
        kinds.remove(late);
        int step = valid.size() / (kinds.size() + 2);
        for (int i = 0; i < valid.size(); i++) {
            logRecords.add(valid.get(i));
            if (i > 0 && i % step == 0 && !kinds.isEmpty()) {
                logRecords.add(payload(kinds.remove(0), garbage));
            }
        }
        logRecords.add(logRecords.size() - 100, late.getBytes(StandardCharsets.UTF_8));
        kafka.produce(logs, 0, logRecords);
        kafka.produce(
                metrics,
                1,
                List.of(
                        "{\"timestamp\": \"2026-12-04T10:00:00Z\", \"name\": \"up\", \"value\": \"abc\", \"labels\": {}}"
                                .getBytes(StandardCharsets.UTF_8)));
        kafka.produce(
                deployments,
                0,
                List.of(
                        "{\"id\": \"d1\", \"version\": \"1.0\", \"status\": \"succeeded\", \"timestamp\": \"2026-12-04T10:00:00Z\"}"
                                .getBytes(StandardCharsets.UTF_8)));

        runToEnd(
                config(
                        Map.of(
                                "ingest.max-record-size", "16 kb",
                                "flink.pipeline.auto-watermark-interval", "1 ms")));

        List<DeadLetter> letters = deadLetters();
        Map<String, List<DeadLetter>> bySource =
                letters.stream()
                        .collect(Collectors.groupingBy(d -> String.valueOf(d.getSourceTopic())));
        assertThat(bySource.get(logs))
                .extracting(DeadLetter::getReason)
                .containsExactlyInAnyOrder(
                        DeadLetterReason.NOT_DECODABLE,
                        DeadLetterReason.INVALID_JSON,
                        DeadLetterReason.MISSING_FIELD,
                        DeadLetterReason.WRONG_TYPE,
                        DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                        DeadLetterReason.TOO_LARGE,
                        DeadLetterReason.UNKNOWN_SCHEMA);
        for (DeadLetter letter : bySource.get(logs)) {
            assertThat(letter.getSourcePartition()).isZero();
            assertThat(letter.getSourceOffset()).isNotNull();
            assertThat(letter.getDetail()).isNotBlank();
            byte[] original = logRecords.get(letter.getSourceOffset().intValue());
            byte[] kept = bytes(letter.getPayload());
            assertThat(letter.getPayloadSize()).isEqualTo(original.length);
            assertThat(kept).isEqualTo(Arrays.copyOf(original, kept.length));
            assertThat(letter.getTruncated()).isEqualTo(kept.length < original.length);
        }
        assertThat(bySource.get(metrics))
                .singleElement()
                .satisfies(d -> assertThat(d.getReason()).isEqualTo(DeadLetterReason.WRONG_TYPE));
        assertThat(bySource.get(deployments))
                .singleElement()
                .satisfies(
                        d -> assertThat(d.getReason()).isEqualTo(DeadLetterReason.MISSING_FIELD));
        assertThat(letters)
                .filteredOn(d -> d.getReason() == DeadLetterReason.LATE_EVENT)
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("watermark"));

        assertThat(predictions())
                .as("valid records around the bad ones still make the prediction")
                .anySatisfy(
                        p -> {
                            assertThat(p.getService()).isEqualTo("checkout");
                            assertThat(p.getStatus()).isEqualTo(PredictionStatus.OPEN);
                        });
    }

    private byte[] payload(String kind, byte[] garbage) {
        switch (kind) {
            case "garbage":
                return garbage;
            case "huge":
                return ("{\"@timestamp\": \""
                                + Instant.ofEpochMilli(start + MINUTE)
                                + "\", \"service.name\": \"checkout\", \"message\": \""
                                + "x".repeat(20_000)
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            case "avro":
                byte[] avro = new byte[40];
                avro[0] = (byte) 0xC3;
                avro[1] = 0x01;
                Arrays.fill(avro, 2, 10, (byte) 0x5a);
                return avro;
            default:
                return kind.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String json(TelemetryEvent event) {
        return new String(event.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
