package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry metrics in OTLP/JSON ({@code ExportMetricsServiceRequest}): {@code
 * resourceMetrics[].resource.attributes} and {@code scopeMetrics[].metrics[]}.
 *
 * <p>Labels are the resource attributes overlaid by the data point attributes; {@code
 * arrayValue}/{@code kvlistValue} attributes are kept as their JSON text. Samples per metric type:
 *
 * <ul>
 *   <li>{@code gauge}: one sample per data point ({@code asDouble} or {@code asInt}, the latter an
 *       int64 string), kind GAUGE.
 *   <li>{@code sum}: as gauge; kind COUNTER when monotonic and cumulative, else GAUGE (a delta or
 *       an up-down sum behaves as a gauge).
 *   <li>{@code histogram}: {@code <name>_count}, {@code <name>_sum}, {@code <name>_min}, {@code
 *       <name>_max} (those present), and cumulative {@code <name>_bucket} samples with an {@code
 *       le} label (upper bound, last {@code +Inf}), kind HISTOGRAM.
 *   <li>{@code exponentialHistogram}: {@code _count}, {@code _sum}, {@code _min}, {@code _max} only
 *       (buckets are not expanded), kind HISTOGRAM.
 *   <li>{@code summary}: {@code <name>_count}, {@code <name>_sum} and one {@code <name>} sample per
 *       quantile with a {@code quantile} label, kind SUMMARY.
 * </ul>
 *
 * <p>Data points flagged {@code FLAG_NO_RECORDED_VALUE} (flags bit 0) and NaN/infinite values are
 * dropped and counted. {@code timeUnixNano} is required ({@link Style#EPOCH_NANOS}). As in protobuf
 * JSON, an absent {@code count}, {@code quantile} or quantile {@code value} is zero.
 */
final class OtlpMetrics {

    private static final int FLAG_NO_RECORDED_VALUE = 1;
    private static final int TEMPORALITY_DELTA = 1;

    private final DecoderSettings settings;
    private final List<MetricSample> samples = new ArrayList<>();
    private int dropped;

    private OtlpMetrics(DecoderSettings settings) {
        this.settings = settings;
    }

    static boolean matches(JsonObject json) {
        return json.has("resource_metrics");
    }

    static Decoded<MetricSample> map(JsonObject json, DecoderSettings settings)
            throws DecodeException {
        OtlpMetrics mapper = new OtlpMetrics(settings);
        for (JsonObject resourceMetrics : json.objects("resource_metrics")) {
            JsonObject resource = resourceMetrics.object("resource");
            Map<String, String> resourceLabels =
                    resource == null ? new LinkedHashMap<>() : mapper.attributes(resource);
            for (JsonObject scope : resourceMetrics.objects("scope_metrics")) {
                for (JsonObject metric : scope.objects("metrics")) {
                    mapper.metric(metric, resourceLabels);
                }
            }
        }
        return new Decoded<>(mapper.samples, mapper.dropped);
    }

    private void metric(JsonObject metric, Map<String, String> resourceLabels)
            throws DecodeException {
        String name = metric.requiredText("name");
        String unit = metric.text("unit");
        JsonObject data;
        if ((data = metric.object("gauge")) != null) {
            numberPoints(data, name, unit, resourceLabels, MetricKind.GAUGE);
        } else if ((data = metric.object("sum")) != null) {
            boolean monotonic = Boolean.TRUE.equals(data.bool("is_monotonic"));
            MetricKind kind = monotonic && !isDelta(data) ? MetricKind.COUNTER : MetricKind.GAUGE;
            numberPoints(data, name, unit, resourceLabels, kind);
        } else if ((data = metric.object("histogram")) != null) {
            for (JsonObject point : data.objects("data_points")) {
                histogramPoint(point, name, unit, resourceLabels, true);
            }
        } else if ((data = metric.object("exponential_histogram")) != null) {
            for (JsonObject point : data.objects("data_points")) {
                histogramPoint(point, name, unit, resourceLabels, false);
            }
        } else if ((data = metric.object("summary")) != null) {
            for (JsonObject point : data.objects("data_points")) {
                summaryPoint(point, name, unit, resourceLabels);
            }
        } else {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "metric '"
                            + name
                            + "' at "
                            + metric.path()
                            + " has none of gauge, sum, histogram, exponentialHistogram, summary");
        }
    }

    private void numberPoints(
            JsonObject data,
            String name,
            String unit,
            Map<String, String> resourceLabels,
            MetricKind kind)
            throws DecodeException {
        for (JsonObject point : data.objects("data_points")) {
            if (noRecordedValue(point)) {
                dropped++;
                continue;
            }
            long time = point.requiredTimestamp("time_unix_nano", Style.EPOCH_NANOS);
            Map<String, String> labels = labels(resourceLabels, point);
            Double value = point.number("as_double");
            if (value == null) {
                Long asInt = point.integer("as_int");
                if (asInt == null) {
                    throw new DecodeException(
                            DeadLetterReason.MISSING_FIELD,
                            "data point "
                                    + point.path()
                                    + " of metric '"
                                    + name
                                    + "' has neither asDouble nor asInt");
                }
                value = asInt.doubleValue();
            }
            add(time, name, value, labels, unit, kind);
        }
    }

    private void histogramPoint(
            JsonObject point,
            String name,
            String unit,
            Map<String, String> resourceLabels,
            boolean explicitBuckets)
            throws DecodeException {
        if (noRecordedValue(point)) {
            dropped++;
            return;
        }
        long time = point.requiredTimestamp("time_unix_nano", Style.EPOCH_NANOS);
        Map<String, String> labels = labels(resourceLabels, point);
        MetricKind kind = MetricKind.HISTOGRAM;
        Long count = point.integer("count");
        add(time, name + "_count", count == null ? 0 : count, labels, unit, kind);
        addIfPresent(point, "sum", time, name + "_sum", labels, unit, kind);
        addIfPresent(point, "min", time, name + "_min", labels, unit, kind);
        addIfPresent(point, "max", time, name + "_max", labels, unit, kind);
        if (!explicitBuckets) {
            return;
        }
        JsonNode counts = point.array("bucket_counts");
        JsonNode bounds = point.array("explicit_bounds");
        if (counts == null) {
            return;
        }
        int boundCount = bounds == null ? 0 : bounds.size();
        if (counts.size() != boundCount + 1) {
            throw new DecodeException(
                    DeadLetterReason.WRONG_TYPE,
                    "field '"
                            + point.pathOf("bucketCounts")
                            + "' must have one entry more than explicitBounds ("
                            + boundCount
                            + "), got "
                            + counts.size());
        }
        long cumulative = 0;
        for (int i = 0; i < counts.size(); i++) {
            Long bucket = Numbers.toLong(counts.get(i));
            if (bucket == null || bucket < 0) {
                throw DecodeException.wrongType(
                        point.pathOf("bucketCounts") + "[" + i + "]",
                        "a non-negative integer",
                        counts.get(i));
            }
            cumulative += bucket;
            String le;
            if (i < boundCount) {
                Double bound = Numbers.toDouble(bounds.get(i));
                if (bound == null) {
                    throw DecodeException.wrongType(
                            point.pathOf("explicitBounds") + "[" + i + "]",
                            "a number",
                            bounds.get(i));
                }
                le = formatBound(bound);
            } else {
                le = "+Inf";
            }
            Map<String, String> bucketLabels = new LinkedHashMap<>(labels);
            bucketLabels.put("le", le);
            add(time, name + "_bucket", cumulative, bucketLabels, unit, kind);
        }
    }

    private void summaryPoint(
            JsonObject point, String name, String unit, Map<String, String> resourceLabels)
            throws DecodeException {
        if (noRecordedValue(point)) {
            dropped++;
            return;
        }
        long time = point.requiredTimestamp("time_unix_nano", Style.EPOCH_NANOS);
        Map<String, String> labels = labels(resourceLabels, point);
        MetricKind kind = MetricKind.SUMMARY;
        Long count = point.integer("count");
        add(time, name + "_count", count == null ? 0 : count, labels, unit, kind);
        addIfPresent(point, "sum", time, name + "_sum", labels, unit, kind);
        for (JsonObject quantile : point.objects("quantile_values")) {
            Map<String, String> quantileLabels = new LinkedHashMap<>(labels);
            Double q = quantile.number("quantile");
            quantileLabels.put("quantile", formatBound(q == null ? 0 : q));
            Double value = quantile.number("value");
            add(time, name, value == null ? 0 : value, quantileLabels, unit, kind);
        }
    }

    private void addIfPresent(
            JsonObject point,
            String field,
            long time,
            String name,
            Map<String, String> labels,
            String unit,
            MetricKind kind)
            throws DecodeException {
        Double value = point.number(field);
        if (value != null) {
            add(time, name, value, labels, unit, kind);
        }
    }

    private void add(
            long time,
            String name,
            double value,
            Map<String, String> labels,
            String unit,
            MetricKind kind) {
        if (Double.isFinite(value)) {
            samples.add(MetricSamples.sample(time, name, value, labels, unit, kind));
        } else {
            dropped++;
        }
    }

    private Map<String, String> labels(Map<String, String> resourceLabels, JsonObject point)
            throws DecodeException {
        Map<String, String> labels = new LinkedHashMap<>(resourceLabels);
        labels.putAll(attributes(point));
        return labels;
    }

    /** OTLP {@code attributes: [{key, value: AnyValue}]} as a string map. */
    private Map<String, String> attributes(JsonObject owner) throws DecodeException {
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonObject attribute : owner.objects("attributes")) {
            String key = attribute.requiredText("key");
            JsonObject value = attribute.object("value");
            String text = value == null ? null : anyValue(value);
            if (text != null) {
                result.put(key, Texts.cut(text, settings.maxFieldChars()));
            }
        }
        return result;
    }

    private static String anyValue(JsonObject value) throws DecodeException {
        for (String scalar :
                new String[] {
                    "string_value", "bool_value", "int_value", "double_value", "bytes_value"
                }) {
            if (value.has(scalar)) {
                return value.text(scalar);
            }
        }
        for (String composite : new String[] {"array_value", "kvlist_value"}) {
            JsonObject nested = value.object(composite);
            if (nested != null) {
                return nested.node().toString();
            }
        }
        return null;
    }

    private static boolean noRecordedValue(JsonObject point) throws DecodeException {
        Integer flags = point.count("flags");
        return flags != null && (flags & FLAG_NO_RECORDED_VALUE) != 0;
    }

    private static boolean isDelta(JsonObject data) throws DecodeException {
        String temporality = data.text("aggregation_temporality");
        return temporality != null
                && (temporality.equals(Integer.toString(TEMPORALITY_DELTA))
                        || temporality.equals("AGGREGATION_TEMPORALITY_DELTA"));
    }

    /** Prometheus-style number text: {@code 5}, {@code 0.25}, {@code +Inf}. */
    static String formatBound(double bound) {
        if (bound == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (bound == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
