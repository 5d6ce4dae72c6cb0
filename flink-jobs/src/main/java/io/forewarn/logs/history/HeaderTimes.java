package io.forewarn.logs.history;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the event time of a log line from the header fields a {@code --format} extracted: {@code
 * Timestamp}, or {@code Month Date Time}, {@code Date Time}, {@code Time}, {@code Date}. Tries
 * epoch seconds or milliseconds and a list of common layouts (ISO-8601, {@code yyyy-MM-dd
 * HH:mm:ss[.,]SSS}, {@code yy/MM/dd HH:mm:ss}, {@code yyMMdd HHmmss}, {@code MMM d HH:mm:ss},
 * {@code MM.dd HH:mm:ss}, {@code yyyy-MM-dd-HH.mm.ss.SSSSSS}, {@code yyyyMMdd-H:m:s:SSS}); the
 * layout that worked last is tried first. Times without a zone are UTC; layouts without a year use
 * {@code defaultYear}.
 */
final class HeaderTimes {

    private final List<DateTimeFormatter> layouts;
    private int last;

    HeaderTimes(int defaultYear) {
        this.layouts =
                List.of(
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                        DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                        layout("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][,SSS]"),
                        layout("yyyy/MM/dd HH:mm:ss[.SSS]"),
                        layout("yy/MM/dd HH:mm:ss"),
                        layout("yyMMdd HHmmss"),
                        layout("yyyy-MM-dd-HH.mm.ss[.SSSSSS]"),
                        new DateTimeFormatterBuilder()
                                .appendPattern("yyyyMMdd-H:m:s:")
                                .appendValue(
                                        ChronoField.MILLI_OF_SECOND, 1, 3, SignStyle.NOT_NEGATIVE)
                                .toFormatter(),
                        yearless("MMM d HH:mm:ss", defaultYear),
                        yearless("MM.dd HH:mm:ss", defaultYear),
                        layout("yyyy-MM-dd"));
    }

    /** Epoch milliseconds of the line, or null when no field holds a time this class reads. */
    Long parse(Map<String, String> fields) {
        String timestamp = fields.get("Timestamp");
        if (timestamp != null) {
            Long epoch = parseText(timestamp);
            if (epoch != null) {
                return epoch;
            }
        }
        String date = fields.get("Date");
        String time = fields.get("Time");
        String month = fields.get("Month");
        if (date != null && time != null) {
            return parseText(month == null ? date + " " + time : month + " " + date + " " + time);
        }
        if (time != null) {
            return parseText(time);
        }
        return date == null ? null : parseText(date);
    }

    private Long parseText(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)
                && value.length() >= 9
                && value.length() <= 13) {
            long n = Long.parseLong(value);
            return value.length() <= 10 ? n * 1000 : n;
        }
        for (int k = 0; k < layouts.size(); k++) {
            int i = (last + k) % layouts.size();
            Long parsed = tryLayout(layouts.get(i), value);
            if (parsed != null) {
                last = i;
                return parsed;
            }
        }
        return null;
    }

    private static Long tryLayout(DateTimeFormatter layout, String value) {
        try {
            if (layout == DateTimeFormatter.ISO_OFFSET_DATE_TIME) {
                return OffsetDateTime.parse(value, layout).toInstant().toEpochMilli();
            }
            var parsed = layout.parse(value);
            LocalDateTime time =
                    parsed.isSupported(ChronoField.HOUR_OF_DAY)
                            ? LocalDateTime.from(parsed)
                            : LocalDate.from(parsed).atStartOfDay();
            return time.toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DateTimeFormatter layout(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    private static DateTimeFormatter yearless(String pattern, int year) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.YEAR, year)
                .toFormatter(Locale.ENGLISH);
    }
}
