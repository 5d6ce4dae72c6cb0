package io.forewarn.ingest;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.MetricSample;
import java.util.List;

/**
 * Decodes the {@code metrics} topic: OTLP/JSON ({@link OtlpMetrics}), Telegraf JSON ({@link
 * TelegrafMetrics}), prometheus-kafka-adapter JSON ({@link PrometheusAdapterMetrics}) and Avro
 * single-object encoded {@link MetricSample}s. The shape is told by its fields: {@code
 * resourceMetrics}, then {@code fields}/{@code metrics}, then {@code value}.
 *
 * <p><b>NaN and infinite values</b> are dropped, not dead-lettered: Prometheus writes NaN as a
 * staleness marker and for empty summaries, so they are routine, not errors. Each dropped value is
 * counted ({@link Decoded#valuesDropped()}, metric {@code valuesDropped} of {@link
 * IngestDeserializer}); so are OTLP points flagged as having no recorded value and Telegraf string
 * fields. A payload may therefore decode to no sample at all.
 */
public final class MetricDecoder implements RecordDecoder<MetricSample> {

    private static final long serialVersionUID = 1L;

    private final DecoderSettings settings;

    public MetricDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<MetricSample> recordClass() {
        return MetricSample.class;
    }

    @Override
    public DecoderSettings settings() {
        return settings;
    }

    @Override
    public long eventTime(MetricSample record) {
        return record.getTimestamp();
    }

    @Override
    public Decoded<MetricSample> decode(byte[] payload) throws DecodeException {
        if (AvroSingleObject.isSingleObject(payload)) {
            MetricSample sample =
                    AvroSingleObject.decode(
                            payload, MetricSample.getDecoder(), MetricSample.getClassSchema());
            return Double.isFinite(sample.getValue())
                    ? Decoded.of(sample)
                    : new Decoded<>(List.of(), 1);
        }
        JsonObject json = JsonObject.root(JsonPayload.parseObject(payload), settings);
        if (OtlpMetrics.matches(json)) {
            return OtlpMetrics.map(json, settings);
        }
        if (TelegrafMetrics.matches(json)) {
            return TelegrafMetrics.map(json, settings);
        }
        if (PrometheusAdapterMetrics.matches(json)) {
            return PrometheusAdapterMetrics.map(json, settings);
        }
        throw new DecodeException(
                DeadLetterReason.MISSING_FIELD,
                "not a known metrics shape: expected 'resourceMetrics' (OTLP), 'fields' or"
                        + " 'metrics' (Telegraf), or 'value' with 'name' or 'labels'"
                        + " (prometheus-kafka-adapter)");
    }
}
