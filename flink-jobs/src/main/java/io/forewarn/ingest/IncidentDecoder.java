package io.forewarn.ingest;

import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Incident;
import io.forewarn.schema.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decodes the {@code incidents} topic: Forewarn's incident JSON (snake_case, camelCase accepted)
 * and Avro single-object encoded {@link Incident}s.
 *
 * <p>Required: {@code incident_id} (or {@code id}), {@code service}, {@code failure_type}, {@code
 * title}, {@code started_at}, {@code source}. Optional: {@code timestamp} (when the record was
 * written; default {@code started_at}), {@code host}, {@code severity} (default MEDIUM), {@code
 * resolved_at} (not before {@code started_at}), {@code labels} (object of strings).
 *
 * <p>Severity, case-insensitive: {@code info}, {@code low}, {@code medium}, {@code high}, {@code
 * critical}, and the priority scales {@code sev1}–{@code sev5} and {@code p1}–{@code p5} (1 =
 * CRITICAL … 5 = INFO).
 */
public final class IncidentDecoder implements RecordDecoder<Incident> {

    private static final long serialVersionUID = 1L;

    static final Map<String, Severity> SEVERITIES =
            Map.ofEntries(
                    Map.entry("info", Severity.INFO),
                    Map.entry("low", Severity.LOW),
                    Map.entry("medium", Severity.MEDIUM),
                    Map.entry("high", Severity.HIGH),
                    Map.entry("critical", Severity.CRITICAL),
                    Map.entry("sev1", Severity.CRITICAL),
                    Map.entry("sev2", Severity.HIGH),
                    Map.entry("sev3", Severity.MEDIUM),
                    Map.entry("sev4", Severity.LOW),
                    Map.entry("sev5", Severity.INFO),
                    Map.entry("p1", Severity.CRITICAL),
                    Map.entry("p2", Severity.HIGH),
                    Map.entry("p3", Severity.MEDIUM),
                    Map.entry("p4", Severity.LOW),
                    Map.entry("p5", Severity.INFO));

    private final DecoderSettings settings;

    public IncidentDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<Incident> recordClass() {
        return Incident.class;
    }

    @Override
    public DecoderSettings settings() {
        return settings;
    }

    @Override
    public long eventTime(Incident record) {
        return record.getTimestamp();
    }

    @Override
    public Decoded<Incident> decode(byte[] payload) throws DecodeException {
        if (AvroSingleObject.isSingleObject(payload)) {
            return Decoded.of(
                    AvroSingleObject.decode(
                            payload, Incident.getDecoder(), Incident.getClassSchema()));
        }
        JsonObject json = JsonObject.root(JsonPayload.parseObject(payload), settings);
        String id = json.text("incident_id");
        if (id == null) {
            id = json.text("id");
        }
        if (id == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "required field 'incident_id' (or 'incidentId', 'id') is missing");
        }
        Severity severity = Severity.MEDIUM;
        String rawSeverity = json.text("severity");
        if (rawSeverity != null) {
            severity = SEVERITIES.get(rawSeverity.trim().toLowerCase(Locale.ROOT));
            if (severity == null) {
                throw DecodeException.wrongType(
                        "severity", "one of " + new TreeSet<>(SEVERITIES.keySet()), rawSeverity);
            }
        }
        long startedAt = json.requiredTimestamp("started_at", Style.ISO_OR_EPOCH);
        Long resolvedAt = json.timestamp("resolved_at", Style.ISO_OR_EPOCH);
        if (resolvedAt != null && resolvedAt < startedAt) {
            throw new DecodeException(
                    DeadLetterReason.WRONG_TYPE,
                    "field 'resolved_at' ("
                            + Timestamps.format(resolvedAt)
                            + ") must not be before 'started_at' ("
                            + Timestamps.format(startedAt)
                            + ")");
        }
        Long timestamp = json.timestamp("timestamp", Style.ISO_OR_EPOCH);
        return Decoded.of(
                Incident.newBuilder()
                        .setIncidentId(id)
                        .setTimestamp(timestamp == null ? startedAt : timestamp)
                        .setService(json.requiredText("service"))
                        .setHost(json.text("host"))
                        .setFailureType(json.requiredText("failure_type"))
                        .setSeverity(severity)
                        .setStartedAt(startedAt)
                        .setResolvedAt(resolvedAt)
                        .setTitle(json.requiredText("title"))
                        .setSource(json.requiredText("source"))
                        .setLabels(json.stringMap("labels", settings.maxAttributeValueChars()))
                        .build());
    }
}
