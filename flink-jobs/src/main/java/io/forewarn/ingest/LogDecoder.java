package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import java.util.ArrayList;
import java.util.Map;

/**
 * Decodes the {@code logs} topic: ECS JSON (Filebeat, Elastic Agent), Vector JSON, Fluent Bit JSON,
 * plain text lines and Avro single-object encoded {@link LogRecord}s.
 *
 * <p>JSON shapes are read through one table of field names, tried in order (nested objects and
 * dotted keys alike), so mixed shapes such as Filebeat with Kubernetes metadata work too:
 *
 * <table>
 *   <caption>JSON field names per record field, first present wins</caption>
 *   <tr><th>field</th><th>keys</th></tr>
 *   <tr><td>timestamp (required)</td><td>{@code @timestamp}, {@code timestamp}, {@code time},
 *       {@code date}, {@code ts}; see {@link Timestamps.Style#ISO_OR_EPOCH}</td></tr>
 *   <tr><td>message (required)</td><td>{@code message}, {@code log}, {@code msg}</td></tr>
 *   <tr><td>service (required, or the default service)</td><td>{@code service.name},
 *       {@code service}, Kubernetes labels {@code app.kubernetes.io/name} and {@code app}
 *       (Fluent Bit/Filebeat {@code kubernetes.labels.*}, Vector
 *       {@code kubernetes.pod_labels.*}), {@code kubernetes.container_name},
 *       {@code kubernetes.container.name}</td></tr>
 *   <tr><td>level</td><td>{@code log.level}, {@code level}, {@code severity}, {@code loglevel},
 *       {@code lvl}; see {@link LogLevels}</td></tr>
 *   <tr><td>host</td><td>{@code host.name}, {@code host.hostname}, {@code host},
 *       {@code hostname}, {@code kubernetes.host}, {@code kubernetes.pod_node_name},
 *       {@code kubernetes.node.name}</td></tr>
 *   <tr><td>logger</td><td>{@code log.logger}, {@code logger}, {@code logger_name}</td></tr>
 *   <tr><td>thread</td><td>{@code process.thread.name}, {@code thread}, {@code thread_name}</td></tr>
 *   <tr><td>traceId</td><td>{@code trace.id}, {@code trace_id}, {@code traceId}</td></tr>
 *   <tr><td>environment</td><td>{@code service.environment}, {@code environment}, {@code env},
 *       {@code deployment.environment}</td></tr>
 * </table>
 *
 * <p>Every other field becomes an attribute under its dotted path (bounded by {@link
 * DecoderSettings#maxAttributes()} and {@link DecoderSettings#maxAttributeValueChars()}); a level
 * that does not normalise stays in the attributes. Payloads that are neither Avro nor a JSON object
 * are read as UTF-8 plain text by {@link LogLineParser}.
 */
public final class LogDecoder implements RecordDecoder<LogRecord> {

    private static final long serialVersionUID = 1L;

    private static final String[] TIMESTAMP_KEYS = {
        "@timestamp", "timestamp", "time", "date", "ts"
    };
    private static final String[] MESSAGE_KEYS = {"message", "log", "msg"};
    private static final String[] SERVICE_KEYS = {
        "service.name",
        "service",
        "kubernetes.labels.app.kubernetes.io/name",
        "kubernetes.labels.app_kubernetes_io/name",
        "kubernetes.labels.app",
        "kubernetes.pod_labels.app.kubernetes.io/name",
        "kubernetes.pod_labels.app",
        "kubernetes.container_name",
        "kubernetes.container.name"
    };
    private static final String[] LEVEL_KEYS = {
        "log.level", "level", "severity", "loglevel", "lvl"
    };
    private static final String[] HOST_KEYS = {
        "host.name",
        "host.hostname",
        "host",
        "hostname",
        "kubernetes.host",
        "kubernetes.pod_node_name",
        "kubernetes.node.name"
    };
    private static final String[] LOGGER_KEYS = {"log.logger", "logger", "logger_name"};
    private static final String[] THREAD_KEYS = {"process.thread.name", "thread", "thread_name"};
    private static final String[] TRACE_KEYS = {"trace.id", "trace_id", "traceId"};
    private static final String[] ENVIRONMENT_KEYS = {
        "service.environment", "environment", "env", "deployment.environment"
    };

    private final DecoderSettings settings;
    private final LogLineParser lineParser;

