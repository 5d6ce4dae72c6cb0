package io.forewarn.ingest;

import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@link MetricSample}s, deriving service and host from the labels.
 *
 * <p>Service: the first of the labels {@code service}, {@code service.name}, {@code job}, {@code
 * app}. Host: the first of {@code host}, {@code host.name}, {@code instance} (without its port).
 * The labels are kept as they are.
 */
final class MetricSamples {

    private static final String[] SERVICE_LABELS = {"service", "service.name", "job", "app"};
    private static final String[] HOST_LABELS = {"host", "host.name", "instance"};

    private MetricSamples() {}

    static MetricSample sample(
            long timestamp,
            String name,
            double value,
            Map<String, String> labels,
            String unit,
            MetricKind kind) {
        Map<String, String> own = new LinkedHashMap<>(labels);
        return MetricSample.newBuilder()
                .setTimestamp(timestamp)
                .setName(name)
                .setValue(value)
                .setLabels(own)
                .setService(first(own, SERVICE_LABELS))
                .setHost(host(own))
                .setUnit(unit)
                .setKind(kind)
                .build();
    }

    private static String host(Map<String, String> labels) {
        for (String key : HOST_LABELS) {
            String value = labels.get(key);
            if (value != null && !value.isBlank()) {
                return key.equals("instance") ? withoutPort(value) : value;
            }
        }
        return null;
    }

    /** {@code h:9100} → {@code h}; {@code [::1]:9100} → {@code ::1}; bare IPv6 unchanged. */
    static String withoutPort(String instance) {
        if (instance.startsWith("[")) {
            int close = instance.indexOf(']');
            return close > 0 ? instance.substring(1, close) : instance;
        }
        int colon = instance.indexOf(':');
        if (colon > 0 && colon == instance.lastIndexOf(':')) {
            return instance.substring(0, colon);
        }
        return instance;
    }

    private static String first(Map<String, String> labels, String[] keys) {
        for (String key : keys) {
            String value = labels.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
