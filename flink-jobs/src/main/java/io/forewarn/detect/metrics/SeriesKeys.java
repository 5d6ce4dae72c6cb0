package io.forewarn.detect.metrics;

import io.forewarn.schema.MetricSample;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keys of the metrics stage: a series is its metric name plus sorted labels; an entity its service
 * and host.
 */
public final class SeriesKeys {

    /** Service of samples that name neither a service nor a host. */
    public static final String UNKNOWN_SERVICE = "unknown";

    private SeriesKeys() {}

    /** {@code name{a="x",b="y"}}, labels sorted by name, so label order never splits a series. */
    public static String series(MetricSample sample) {
        StringBuilder key = new StringBuilder(sample.getName());
        Map<String, String> labels = new TreeMap<>(sample.getLabels());
        if (!labels.isEmpty()) {
            key.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    key.append(',');
                }
                first = false;
                key.append(label.getKey()).append("=\"");
                escape(label.getValue(), key);
                key.append('"');
            }
            key.append('}');
        }
        return key.toString();
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /**
     * The service a sample belongs to: its service, else its host, else {@link #UNKNOWN_SERVICE}.
     */
    public static String service(MetricSample sample) {
        if (sample.getService() != null) {
            return sample.getService();
        }
        return sample.getHost() != null ? sample.getHost() : UNKNOWN_SERVICE;
    }

    /** The entity key of a service and an optional host. */
    public static String entity(String service, String host) {
        return host == null ? service : service + '\u001f' + host;
    }
}
