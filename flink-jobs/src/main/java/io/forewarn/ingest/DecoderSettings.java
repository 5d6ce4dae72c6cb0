package io.forewarn.ingest;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of the ingestion decoders and of {@link IngestDeserializer}: size limits, the plausible
 * event-time window, attribute bounds and the plain-text log line format.
 *
 * <p>Immutable and serializable; build with {@link #builder()}. Every setting has a default that
 * suits a production job reading live telemetry; see {@code docs/reference/input-formats.md}.
 */
public final class DecoderSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Default plain log line header: ISO-8601 timestamp, level, {@code [service]}, optional {@code
     * [thread]}, logger, {@code -}, message. Matches {@code 2026-12-04T10:15:30.123Z ERROR
     * [checkout] [pool-1-thread-3] c.e.Foo - message}. An empty {@code []} service means "none".
     * The message may span several lines (stack traces).
     */
    public static final String DEFAULT_LOG_LINE_PATTERN =
            "^(?<timestamp>\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?"
                    + "(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)"
                    + "\\s+(?<level>[A-Za-z]+)"
                    + "\\s+\\[(?<service>[^\\]\\s]*)\\]"
                    + "(?:\\s+\\[(?<thread>[^\\]]*)\\])?"
                    + "\\s+(?<logger>[^\\s\\[\\]]+)"
                    + "\\s+-\\s(?<message>.*)$";

    /** Value of {@link Builder#logTimestampFormat(String)} that selects ISO-8601 parsing. */
    public static final String ISO_TIMESTAMP_FORMAT = "ISO";

    private final int maxRecordBytes;
    private final int maxDeadLetterPayloadBytes;
    private final Duration maxFutureSkew;
    private final Duration maxAge;
    private final int maxFieldChars;
    private final int maxAttributes;
    private final int maxAttributeValueChars;
    private final String logLinePattern;
    private final String logTimestampFormat;
    private final ZoneId logTimestampZone;
    private final String defaultService;
    private final Clock clock;

    private DecoderSettings(Builder b) {
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxDeadLetterPayloadBytes = b.maxDeadLetterPayloadBytes;
        this.maxFutureSkew = b.maxFutureSkew;
        this.maxAge = b.maxAge;
        this.maxFieldChars = b.maxFieldChars;
        this.maxAttributes = b.maxAttributes;
        this.maxAttributeValueChars = b.maxAttributeValueChars;
        this.logLinePattern = b.logLinePattern;
        this.logTimestampFormat = b.logTimestampFormat;
        this.logTimestampZone = b.logTimestampZone;
        this.defaultService = b.defaultService;
        this.clock = b.clock;
    }

    /** A builder preset with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static DecoderSettings defaults() {
        return builder().build();
    }

    /** A builder preset with these settings. */
    public Builder toBuilder() {
        return new Builder()
                .maxRecordBytes(maxRecordBytes)
                .maxDeadLetterPayloadBytes(maxDeadLetterPayloadBytes)
                .maxFutureSkew(maxFutureSkew)
                .maxAge(maxAge)
                .maxFieldChars(maxFieldChars)
                .maxAttributes(maxAttributes)
                .maxAttributeValueChars(maxAttributeValueChars)
                .logLinePattern(logLinePattern)
                .logTimestampFormat(logTimestampFormat)
                .logTimestampZone(logTimestampZone)
                .defaultService(defaultService)
                .clock(clock);
    }

    /** Records with more bytes are dead-lettered as TOO_LARGE without being parsed. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** Dead-letter payloads are cut to this many bytes and flagged {@code truncated}. */
    public int maxDeadLetterPayloadBytes() {
        return maxDeadLetterPayloadBytes;
    }

    /** How far ahead of the clock an event time may be; zero or negative disables the check. */
    public Duration maxFutureSkew() {
        return maxFutureSkew;
    }

    /** How far behind the clock an event time may be; zero or negative disables the check. */
    public Duration maxAge() {
        return maxAge;
    }

    /**
     * Longest accepted string in a mapped field (message, service, ...); longer ones are
     * dead-lettered as TOO_LARGE.
     */
    public int maxFieldChars() {
        return maxFieldChars;
    }

    /** Most attributes/labels kept per log record; the rest are counted, not kept. */
    public int maxAttributes() {
        return maxAttributes;
    }

    /** Attribute values are cut to this many characters. */
    public int maxAttributeValueChars() {
        return maxAttributeValueChars;
    }

    /** Regular expression with named groups for plain-text log lines. */
    public String logLinePattern() {
        return logLinePattern;
    }

    /** {@link #ISO_TIMESTAMP_FORMAT} or a {@link DateTimeFormatter} pattern. */
    public String logTimestampFormat() {
        return logTimestampFormat;
    }

    /** Zone of plain-line timestamps that carry no offset. */
    public ZoneId logTimestampZone() {
        return logTimestampZone;
    }

    /** Service of log records that name none, or {@code null} to dead-letter them. */
    public String defaultService() {
        return defaultService;
    }

    /** Wall clock for the plausibility window and dead-letter timestamps. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "DecoderSettings{maxRecordBytes="
                + maxRecordBytes
                + ", maxDeadLetterPayloadBytes="
                + maxDeadLetterPayloadBytes
                + ", maxFutureSkew="
                + maxFutureSkew
                + ", maxAge="
                + maxAge
                + ", maxFieldChars="
                + maxFieldChars
                + ", maxAttributes="
                + maxAttributes
                + ", maxAttributeValueChars="
                + maxAttributeValueChars
                + ", logLinePattern="
                + logLinePattern
                + ", logTimestampFormat="
                + logTimestampFormat
                + ", logTimestampZone="
                + logTimestampZone
                + ", defaultService="
                + defaultService
                + ", clock="
                + clock
                + '}';
    }

    /** Builder of {@link DecoderSettings}; {@link #build()} validates. */
    public static final class Builder {
        private int maxRecordBytes = 1024 * 1024;
        private int maxDeadLetterPayloadBytes = 64 * 1024;
        private Duration maxFutureSkew = Duration.ofHours(1);
        private Duration maxAge = Duration.ofDays(7);
        private int maxFieldChars = 64 * 1024;
        private int maxAttributes = 64;
        private int maxAttributeValueChars = 1024;
        private String logLinePattern = DEFAULT_LOG_LINE_PATTERN;
        private String logTimestampFormat = ISO_TIMESTAMP_FORMAT;
        private ZoneId logTimestampZone = ZoneOffset.UTC;
        private String defaultService;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Default 1 MiB. */
        public Builder maxRecordBytes(int bytes) {
            this.maxRecordBytes = bytes;
            return this;
        }

        /** Default 64 KiB. */
        public Builder maxDeadLetterPayloadBytes(int bytes) {
            this.maxDeadLetterPayloadBytes = bytes;
            return this;
        }

        /** Default 1 h; zero or negative disables the check (replays, simulated time). */
        public Builder maxFutureSkew(Duration skew) {
            this.maxFutureSkew = Objects.requireNonNull(skew, "maxFutureSkew");
            return this;
        }

        /** Default 7 d; zero or negative disables the check (replays, simulated time). */
        public Builder maxAge(Duration age) {
            this.maxAge = Objects.requireNonNull(age, "maxAge");
            return this;
        }

        /** Default 65536 characters. */
        public Builder maxFieldChars(int chars) {
            this.maxFieldChars = chars;
            return this;
        }

        /** Default 64. */
        public Builder maxAttributes(int count) {
            this.maxAttributes = count;
            return this;
        }

        /** Default 1024 characters. */
        public Builder maxAttributeValueChars(int chars) {
            this.maxAttributeValueChars = chars;
            return this;
        }

        /**
         * Default {@link #DEFAULT_LOG_LINE_PATTERN}. Named groups {@code timestamp} and {@code
         * message} are required; {@code level}, {@code service}, {@code host}, {@code logger} and
         * {@code thread} are optional. Matched with {@link Pattern#DOTALL}.
         */
        public Builder logLinePattern(String regex) {
            this.logLinePattern = Objects.requireNonNull(regex, "logLinePattern");
            return this;
        }

        /** Default {@link #ISO_TIMESTAMP_FORMAT}; else a {@link DateTimeFormatter} pattern. */
        public Builder logTimestampFormat(String format) {
            this.logTimestampFormat = Objects.requireNonNull(format, "logTimestampFormat");
            return this;
        }

        /** Default UTC. */
        public Builder logTimestampZone(ZoneId zone) {
            this.logTimestampZone = Objects.requireNonNull(zone, "logTimestampZone");
            return this;
        }

        /** Default none: log records without a service are dead-lettered (MISSING_FIELD). */
        public Builder defaultService(String service) {
            this.defaultService = service == null || service.isBlank() ? null : service;
            return this;
        }

        /** Default {@link Clock#systemUTC()}; tests supply a fixed clock. Must be serializable. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the setting that is wrong
         */
        public DecoderSettings build() {
            positive("maxRecordBytes", maxRecordBytes);
            positive("maxDeadLetterPayloadBytes", maxDeadLetterPayloadBytes);
            positive("maxFieldChars", maxFieldChars);
            positive("maxAttributes", maxAttributes);
            positive("maxAttributeValueChars", maxAttributeValueChars);
            if (!(clock instanceof Serializable)) {
                throw new IllegalArgumentException(
                        "clock must be serializable, got " + clock.getClass().getName());
            }
            Pattern compiled;
            try {
                compiled = Pattern.compile(logLinePattern, Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "logLinePattern is not a valid regular expression: " + e.getMessage(), e);
            }
            for (String group : new String[] {"timestamp", "message"}) {
                if (!LogLineParser.hasGroup(compiled, group)) {
                    throw new IllegalArgumentException(
                            "logLinePattern must have a named group '" + group + "'");
                }
            }
            if (!ISO_TIMESTAMP_FORMAT.equals(logTimestampFormat)) {
                try {
                    DateTimeFormatter.ofPattern(logTimestampFormat);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "logTimestampFormat is neither ISO nor a valid DateTimeFormatter"
                                    + " pattern: "
                                    + e.getMessage(),
                            e);
                }
            }
            return new DecoderSettings(this);
        }

        private static void positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
    }
}
