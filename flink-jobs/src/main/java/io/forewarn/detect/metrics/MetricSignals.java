package io.forewarn.detect.metrics;

import io.forewarn.detect.FailureTypes;
import io.forewarn.detect.Ids;
import io.forewarn.detect.SignalKinds;
import io.forewarn.metrics.EntityAssessment;
import io.forewarn.metrics.EntityAssessment.Contributor;
import io.forewarn.metrics.MetricFamily;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.metrics.forecast.BreachAlerts;
import io.forewarn.metrics.forecast.Outlook;
import io.forewarn.schema.BreachForecast;
import io.forewarn.schema.Evidence;
import io.forewarn.schema.MetricAnomaly;
import io.forewarn.schema.MetricContribution;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The signals of the metrics stage: entity anomalies, breach forecasts and their resolutions. */
public final class MetricSignals {

    /** Source of anomaly signals. */
    public static final String ANOMALY_SOURCE = "metric-anomaly";

    /** Source of breach-forecast signals. */
    public static final String FORECAST_SOURCE = "forecast";

    static final Producer ANOMALY_PRODUCER =
            new Producer(ProducerKind.DETECTOR, ANOMALY_SOURCE, "1");
    static final Producer FORECAST_PRODUCER =
            new Producer(ProducerKind.DETECTOR, FORECAST_SOURCE, "1");

    /** An anomaly that predicts a failure is felt soon: it is already under way. */
    private static final TimeToImpact ANOMALY_IMPACT =
            new TimeToImpact(
                    Duration.ofMinutes(5).toMillis(), 0L, Duration.ofMinutes(30).toMillis());

    private static final Map<String, RecommendedAction> CAPACITY_ACTIONS =
            Map.of(
                    FailureTypes.DISK_FULL,
                    action(
                            "Free space or grow the volume before it fills",
                            "Rotate or delete old logs and temporary files, or expand the volume;"
                                    + " then find what writes so much."),
                    FailureTypes.OOM,
                    action(
                            "Raise the memory limit or restart before the OOM kill",
                            "Then look for the leak: compare heap dumps or the growth with recent"
                                    + " deployments."),
                    FailureTypes.CONNECTION_POOL_EXHAUSTION,
                    action(
                            "Grow the pool or find the connection leak",
                            "Check for connections not returned and slow queries holding them."),
                    FailureTypes.CERTIFICATE_EXPIRY,
                    action(
                            "Renew the certificate and fix the automatic renewal",
                            "Check the ACME client or cert-manager logs for the failing renewal."),
                    FailureTypes.QUEUE_BACKLOG,
                    action(
                            "Scale the consumers or shed load",
                            "The backlog grows faster than it is drained."),
                    FailureTypes.FILE_DESCRIPTOR_EXHAUSTION,
                    action(
                            "Raise the open-files limit or find the descriptor leak",
                            "Look for sockets or files that are opened and never closed."),
                    FailureTypes.THREAD_POOL_EXHAUSTION,
                    action(
                            "Grow the thread pool or find what blocks its threads",
                            "Take a thread dump: look for threads waiting on a slow dependency."));

    private MetricSignals() {}

    /**
     * The signal of an entity's anomalous interval.
     *
     * @param service the entity's service
     * @param host the entity's host, or null
     * @param time the interval end
     * @param a the assessment
     * @param episodeStart the episode's first anomalous interval end (part of the signal id)
     * @param failureType the failure type it predicts, or null to leave it to rules
     */
    public static Signal anomaly(
            String service,
            String host,
            long time,
            EntityAssessment a,
            long episodeStart,
            String failureType) {
        Contributor driver = a.driver();
        List<Evidence> evidence = new ArrayList<>();
        List<MetricContribution> contributions = new ArrayList<>();
        for (Contributor c : a.contributors()) {
            SeriesVerdict v = c.verdict();
            evidence.add(
                    new Evidence(
                            ANOMALY_SOURCE,
                            describe(v, c.share()),
                            time,
                            ANOMALY_SOURCE,
                            v.series,
                            v.value,
                            Map.of(
                                    "expected", number(v.expected),
                                    "lower", number(v.lower),
                                    "upper", number(v.upper),
                                    "grade", number(v.grade),
                                    "share", number(c.share()),
                                    "family", v.family)));
            contributions.add(
                    new MetricContribution(
                            v.series,
                            v.metric,
                            v.family,
                            v.value,
                            finite(v.expected),
                            finite(v.lower),
                            finite(v.upper),
                            v.grade,
                            c.share()));
        }
        SeriesVerdict top = driver.verdict();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("metric", top.metric);
        attributes.put("series", top.series);
        attributes.put("family", top.family);
        attributes.put("direction", top.value >= top.expected ? "high" : "low");
        attributes.put("grade", number(a.grade()));
        attributes.put("confidence", number(a.confidence()));
        attributes.put(
                "drivers",
                a.contributors().stream()
                        .map(c -> c.verdict().metric)
                        .distinct()
                        .collect(Collectors.joining(",")));
        attributes.put("expected", number(top.expected));
        attributes.put("lower", number(top.lower));
        attributes.put("upper", number(top.upper));
        Double probability = failureType == null ? null : anomalyProbability(a);
        return Signal.newBuilder()
                .setSignalId(
                        Ids.stable(
                                ANOMALY_SOURCE,
                                service,
                                host,
                                Long.toString(episodeStart),
                                Long.toString(time)))
                .setTimestamp(time)
                .setService(service)
                .setHost(host)
                .setSource(ANOMALY_SOURCE)
                .setKind(SignalKinds.ANOMALY)
                .setScore(a.grade())
                .setFailureType(failureType)
                .setProbability(probability)
                .setSeverity(anomalySeverity(a))
                .setTimeToImpact(failureType == null ? null : ANOMALY_IMPACT)
                .setEvidence(evidence)
                .setRecommendedActions(
                        List.of(
                                action(
                                        "Inspect " + top.metric + " on " + entity(service, host),
                                        "It left its expected range at "
                                                + Instant.ofEpochMilli(time)
                                                + "; compare with recent deployments, traffic"
                                                + " and dependency status.")))
                .setProducer(ANOMALY_PRODUCER)
                .setAttributes(attributes)
                .setAnomaly(
                        new MetricAnomaly(
                                a.grade(),
                                a.confidence(),
                                a.anomalousSeries(),
                                a.series(),
                                contributions))
                .build();
    }

