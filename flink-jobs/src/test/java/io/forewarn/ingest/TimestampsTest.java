package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    private static final long EXPECTED = millis("2026-12-04T10:15:30.123Z");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"2026-12-04T10:15:30.123Z\"             | ISO_8601",
                "\"2026-12-04T10:15:30.123456789Z\"       | ISO_8601",
                "\"2026-12-04 10:15:30,123Z\"             | ISO_8601",
                "\"2026-12-04T11:15:30.123+01:00\"        | ISO_8601",
                "\"2026-12-04T11:15:30.123+0100\"         | ISO_8601",
                "\"2026-12-04T10:15:30.123\"              | ISO_8601",
                "\"2026-12-04T11:15:30.123+01:00[Europe/Paris]\" | ISO_8601",
                "1796379330.123                           | ISO_OR_EPOCH",
                "\"1796379330.123\"                       | ISO_OR_EPOCH",
                "1796379330123                            | ISO_OR_EPOCH",
                "1796379330123456                         | ISO_OR_EPOCH",
                "1796379330123456789                      | ISO_OR_EPOCH",
                "\"2026-12-04T10:15:30.123Z\"             | ISO_OR_EPOCH",
                "\"1796379330123456789\"                  | EPOCH_NANOS",
                "1796379330123456789                      | EPOCH_NANOS"
            })
    void acceptedForms(String json, Style style) throws Exception {
        JsonNode node = JsonPayload.MAPPER.readTree(json.trim());

        assertThat(Timestamps.parse(node, "t", style)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1796379330123                | ISO_8601     | an ISO-8601 date-time string",
                "\"2026-12-04T10:15:30Z\"     | EPOCH_NANOS  | epoch nanoseconds (string or"
                        + " integer)",
                "\"04/12/2026\"               | ISO_OR_EPOCH | an ISO-8601 string or an epoch"
                        + " number",
                "true                         | ISO_OR_EPOCH | an ISO-8601 string or an epoch"
                        + " number",
                "1e300                        | ISO_OR_EPOCH | an ISO-8601 string or an epoch"
                        + " number",
                "\"2026-13-04T10:15:30Z\"     | ISO_8601     | an ISO-8601 date-time string"
            })
    void rejectedForms(String json, Style style, String expected) throws Exception {
        JsonNode node = JsonPayload.MAPPER.readTree(json.trim());

        assertThatThrownBy(() -> Timestamps.parse(node, "t", style))
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
                            assertThat(e.detail()).startsWith("field 't' must be " + expected);
                        });
    }
}