    public LogDecoder(DecoderSettings settings) {
        this.settings = settings;
        this.lineParser = new LogLineParser(settings);
    }

    @Override
    public Class<LogRecord> recordClass() {
        return LogRecord.class;
    }

    @Override
    public DecoderSettings settings() {
        return settings;
    }

    @Override
    public long eventTime(LogRecord record) {
        return record.getTimestamp();
    }

    @Override
    public Decoded<LogRecord> decode(byte[] payload) throws DecodeException {
        if (AvroSingleObject.isSingleObject(payload)) {
            return Decoded.of(
                    AvroSingleObject.decode(
                            payload, LogRecord.getDecoder(), LogRecord.getClassSchema()));
        }
        if (JsonPayload.looksLikeJsonObject(payload)) {
            return Decoded.of(fromJson(JsonPayload.parseObject(payload)));
        }
        String text = Texts.utf8OrNull(payload);
        if (text == null) {
            throw new DecodeException(
                    DeadLetterReason.NOT_DECODABLE,
                    "neither Avro, a JSON object nor UTF-8 text, payload starts with "
                            + JsonPayload.preview(payload));
        }
        if (text.isBlank()) {
            throw new DecodeException(DeadLetterReason.NOT_DECODABLE, "payload is empty or blank");
        }
        return Decoded.of(lineParser.parse(text));
    }

    private LogRecord fromJson(ObjectNode root) throws DecodeException {
        FlatFields fields = new FlatFields(root);
        int max = settings.maxFieldChars();

        Map.Entry<String, JsonNode> time = fields.take(TIMESTAMP_KEYS);
        if (time == null) {
            throw absent("timestamp", fields, TIMESTAMP_KEYS);
        }
        long timestamp = Timestamps.parse(time.getValue(), time.getKey(), Style.ISO_OR_EPOCH);

        String message = fields.takeText(MESSAGE_KEYS);
        if (message == null) {
            throw absent("message", fields, MESSAGE_KEYS);
        }
        message = Texts.bounded("message", Texts.stripTrailingLineBreaks(message), max);

        String service = fields.takeText(SERVICE_KEYS);
        if (service == null) {
            service = settings.defaultService();
        }
        if (service == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "required field 'service' is missing: none of "
                            + String.join(", ", SERVICE_KEYS)
                            + " is present and no default service is configured");
        }

        LogLevel level = LogLevel.UNKNOWN;
        Map.Entry<String, JsonNode> rawLevel = fields.take(LEVEL_KEYS);
        if (rawLevel != null) {
            level = LogLevels.normalise(rawLevel.getValue());
            if (level == LogLevel.UNKNOWN) {
                fields.putBack(rawLevel.getKey(), rawLevel.getValue());
            }
        }

        return LogRecord.newBuilder()
                .setTimestamp(timestamp)
                .setMessage(message)
                .setService(Texts.bounded("service", service, max))
                .setLevel(level)
                .setHost(Texts.bounded("host", fields.takeText(HOST_KEYS), max))
                .setLogger(Texts.bounded("logger", fields.takeText(LOGGER_KEYS), max))
                .setThread(Texts.bounded("thread", fields.takeText(THREAD_KEYS), max))
                .setTraceId(Texts.bounded("traceId", fields.takeText(TRACE_KEYS), max))
                .setEnvironment(
                        Texts.bounded("environment", fields.takeText(ENVIRONMENT_KEYS), max))
                .setAttributes(
                        fields.remaining(
                                settings.maxAttributes(), settings.maxAttributeValueChars()))
                // The template stage fills these; set here, the builder does not deep-copy their
                // schema defaults for every line.
                .setTemplateId(null)
                .setTemplate(null)
                .setTemplateParams(new ArrayList<>(0))
                .build();
    }

    /** MISSING_FIELD, or WRONG_TYPE when one of the keys holds an object. */
    private static DecodeException absent(String field, FlatFields fields, String[] keys) {
        String objectKey = fields.objectAt(keys);
        if (objectKey != null) {
            return new DecodeException(
                    DeadLetterReason.WRONG_TYPE,
                    "field '" + objectKey + "' must be a " + field + " value, got an object");
        }
        return new DecodeException(
                DeadLetterReason.MISSING_FIELD,
                "required field '" + field + "' is missing: none of " + String.join(", ", keys));
    }
}