    /**
     * Probability that an anomaly of a family with a failure type leads to that failure: grows with
     * the driver's grade and with corroborating series, scaled by the entity's confidence. A
     * heuristic, not a calibrated probability (there are no labelled outcomes to fit it on).
     */
    static double anomalyProbability(EntityAssessment a) {
        double p = 0.3 + 0.4 * a.driver().verdict().grade + 0.1 * (a.anomalousSeries() - 1);
        return Math.min(0.9, p) * a.confidence();
    }

    static Severity anomalySeverity(EntityAssessment a) {
        if (a.grade() >= 0.9 && a.anomalousSeries() >= 2) {
            return Severity.HIGH;
        }
        return a.grade() >= 0.75 ? Severity.MEDIUM : Severity.LOW;
    }

    /** The end of an entity's anomaly episode that predicted {@code failureType}. */
    public static Signal anomalyResolved(
            String service, String host, long time, long episodeStart, String failureType) {
        return resolved(
                ANOMALY_SOURCE,
                ANOMALY_PRODUCER,
                Ids.stable(
                        ANOMALY_SOURCE,
                        service,
                        host,
                        Long.toString(episodeStart),
                        SignalKinds.RESOLVED,
                        Long.toString(time)),
                service,
                host,
                time,
                failureType,
                "metrics of " + entity(service, host) + " back within their expected ranges",
                null);
    }

    /** The signal of a breach-forecast alert action (raise, update or resolve). */
    public static Signal forecast(
            SeriesPoint point, MetricFamily family, Outlook outlook, BreachAlerts.Action action) {
        String failureType = family.capacityFailure();
        long time = point.timestamp;
        BreachForecast forecast = breachForecast(point, family, outlook, action);
        if (action == BreachAlerts.Action.RESOLVE) {
            return resolved(
                    FORECAST_SOURCE,
                    FORECAST_PRODUCER,
                    Ids.stable(
                            FORECAST_SOURCE,
                            point.series,
                            Long.toString(time),
                            SignalKinds.RESOLVED),
                    point.service,
                    point.host,
                    time,
                    failureType,
                    point.series
                            + ": crossing "
                            + limit(family)
                            + " no longer expected within the horizon",
                    forecast);
        }
        var breach = outlook.breach();
        long expected = Math.max(0, breach.expectedAt() - time);
        long lower = Math.max(0, Math.min(expected, breach.earliestAt() - time));
        long upper = Math.max(expected, breach.latestAt() - time);
        double probability = Math.min(0.99, outlook.probability());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("metric", point.metric);
        attributes.put("series", point.series);
        attributes.put("family", family.name());
        attributes.put("status", forecast.getStatus());
        attributes.put("breachAt", Instant.ofEpochMilli(breach.expectedAt()).toString());
        if (family.capacity() != null) {
            attributes.put("threshold", number(family.capacity().value()));
        }
        return Signal.newBuilder()
                .setSignalId(Ids.stable(FORECAST_SOURCE, point.series, Long.toString(time)))
                .setTimestamp(time)
                .setService(point.service)
                .setHost(point.host)
                .setSource(FORECAST_SOURCE)
                .setKind(SignalKinds.BREACH_FORECAST)
                .setScore(probability)
                .setFailureType(failureType)
                .setProbability(probability)
                .setSeverity(forecastSeverity(expected))
                .setTimeToImpact(new TimeToImpact(expected, lower, upper))
                .setEvidence(
                        List.of(
                                new Evidence(
                                        FORECAST_SOURCE,
                                        describe(point, family, outlook, time),
                                        time,
                                        FORECAST_SOURCE,
                                        point.series,
                                        outlook.value(),
                                        Map.of(
                                                "probability", number(probability),
                                                "trendPerHour", number(breach.slopePerHour()),
                                                "confidence", number(breach.confidence())))))
                .setRecommendedActions(
                        List.of(
                                CAPACITY_ACTIONS.getOrDefault(
                                        failureType,
                                        action(
                                                "Add capacity before "
                                                        + point.metric
                                                        + " reaches its limit",
                                                null))))
                .setProducer(FORECAST_PRODUCER)
                .setAttributes(attributes)
                .setForecast(forecast)
                .build();
    }

