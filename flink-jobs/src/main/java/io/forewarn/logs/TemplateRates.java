package io.forewarn.logs;

import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.time.Duration;
import java.util.Map;

/**
 * The per-template rate series the log stage offers to the metric models: one {@link MetricSample}
 * per template and interval, unioned into the job's metrics stream.
 *
 * <p>Contract: name {@value #METRIC}, labels {@code service} and {@code template_id} (the series
 * key), {@link MetricSample#getService()} set, host null, kind GAUGE, unit {@value #UNIT}, value =
 * lines of the template in the interval divided by the interval in minutes, timestamp = the end of
 * the interval (exclusive). A sample is emitted for every interval in which the template had lines,
 * and one zero sample for the first interval after its last active one; a series without samples is
 * at zero. When a template generalises its id changes: the old series ends and the new id's series
 * continues with both templates' lines.
 */
public final class TemplateRates {

    /** Name of the series. */
    public static final String METRIC = "log_template_rate";

    /** Unit of the values. */
    public static final String UNIT = "lines/min";

    /** Label holding the service. */
    public static final String SERVICE_LABEL = "service";

    /** Label holding the template id. */
    public static final String TEMPLATE_LABEL = "template_id";

    private TemplateRates() {}

    /** The sample of one template for the interval ending at {@code end}. */
    public static MetricSample sample(
            String service, String templateId, long end, long lines, Duration interval) {
        double perMinute = lines * 60_000.0 / interval.toMillis();
        return MetricSample.newBuilder()
                .setTimestamp(end)
                .setName(METRIC)
                .setValue(perMinute)
                .setLabels(Map.of(SERVICE_LABEL, service, TEMPLATE_LABEL, templateId))
                .setService(service)
                .setHost(null)
                .setUnit(UNIT)
                .setKind(MetricKind.GAUGE)
                .build();
    }
}
