package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
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

    /** What {@link #parseCommonIso} returns for text the full parser must read. */
    static final long NOT_COMMON = Long.MIN_VALUE;

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
        long common = parseCommonIso(t, zoneIfMissing);
        if (common != NOT_COMMON) {
            return common;
        }
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
     * The shapes shippers write, parsed without {@link DateTimeFormatter} (a quarter of the cost of
     * decoding a log line otherwise): {@code yyyy-MM-dd}, {@code T} or a space, {@code HH:mm:ss},
     * optionally a fraction of 1 to 9 digits after a point or comma, then {@code Z}, {@code
     * ±HH:mm}, {@code ±HHmm} or nothing. Anything else, out-of-range fields included, is {@link
     * #NOT_COMMON}, left to the full parser, so that the result and the errors are the same as that
     * parser's.
     */
    static long parseCommonIso(String t, ZoneId zoneIfMissing) {
        int n = t.length();
        if (n < 19
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return NOT_COMMON;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return NOT_COMMON;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
                nanos = nanos * 10 + (t.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < n && isDigit(t.charAt(i)))) {
                return NOT_COMMON;
            }
            for (int d = i - start; d < 9; d++) {
                nanos *= 10;
            }
        }
        long local =
                LocalDate.of(year, month, day).toEpochDay() * 86_400L
                        + hour * 3_600L
                        + minute * 60L
                        + second;
        int offsetSeconds;
        if (i == n) {
            if (!(zoneIfMissing instanceof ZoneOffset offset)) {
                return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                        .atZone(zoneIfMissing)
                        .toInstant()
                        .toEpochMilli();
            }
            offsetSeconds = offset.getTotalSeconds();
        } else if (t.charAt(i) == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if (t.charAt(i) == '+' || t.charAt(i) == '-') {
            boolean colon = n - i == 6 && t.charAt(i + 3) == ':';
            if (!colon && n - i != 5) {
                return NOT_COMMON;
            }
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, colon ? i + 4 : i + 3, 2);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return NOT_COMMON;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (hours * 3_600 + minutes * 60);
        } else {
            return NOT_COMMON;
        }
        return (local - offsetSeconds) * 1_000L + nanos / 1_000_000;
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
