package io.forewarn.metrics;

import io.forewarn.metrics.forecast.Threshold;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the series of one family of metrics are modelled: which metrics belong to it, how their
 * samples are aggregated per interval, which anomalies count and what failure they predict, and
 * whether and against which threshold their crossing is forecast.
 *
 * <p>Written in configuration as one line: a name, then {@code key=value} settings:
 *
 * <pre>
 * disk match=node_filesystem_used_ratio|disk_used_ratio aggregate=max anomaly=high
 *      capacity=above:0.95 capacity-failure=disk-full
 * </pre>
 *
 * <ul>
 *   <li>{@code match}: a regular expression the whole metric name must match;
 *   <li>{@code kind}: the metric kind it must have (GAUGE, COUNTER, SUMMARY, HISTOGRAM);
 *   <li>{@code aggregate}: mean, max, min, p99, rate, last or skip (default mean);
 *   <li>{@code anomaly}: high, low, both or off (default both);
 *   <li>{@code anomaly-failure}: the failure type an anomaly of the family predicts (default: none,
 *       anomalies stay signals for rules);
 *   <li>{@code capacity}: {@code above:LIMIT} or {@code below:LIMIT} to forecast the crossing of a
 *       limit, or {@code deadline} when the value is the epoch second of the failure itself;
 *   <li>{@code capacity-failure}: the failure type of a crossing (required with capacity);
 *   <li>{@code horizon}: how far ahead crossings count, e.g. {@code 14d} (default: the forecast
 *       horizon option).
 * </ul>
 *
 * @param name the family's name, shown in signals
 * @param match metric-name pattern, or null for any name
 * @param kind required metric kind (upper case), or null for any
 * @param aggregation per-interval aggregation
 * @param anomaly which deviations are anomalies
 * @param anomalyFailure failure type predicted by an anomaly, or null
 * @param capacity forecast threshold, or null (also null for deadlines)
 * @param deadline whether the value is the epoch second of the failure
 * @param capacityFailure failure type of a forecast crossing, or null without forecasting
 * @param horizon forecast horizon of the family, or null for the default
 */
public record MetricFamily(
        String name,
        Pattern match,
        String kind,
        Aggregation aggregation,
        AnomalySide anomaly,
        String anomalyFailure,
        Threshold capacity,
        boolean deadline,
        String capacityFailure,
        Duration horizon)
        implements Serializable {

    public MetricFamily {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric family needs a name");
        }
        if ((capacity != null || deadline) && capacityFailure == null) {
            throw new IllegalArgumentException(
                    "metric family '" + name + "': capacity needs capacity-failure");
        }
    }

    /** Whether the family forecasts threshold crossings. */
    public boolean forecasts() {
        return capacity != null || deadline;
    }

    /** Whether the family's series get an anomaly detector. */
    public boolean detectsAnomalies() {
        return anomaly != AnomalySide.OFF;
    }

    /** Whether a metric of this name and kind belongs to the family. */
    public boolean matches(String metricName, String metricKind) {
        return (kind == null || kind.equals(metricKind))
                && (match == null || match.matcher(metricName).matches());
    }

    /** Parses one configuration line (see the class comment). */
    public static MetricFamily parse(String spec) {
        String[] tokens = spec.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty() || tokens[0].contains("=")) {
            throw new IllegalArgumentException(
                    "metric family '" + spec + "' must start with its name");
        }
        String name = tokens[0];
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "metric family '" + name + "': '" + tokens[i] + "' is not key=value");
            }
            String key = tokens[i].substring(0, eq);
            if (settings.put(key, tokens[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException(
                        "metric family '" + name + "': " + key + " given twice");
            }
        }
        try {
            return fromSettings(name, settings);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("metric family")
                    ? e
                    : new IllegalArgumentException(
                            "metric family '" + name + "': " + e.getMessage(), e);
        }
    }

    private static MetricFamily fromSettings(String name, Map<String, String> s) {
        Pattern match = null;
        String regex = s.remove("match");
        if (regex != null) {
            try {
                match = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "match is not a regular expression: " + regex, e);
            }
        }
        String kind = upper(s.remove("kind"));
        Aggregation aggregation = Aggregation.valueOf(upper(s.getOrDefault("aggregate", "mean")));
        s.remove("aggregate");
        AnomalySide anomaly = AnomalySide.valueOf(upper(s.getOrDefault("anomaly", "both")));
        s.remove("anomaly");
        String anomalyFailure = s.remove("anomaly-failure");
        String capacityText = s.remove("capacity");
        boolean deadline = "deadline".equalsIgnoreCase(capacityText);
        Threshold capacity =
                capacityText == null || deadline ? null : Threshold.parse(capacityText);
        String capacityFailure = s.remove("capacity-failure");
        String horizonText = s.remove("horizon");
        Duration horizon = horizonText == null ? null : Durations.parse(horizonText);
        if (!s.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown setting(s) "
                            + s.keySet()
                            + " (known: match, kind, aggregate, anomaly, anomaly-failure,"
                            + " capacity, capacity-failure, horizon)");
        }
        return new MetricFamily(
                name,
                match,
                kind,
                aggregation,
                anomaly,
                anomalyFailure,
                capacity,
                deadline,
                capacityFailure,
                horizon);
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
