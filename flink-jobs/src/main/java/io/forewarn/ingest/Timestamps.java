package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Event-time parsing, explicit per accepted form. All results are epoch milliseconds UTC.
 *
 * <ul>
 *   <li>{@link Style#ISO_8601}: an ISO-8601 date-time string such as {@code
 *       2026-12-04T10:15:30.123Z}; a space instead of {@code T}, a comma before the fraction and
 *       offsets written {@code +0100} are accepted; no offset means UTC.
 *   <li>{@link Style#EPOCH_NANOS}: integer nanoseconds since the epoch, as a JSON string (OTLP
 *       encodes int64 as strings) or number.
 *   <li>{@link Style#ISO_OR_EPOCH}: an ISO-8601 string, or an epoch number (JSON number or a string
 *       of digits, integer or fractional) whose unit is read from its magnitude: below
 *       10<sup>11</sup> seconds, below 10<sup>14</sup> milliseconds, below 10<sup>17</sup>
 *       microseconds, otherwise nanoseconds. For times between 1973 and 5138 this is unambiguous;
 *       it covers shippers whose unit is configurable (Telegraf {@code json_timestamp_units},
 *       Vector {@code timestamp_format}, Fluent Bit {@code date}).
 * </ul>
 */
final class Timestamps {

    /** Accepted timestamp forms of a field. */
    enum Style {
        ISO_8601("an ISO-8601 date-time string"),
        EPOCH_NANOS("epoch nanoseconds (string or integer)"),
        ISO_OR_EPOCH("an ISO-8601 string or an epoch number");

        private final String description;

        Style(String description) {
            this.description = description;
        }
    }

    private static final Pattern EPOCH_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final BigDecimal SECONDS_BELOW = BigDecimal.valueOf(100_000_000_000L);
    private static final BigDecimal MILLIS_BELOW = BigDecimal.valueOf(100_000_000_000_000L);
    private static final BigDecimal MICROS_BELOW = BigDecimal.valueOf(100_000_000_000_000_000L);

    private Timestamps() {}

    /**
     * Parses a JSON value in the given style.
     *
     * @param field field path, for the detail of the exception
     * @throws DecodeException WRONG_TYPE when the value is not of an accepted form
     */
    static long parse(JsonNode node, String field, Style style) throws DecodeException {
        try {
            if (node.isNumber() && style != Style.ISO_8601) {
                BigDecimal value =
                        node.isIntegralNumber()
                                ? new BigDecimal(node.bigIntegerValue())
                                : new BigDecimal(node.asText());
                return style == Style.EPOCH_NANOS ? fromNanos(value) : fromEpochAuto(value);
            }
            if (node.isTextual()) {
                String text = node.asText().trim();
                if (style != Style.ISO_8601
                        && text.length() <= Numbers.MAX_NUMBER_CHARS
                        && EPOCH_TEXT.matcher(text).matches()) {
                    BigDecimal value = new BigDecimal(text);
                    return style == Style.EPOCH_NANOS ? fromNanos(value) : fromEpochAuto(value);
                }
                if (style != Style.EPOCH_NANOS) {
                    return parseIso(text, ZoneOffset.UTC);
                }
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw DecodeException.wrongType(field, style.description, node);
        }
        throw DecodeException.wrongType(field, style.description, node);
    }

    /**
     * Parses an ISO-8601 date-time.
     *
     * @param zoneIfMissing zone of a date-time without offset
     * @throws DateTimeException when the text is not ISO-8601 or out of range
     */
    static long parseIso(String text, ZoneId zoneIfMissing) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        t = t.replace(',', '.');
        t = COMPACT_OFFSET.matcher(t).replaceFirst("$1:$2");
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(
                        t, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant().toEpochMilli();
        }
        return ((LocalDateTime) parsed).atZone(zoneIfMissing).toInstant().toEpochMilli();
    }

    /**
     * Parses with a {@link DateTimeFormatter}; a zone the text does not carry is taken from the
     * formatter.
     */
    static long parseWith(DateTimeFormatter formatter, String text) {
        return formatter.parse(text.trim(), Instant::from).toEpochMilli();
    }

    private static long fromNanos(BigDecimal nanos) {
        return nanos.movePointLeft(6).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static long fromEpochAuto(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        BigDecimal millis;
        if (magnitude.compareTo(SECONDS_BELOW) < 0) {
            millis = value.movePointRight(3);
        } else if (magnitude.compareTo(MILLIS_BELOW) < 0) {
            millis = value;
        } else if (magnitude.compareTo(MICROS_BELOW) < 0) {
            millis = value.movePointLeft(3);
        } else {
            millis = value.movePointLeft(6);
        }
        return millis.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** An epoch-millisecond time as ISO-8601 text, for details. */
    static String format(long epochMillis) {
        try {
            return Instant.ofEpochMilli(epochMillis).toString();
        } catch (DateTimeException e) {
            return epochMillis + " ms";
        }
    }
}
