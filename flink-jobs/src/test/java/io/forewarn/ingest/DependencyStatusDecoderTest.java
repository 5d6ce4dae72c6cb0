package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.DependencyState;
import io.forewarn.schema.DependencyStatus;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencyStatusDecoderTest {

    private final DependencyStatusDecoder decoder = new DependencyStatusDecoder(Samples.settings());

    private DependencyStatus decodeOne(byte[] payload) throws DecodeException {
        Decoded<DependencyStatus> decoded = decoder.decode(payload);
        assertThat(decoded.records()).hasSize(1);
        return decoded.records().get(0);
    }

    @Test
    void documentedShape() throws Exception {
        DependencyStatus status = decodeOne(resource("dependency.json"));

        assertThat(status.getTimestamp()).isEqualTo(millis("2026-12-04T10:13:00Z"));
        assertThat(status.getDependency()).isEqualTo("stripe-api");
        assertThat(status.getService()).isEqualTo("checkout");
        assertThat(status.getComponent()).isEqualTo("Payment Intents API");
        assertThat(status.getStatus()).isEqualTo(DependencyState.DEGRADED);
        assertThat(status.getLatencyMs()).isEqualTo(842.5);
        assertThat(status.getErrorRate()).isEqualTo(0.031);
        assertThat(status.getRegion()).isEqualTo("eu-west-1");
        assertThat(status.getMessage()).isEqualTo("Elevated latency on payment confirmation");
    }

    @ParameterizedTest
    @CsvSource({
        "operational, OPERATIONAL",
        "Operational, OPERATIONAL",
        "none, OPERATIONAL",
        "degraded_performance, DEGRADED",
        "minor, DEGRADED",
        "partial_outage, PARTIAL_OUTAGE",
        "major, PARTIAL_OUTAGE",
        "major_outage, MAJOR_OUTAGE",
        "critical, MAJOR_OUTAGE",
        "down, MAJOR_OUTAGE",
        "under_maintenance, MAINTENANCE",
        "unknown, UNKNOWN"
    })
    void statuspageStatuses(String raw, DependencyState expected) throws Exception {
        DependencyStatus status =
                decodeOne(
                        utf8(
                                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"dependency\":\"d\","
                                        + "\"status\":\""
                                        + raw
                                        + "\"}"));

        assertThat(status.getStatus()).isEqualTo(expected);
        assertThat(status.getService()).isNull();
        assertThat(status.getLatencyMs()).isNull();
    }

    @Test
    void camelCaseFields() throws Exception {
        DependencyStatus status =
                decodeOne(
                        utf8(
                                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"dependency\":\"d\","
                                        + "\"status\":\"ok\",\"latencyMs\":12,\"errorRate\":\"0.5\"}"));

        assertThat(status.getLatencyMs()).isEqualTo(12.0);
        assertThat(status.getErrorRate()).isEqualTo(0.5);
    }

    @Test
    void avroSingleObjectRoundTrip() throws Exception {
        DependencyStatus original =
                DependencyStatus.newBuilder()
                        .setTimestamp(millis("2026-12-04T10:13:00Z"))
                        .setDependency("s3")
                        .setStatus(DependencyState.MAJOR_OUTAGE)
                        .build();
        ByteBuffer encoded = original.toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(decodeOne(bytes)).isEqualTo(original);
    }

    @Test
    void precisePerFieldFailures() {
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"dependency\":\"d\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'status' is missing");
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"status\":\"ok\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'dependency' is missing");
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"dependency\":\"d\",\"status\":\"meh\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'status' must be one of [critical, degraded, degraded_performance, down,");
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"dependency\":\"d\",\"status\":\"ok\","
                        + "\"latency_ms\":-3}",
                DeadLetterReason.WRONG_TYPE,
                "field 'latency_ms' must be a non-negative number, got the number -3.0");
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:13:00Z\",\"dependency\":\"d\",\"status\":\"ok\","
                        + "\"error_rate\":\"high\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'error_rate' must be a number, got the string 'high'");
    }

    private void assertFailure(String payload, DeadLetterReason reason, String detail) {
        assertThatThrownBy(() -> decoder.decode(utf8(payload)))
                .as(payload)
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.detail()).startsWith(detail);
                        });
    }
}