    static Severity forecastSeverity(long millisToBreach) {
        Duration d = Duration.ofMillis(millisToBreach);
        if (d.compareTo(Duration.ofHours(1)) <= 0) {
            return Severity.CRITICAL;
        }
        if (d.compareTo(Duration.ofHours(6)) <= 0) {
            return Severity.HIGH;
        }
        return d.compareTo(Duration.ofHours(24)) <= 0 ? Severity.MEDIUM : Severity.LOW;
    }

    private static BreachForecast breachForecast(
            SeriesPoint point, MetricFamily family, Outlook outlook, BreachAlerts.Action action) {
        var breach = outlook.breach();
        String status =
                action == BreachAlerts.Action.RESOLVE
                        ? "cleared"
                        : outlook.status() == Outlook.Status.BREACHED ? "breached" : "expected";
        return new BreachForecast(
                point.series,
                point.metric,
                family.name(),
                family.capacity() == null ? null : family.capacity().value(),
                family.deadline()
                        ? "deadline"
                        : family.capacity().direction().name().toLowerCase(Locale.ROOT),
                outlook.value(),
                status,
                breach == null ? null : breach.expectedAt(),
                breach == null ? null : breach.earliestAt(),
                breach == null ? null : breach.latestAt(),
                outlook.probability(),
                breach == null || family.deadline() ? null : breach.slopePerHour(),
                breach == null ? 0.0 : breach.confidence(),
                family.deadline() ? "deadline" : "trend-seasonal");
    }

    private static Signal resolved(
            String source,
            Producer producer,
            String id,
            String service,
            String host,
            long time,
            String failureType,
            String summary,
            BreachForecast forecast) {
        return Signal.newBuilder()
                .setSignalId(id)
                .setTimestamp(time)
                .setService(service)
                .setHost(host)
                .setSource(source)
                .setKind(SignalKinds.RESOLVED)
                .setScore(0)
                .setFailureType(failureType)
                .setProbability(0.0)
                .setSeverity(Severity.INFO)
                .setTimeToImpact(null)
                .setEvidence(
                        List.of(new Evidence(source, summary, time, source, null, null, Map.of())))
                .setRecommendedActions(List.of())
                .setProducer(producer)
                .setAttributes(Map.of())
                .setForecast(forecast)
                .build();
    }

    private static String describe(SeriesVerdict v, double share) {
        return String.format(
                Locale.ROOT,
                "%s at %s, expected %s (%s to %s); grade %.2f, %.0f%% of the anomaly",
                v.series,
                human(v.value),
                human(v.expected),
                human(v.lower),
                human(v.upper),
                v.grade,
                100 * share);
    }

    private static String describe(
            SeriesPoint point, MetricFamily family, Outlook outlook, long time) {
        var b = outlook.breach();
        if (outlook.status() == Outlook.Status.BREACHED) {
            return String.format(
                    Locale.ROOT,
                    "%s at %s: %s reached",
                    point.series,
                    human(outlook.value()),
                    limit(family));
        }
        String trend =
                family.deadline()
                        ? "deadline"
                        : String.format(Locale.ROOT, "trend %s/h", human(b.slopePerHour()));
        return String.format(
                Locale.ROOT,
                "%s at %s, %s: %s expected in %s (%s to %s), probability %.2f",
                point.series,
                human(outlook.value()),
                trend,
                limit(family),
                duration(b.expectedAt() - time),
                duration(b.earliestAt() - time),
                duration(b.latestAt() - time),
                outlook.probability());
    }

    private static String limit(MetricFamily family) {
        return family.deadline()
                ? "the deadline"
                : family.capacity().direction().name().toLowerCase(Locale.ROOT)
                        + " "
                        + human(family.capacity().value());
    }

    static String duration(long millis) {
        double minutes = Math.max(0, millis) / 60_000.0;
        if (minutes < 120) {
            return Math.round(minutes) + " min";
        }
        double hours = minutes / 60;
        if (hours < 48) {
            return (hours < 10
                            ? human(Math.round(hours * 10) / 10.0)
                            : Long.toString(Math.round(hours)))
                    + " h";
        }
        return human(Math.round(hours / 2.4) / 10.0) + " d";
    }

    /** Four significant digits, no trailing zeros; scientific notation for very large or small. */
    static String human(double value) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs >= 1e7 || abs < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new BigDecimal(value, new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : "NaN";
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String entity(String service, String host) {
        return host == null ? service : service + "/" + host;
    }

    private static RecommendedAction action(String title, String detail) {
        return new RecommendedAction(title, detail, null);
    }
}
