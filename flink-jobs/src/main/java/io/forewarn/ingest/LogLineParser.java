package io.forewarn.ingest;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.LogRecord;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses plain-text log lines with the configured header pattern ({@link
 * DecoderSettings#logLinePattern()}), timestamp format and default service.
 */
final class LogLineParser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DecoderSettings settings;
    private final Pattern pattern;
    private final boolean hasLevel;
    private final boolean hasService;
    private final boolean hasHost;
    private final boolean hasLogger;
    private final boolean hasThread;
    private transient DateTimeFormatter formatter;

    LogLineParser(DecoderSettings settings) {
        this.settings = settings;
        this.pattern = Pattern.compile(settings.logLinePattern(), Pattern.DOTALL);
        this.hasLevel = hasGroup(pattern, "level");
        this.hasService = hasGroup(pattern, "service");
        this.hasHost = hasGroup(pattern, "host");
        this.hasLogger = hasGroup(pattern, "logger");
        this.hasThread = hasGroup(pattern, "thread");
    }

    /** Whether the pattern declares a named group (Java 17 has no public API for this). */
    static boolean hasGroup(Pattern pattern, String name) {
        return pattern.pattern().contains("(?<" + name + ">");
    }

    /**
     * Parses one payload: a header line, optionally followed by more lines that belong to the
     * message (a stack trace). Trailing line breaks are ignored.
     */
    LogRecord parse(String text) throws DecodeException {
        String line = Texts.stripTrailingLineBreaks(text);
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            throw new DecodeException(
                    DeadLetterReason.NOT_DECODABLE,
                    "plain text line does not match the log line pattern: " + Texts.quote(line));
        }
        String timestampText = group(m, "timestamp", true);
        if (timestampText == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "plain text line has no timestamp: " + Texts.quote(line));
        }
        long timestamp = parseTimestamp(timestampText);
        String message = group(m, "message", true);
        if (message == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "plain text line has no message: " + Texts.quote(line));
        }
        String service = group(m, "service", hasService);
        if (service == null) {
            service = settings.defaultService();
        }
        if (service == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "plain text line names no service and no default service is configured: "
                            + Texts.quote(line));
        }
        int max = settings.maxFieldChars();
        return LogRecord.newBuilder()
                .setTimestamp(timestamp)
                .setMessage(Texts.bounded("message", message, max))
                .setService(Texts.bounded("service", service, max))
                .setLevel(LogLevels.normalise(group(m, "level", hasLevel)))
                .setHost(Texts.bounded("host", group(m, "host", hasHost), max))
                .setLogger(Texts.bounded("logger", group(m, "logger", hasLogger), max))
                .setThread(Texts.bounded("thread", group(m, "thread", hasThread), max))
                .setAttributes(new LinkedHashMap<>())
                .build();
    }

    private long parseTimestamp(String text) throws DecodeException {
        try {
            if (DecoderSettings.ISO_TIMESTAMP_FORMAT.equals(settings.logTimestampFormat())) {
                return Timestamps.parseIso(text, settings.logTimestampZone());
            }
            return Timestamps.parseWith(formatter(), text);
        } catch (DateTimeException | ArithmeticException e) {
            throw new DecodeException(
                    DeadLetterReason.WRONG_TYPE,
                    "timestamp "
                            + Texts.quote(text)
                            + " of the plain text line does not match the format "
                            + settings.logTimestampFormat());
        }
    }

    private DateTimeFormatter formatter() {
        if (formatter == null) {
            formatter =
                    DateTimeFormatter.ofPattern(settings.logTimestampFormat())
                            .withZone(settings.logTimestampZone());
        }
        return formatter;
    }

    private static String group(Matcher m, String name, boolean declared) {
        if (!declared) {
            return null;
        }
        String value = m.group(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
