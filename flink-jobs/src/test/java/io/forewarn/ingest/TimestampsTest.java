package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

    /**
     * The hand-written path for the common shapes gives exactly what the full parser gives, on
     * random texts near those shapes (valid and not), in UTC and in a zone with daylight saving.
     */
    @Test
    void commonShapesParseAsTheFullParserDoes() {
        Random random = new Random(7);
        int common = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = nearlyIso(random);
            ZoneId zone = i % 2 == 0 ? ZoneOffset.UTC : ZoneId.of("Europe/Paris");
            long fast = Timestamps.parseCommonIso(text, zone);
            if (fast == Timestamps.NOT_COMMON) {
                continue;
            }
            common++;
            assertThat(fast).as(text).isEqualTo(fullParser(text, zone));
        }
        // Most texts are of a common shape, and some are not, so both paths ran.
        assertThat(common).isBetween(20_000, 49_000);
    }

    @Test
    void textsOfOtherShapesAreLeftToTheFullParser() {
        for (String text :
                List.of(
                        "2026-12-04T10:15:30.123+01:00[Europe/Paris]",
                        "2026-12-04T10:15Z",
                        "2026-02-30T10:15:30Z",
                        "2026-12-04T24:00:00Z",
                        "2026-12-04T23:59:60Z",
                        "2026-12-04T10:15:30.1234567890Z",
                        "2026-12-04T10:15:30.Z",
                        "2026-12-04T10:15:30+1",
                        "2026-12-04T10:15:30+01",
                        "2026-12-04T10:15:30+18:00",
                        "+12026-12-04T10:15:30Z",
                        "2026-12-04T10:15:30z")) {
            assertThat(Timestamps.parseCommonIso(text, ZoneOffset.UTC))
                    .as(text)
                    .isEqualTo(Timestamps.NOT_COMMON);
        }
        assertThat(
                        Timestamps.parseIso(
                                "2026-12-04T11:15:30.123+01:00[Europe/Paris]", ZoneOffset.UTC))
                .isEqualTo(EXPECTED);
        assertThatThrownBy(() -> Timestamps.parseIso("2026-02-30T10:15:30Z", ZoneOffset.UTC))
                .isInstanceOf(DateTimeException.class);
    }

    /** The full parser alone, as {@link Timestamps#parseIso} ran before the common path. */
    private static long fullParser(String text, ZoneId zone) {
        String t = text.replace(',', '.');
        if (t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        t = t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(
                        t, ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime zoned
                ? zoned.toInstant().toEpochMilli()
                : ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
    }

    /** yyyy-MM-ddTHH:mm:ss[.f][offset] with random fields, some out of range. */
    private static String nearlyIso(Random random) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%04d", random.nextInt(10_000)));
        b.append('-').append(two(random, 14)).append('-').append(two(random, 33));
        b.append(random.nextBoolean() ? 'T' : ' ');
        b.append(two(random, 25)).append(':').append(two(random, 61)).append(':');
        b.append(two(random, 61));
        if (random.nextInt(3) > 0) {
            b.append(random.nextBoolean() ? '.' : ',');
            int digits = 1 + random.nextInt(9);
            for (int d = 0; d < digits; d++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
        }
        switch (random.nextInt(5)) {
            case 0 -> b.append('Z');
            case 1 ->
                    b.append(random.nextBoolean() ? '+' : '-')
                            .append(two(random, 19))
                            .append(':')
                            .append(two(random, 60));
            case 2 ->
                    b.append(random.nextBoolean() ? '+' : '-')
                            .append(two(random, 19))
                            .append(two(random, 60));
            case 3 -> {}
            default -> b.append(random.nextBoolean() ? "+00:00" : "-00:00");
        }
        return b.toString();
    }

    /** Two digits below {@code bound}, mostly within the common range of a field. */
    private static String two(Random random, int bound) {
        return String.format(Locale.ROOT, "%02d", random.nextInt(bound));
    }
}
