package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Incident;
import io.forewarn.schema.Severity;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentDecoderTest {

    private final IncidentDecoder decoder = new IncidentDecoder(Samples.settings());

    private Incident decodeOne(byte[] payload) throws DecodeException {
        Decoded<Incident> decoded = decoder.decode(payload);
        assertThat(decoded.records()).hasSize(1);
        return decoded.records().get(0);
    }

    @Test
    void documentedShape() throws Exception {
        Incident incident = decodeOne(resource("incident.json"));

        assertThat(incident.getIncidentId()).isEqualTo("INC-20261204-007");
        assertThat(incident.getTimestamp()).isEqualTo(millis("2026-12-04T10:40:00Z"));
        assertThat(incident.getService()).isEqualTo("checkout");
        assertThat(incident.getHost()).isEqualTo("web-7");
        assertThat(incident.getFailureType()).isEqualTo("latency_degradation");
        assertThat(incident.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(incident.getStartedAt()).isEqualTo(millis("2026-12-04T10:16:00Z"));
        assertThat(incident.getResolvedAt()).isEqualTo(millis("2026-12-04T10:38:30Z"));
        assertThat(incident.getTitle()).isEqualTo("Checkout p99 latency above 2 s");
        assertThat(incident.getSource()).isEqualTo("pagerduty");
        assertThat(incident.getLabels())
                .containsOnly(entry("pagerduty_id", "Q1W2E3R4T5"), entry("team", "payments"));
    }

    @Test
    void camelCaseWithDefaults() throws Exception {
        Incident incident =
                decodeOne(
                        utf8(
                                "{\"id\":\"I-1\",\"service\":\"cart\",\"failureType\":\"crash\","
                                        + "\"title\":\"Cart down\",\"startedAt\":1796379360000,"
                                        + "\"source\":\"simulator\"}"));

        assertThat(incident.getIncidentId()).isEqualTo("I-1");
        assertThat(incident.getTimestamp()).isEqualTo(millis("2026-12-04T10:16:00Z"));
        assertThat(incident.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(incident.getResolvedAt()).isNull();
        assertThat(incident.getHost()).isNull();
        assertThat(incident.getLabels()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "info, INFO",
        "LOW, LOW",
        "medium, MEDIUM",
        "High, HIGH",
        "critical, CRITICAL",
        "sev1, CRITICAL",
        "SEV3, MEDIUM",
        "p2, HIGH",
        "P5, INFO"
    })
    void severities(String raw, Severity expected) throws Exception {
        Incident incident =
                decodeOne(
                        utf8(
                                "{\"incident_id\":\"I\",\"service\":\"s\",\"failure_type\":\"f\","
                                        + "\"title\":\"t\",\"started_at\":\"2026-12-04T10:16:00Z\","
                                        + "\"source\":\"x\",\"severity\":\""
                                        + raw
                                        + "\"}"));

        assertThat(incident.getSeverity()).isEqualTo(expected);
    }

    @Test
    void avroSingleObjectRoundTrip() throws Exception {
        Incident original =
                Incident.newBuilder()
                        .setIncidentId("I")
                        .setTimestamp(millis("2026-12-04T10:40:00Z"))
                        .setService("s")
                        .setFailureType("f")
                        .setStartedAt(millis("2026-12-04T10:16:00Z"))
                        .setTitle("t")
                        .setSource("simulator")
                        .setLabels(Map.of())
                        .build();
        ByteBuffer encoded = original.toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(decodeOne(bytes)).isEqualTo(original);
    }

    @Test
    void precisePerFieldFailures() {
        String rest = "\"service\":\"s\",\"failure_type\":\"f\",\"title\":\"t\",\"source\":\"x\",";
        assertFailure(
                "{" + rest + "\"started_at\":\"2026-12-04T10:16:00Z\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'incident_id' (or 'incidentId', 'id') is missing");
        assertFailure(
                "{\"incident_id\":\"I\","
                        + rest.replace("\"title\":\"t\",", "")
                        + "\"started_at\":1}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'title' is missing");
        assertFailure(
                "{\"incident_id\":\"I\","
                        + rest
                        + "\"severity\":\"catastrophic\","
                        + "\"started_at\":\"2026-12-04T10:16:00Z\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'severity' must be one of [critical, high, info, low, medium, p1,");
        assertFailure(
                "{\"incident_id\":\"I\","
                        + rest
                        + "\"started_at\":\"2026-12-04T10:16:00Z\","
                        + "\"resolved_at\":\"2026-12-04T10:00:00Z\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'resolved_at' (2026-12-04T10:00:00Z) must not be before 'started_at'"
                        + " (2026-12-04T10:16:00Z)");
        assertFailure(
                "{\"incident_id\":\"I\"," + rest + "\"started_at\":[2026,12,4]}",
                DeadLetterReason.WRONG_TYPE,
                "field 'started_at' must be an ISO-8601 string or an epoch number, got an array"
                        + " of 3");
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
