package io.forewarn.ingest;

import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DependencyState;
import io.forewarn.schema.DependencyStatus;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decodes the {@code dependencies} topic: Forewarn's dependency status JSON (snake_case, camelCase
 * accepted) and Avro single-object encoded {@link DependencyStatus}.
 *
 * <p>Required: {@code timestamp}, {@code dependency}, {@code status}. Optional: {@code service},
 * {@code component}, {@code latency_ms}, {@code error_rate} (non-negative numbers), {@code region},
 * {@code message}.
 *
 * <p>Status, case-insensitive, in Atlassian Statuspage's component vocabulary and its incident
 * impacts: {@code operational}, {@code none}, {@code up}, {@code ok} → OPERATIONAL; {@code
 * degraded_performance}, {@code degraded}, {@code minor} → DEGRADED; {@code partial_outage}, {@code
 * major} → PARTIAL_OUTAGE; {@code major_outage}, {@code critical}, {@code down}, {@code outage} →
 * MAJOR_OUTAGE; {@code under_maintenance}, {@code maintenance} → MAINTENANCE; {@code unknown} →
 * UNKNOWN. Anything else is WRONG_TYPE.
 */
public final class DependencyStatusDecoder implements RecordDecoder<DependencyStatus> {

    private static final long serialVersionUID = 1L;

    static final Map<String, DependencyState> STATES =
            Map.ofEntries(
                    Map.entry("operational", DependencyState.OPERATIONAL),
                    Map.entry("none", DependencyState.OPERATIONAL),
                    Map.entry("up", DependencyState.OPERATIONAL),
                    Map.entry("ok", DependencyState.OPERATIONAL),
                    Map.entry("degraded_performance", DependencyState.DEGRADED),
                    Map.entry("degraded", DependencyState.DEGRADED),
                    Map.entry("minor", DependencyState.DEGRADED),
                    Map.entry("partial_outage", DependencyState.PARTIAL_OUTAGE),
                    Map.entry("major", DependencyState.PARTIAL_OUTAGE),
                    Map.entry("major_outage", DependencyState.MAJOR_OUTAGE),
                    Map.entry("critical", DependencyState.MAJOR_OUTAGE),
                    Map.entry("down", DependencyState.MAJOR_OUTAGE),
                    Map.entry("outage", DependencyState.MAJOR_OUTAGE),
                    Map.entry("under_maintenance", DependencyState.MAINTENANCE),
                    Map.entry("maintenance", DependencyState.MAINTENANCE),
                    Map.entry("unknown", DependencyState.UNKNOWN));

    private final DecoderSettings settings;

    public DependencyStatusDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<DependencyStatus> recordClass() {
        return DependencyStatus.class;
    }

    @Override
    public DecoderSettings settings() {
        return settings;
    }

    @Override
    public long eventTime(DependencyStatus record) {
        return record.getTimestamp();
    }

    @Override
    public Decoded<DependencyStatus> decode(byte[] payload) throws DecodeException {
        if (AvroSingleObject.isSingleObject(payload)) {
            return Decoded.of(
                    AvroSingleObject.decode(
                            payload,
                            DependencyStatus.getDecoder(),
                            DependencyStatus.getClassSchema()));
        }
        JsonObject json = JsonObject.root(JsonPayload.parseObject(payload), settings);
        String rawStatus = json.requiredText("status");
        DependencyState state = STATES.get(rawStatus.trim().toLowerCase(Locale.ROOT));
        if (state == null) {
            throw DecodeException.wrongType(
                    "status", "one of " + new TreeSet<>(STATES.keySet()), rawStatus);
        }
        return Decoded.of(
                DependencyStatus.newBuilder()
                        .setTimestamp(json.requiredTimestamp("timestamp", Style.ISO_OR_EPOCH))
                        .setDependency(json.requiredText("dependency"))
                        .setService(json.text("service"))
                        .setComponent(json.text("component"))
                        .setStatus(state)
                        .setLatencyMs(nonNegative(json, "latency_ms"))
                        .setErrorRate(nonNegative(json, "error_rate"))
                        .setRegion(json.text("region"))
                        .setMessage(json.text("message"))
                        .build());
    }

    private static Double nonNegative(JsonObject json, String name) throws DecodeException {
        Double value = json.number(name);
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            throw DecodeException.wrongType(name, "a non-negative number", value);
        }
        return value;
    }
}
