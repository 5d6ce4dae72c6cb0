package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.schema.LogLevel;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises the level spellings of common loggers and shippers into {@link LogLevel}.
 *
 * <ul>
 *   <li>Names, case-insensitive: {@code trace}, {@code finest}, {@code finer} → TRACE; {@code
 *       debug}, {@code dbg}, {@code fine} → DEBUG; {@code info}, {@code information}, {@code
 *       informational}, {@code notice}, {@code config} → INFO; {@code warn}, {@code warning} →
 *       WARN; {@code error}, {@code err}, {@code severe} → ERROR; {@code fatal}, {@code critical},
 *       {@code crit}, {@code alert}, {@code emerg}, {@code emergency}, {@code panic} → FATAL.
 *   <li>Syslog severities 0–7: 0–2 → FATAL, 3 → ERROR, 4 → WARN, 5–6 → INFO, 7 → DEBUG.
 *   <li>Bunyan/pino numbers 10, 20, 30, 40, 50, 60 → TRACE, DEBUG, INFO, WARN, ERROR, FATAL.
 *   <li>Anything else → UNKNOWN.
 * </ul>
 */
public final class LogLevels {

    private static final Map<String, LogLevel> NAMES =
            Map.ofEntries(
                    Map.entry("trace", LogLevel.TRACE),
                    Map.entry("finest", LogLevel.TRACE),
                    Map.entry("finer", LogLevel.TRACE),
                    Map.entry("debug", LogLevel.DEBUG),
                    Map.entry("dbg", LogLevel.DEBUG),
                    Map.entry("fine", LogLevel.DEBUG),
                    Map.entry("info", LogLevel.INFO),
                    Map.entry("information", LogLevel.INFO),
                    Map.entry("informational", LogLevel.INFO),
                    Map.entry("notice", LogLevel.INFO),
                    Map.entry("config", LogLevel.INFO),
                    Map.entry("warn", LogLevel.WARN),
                    Map.entry("warning", LogLevel.WARN),
                    Map.entry("error", LogLevel.ERROR),
                    Map.entry("err", LogLevel.ERROR),
                    Map.entry("severe", LogLevel.ERROR),
                    Map.entry("fatal", LogLevel.FATAL),
                    Map.entry("critical", LogLevel.FATAL),
                    Map.entry("crit", LogLevel.FATAL),
                    Map.entry("alert", LogLevel.FATAL),
                    Map.entry("emerg", LogLevel.FATAL),
                    Map.entry("emergency", LogLevel.FATAL),
                    Map.entry("panic", LogLevel.FATAL));

    private static final LogLevel[] SYSLOG = {
        LogLevel.FATAL,
        LogLevel.FATAL,
        LogLevel.FATAL,
        LogLevel.ERROR,
        LogLevel.WARN,
        LogLevel.INFO,
        LogLevel.INFO,
        LogLevel.DEBUG
    };

    private static final LogLevel[] PINO = {
        LogLevel.TRACE, LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR, LogLevel.FATAL
    };

    private LogLevels() {}

    /** Normalises a level name or number written as text. */
    public static LogLevel normalise(String raw) {
        if (raw == null) {
            return LogLevel.UNKNOWN;
        }
        // Once per log line: the spellings shippers write (lower case, no blanks) without a copy.
        LogLevel exact = NAMES.get(raw);
        if (exact != null) {
            return exact;
        }
        String text = raw.trim();
        if (!text.isEmpty() && text.length() <= 3 && allDigits(text)) {
            return fromNumber(Integer.parseInt(text));
        }
        LogLevel level = NAMES.get(text.toLowerCase(Locale.ROOT));
        return level == null ? LogLevel.UNKNOWN : level;
    }

    /** Normalises a JSON level: a name, or a syslog or pino number. */
    static LogLevel normalise(JsonNode raw) {
        if (raw.isIntegralNumber() && raw.canConvertToInt()) {
            return fromNumber(raw.intValue());
        }
        return raw.isTextual() ? normalise(raw.asText()) : LogLevel.UNKNOWN;
    }

    private static LogLevel fromNumber(int number) {
        if (number >= 0 && number < SYSLOG.length) {
            return SYSLOG[number];
        }
        if (number % 10 == 0 && number >= 10 && number <= 60) {
            return PINO[number / 10 - 1];
        }
        return LogLevel.UNKNOWN;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
