package io.forewarn.logs;

import io.forewarn.detect.FailureTypes;
import io.forewarn.detect.Ids;
import io.forewarn.schema.Evidence;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signals of the log template stage, source {@value #SOURCE}. Only a burst of an ERROR or FATAL
 * template names a failure type ({@link FailureTypes#ERROR_SPIKE}) and so becomes a prediction; the
 * other kinds are evidence for rules and fusion. Every signal carries the template in its
 * attributes ({@code templateId}, {@code template}, {@code level}) and in its evidence (kind {@code
 * log-template}, ref = template id).
 */
public final class LogSignals {

    /** The {@code source} of every signal of the log stage. */
    public static final String SOURCE = "log-template";

    /** A template the service never had before (after its warm-up). */
    public static final String NEW_TEMPLATE = "new-template";

    /** A line of a template with a tiny share of the service's lines. */
    public static final String RARE_TEMPLATE = "rare-template";

    /** A template far above its own baseline rate in one interval. */
    public static final String TEMPLATE_BURST = "template-burst";

    /** Two templates following each other on a host in an order never seen for the service. */
    public static final String NEW_TRANSITION = "new-transition";

    static final Producer PRODUCER = new Producer(ProducerKind.DETECTOR, SOURCE, "1");

    private static final String EVIDENCE_KIND = "log-template";
    private static final TimeToImpact ERROR_SPIKE_IMPACT =
            new TimeToImpact(
                    Duration.ofMinutes(5).toMillis(), 0L, Duration.ofMinutes(30).toMillis());

    private LogSignals() {}

    /**
     * How much a level weighs in a signal's score: FATAL 1, ERROR 0.9, WARN 0.7, INFO 0.4, DEBUG
     * 0.2, TRACE 0.1, unknown 0.3.
     */
    public static double levelWeight(LogLevel level) {
        switch (level) {
            case FATAL:
                return 1.0;
            case ERROR:
                return 0.9;
            case WARN:
                return 0.7;
            case INFO:
                return 0.4;
            case DEBUG:
                return 0.2;
            case TRACE:
                return 0.1;
            default:
                return 0.3;
        }
    }

    /**
     * A new template. Score = level weight, halved when the template is only a one-word variant of
     * a known one ({@code variantOf}).
     */
    static Signal newTemplate(
            String service,
            String host,
            String templateId,
            TemplateStats stats,
            String variantOf,
            long timestamp) {
        double score = levelWeight(stats.level) * (variantOf == null ? 1.0 : 0.5);
        Map<String, String> attributes = attributes(templateId, stats);
        String summary = "New " + stats.level + " template on " + service + ": " + stats.text;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("example", stats.example);
        if (variantOf != null) {
            attributes.put("variantOf", variantOf);
            details.put("variantOf", variantOf);
        }
        return signal(NEW_TEMPLATE, service, host, templateId, timestamp, score, stats.level)
                .setEvidence(List.of(evidence(summary, timestamp, templateId, null, details)))
                .setAttributes(attributes)
                .build();
    }

    /** A rare template's line. Score = level weight × (1 − share / rare share). */
    static Signal rareTemplate(
            String service,
            String host,
            String templateId,
            TemplateStats stats,
            double share,
            double rareShare,
            long timestamp) {
        double score = levelWeight(stats.level) * (1 - share / rareShare);
        String summary =
                String.format(
                        Locale.ROOT,
                        "Rare %s template on %s (%d lines, %.3f%% of the service's): %s",
                        stats.level,
                        service,
                        stats.count,
                        100 * share,
                        stats.text);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("count", Long.toString(stats.count));
        details.put("example", stats.example);
        return signal(RARE_TEMPLATE, service, host, templateId, timestamp, score, stats.level)
                .setEvidence(List.of(evidence(summary, timestamp, templateId, share, details)))
                .setAttributes(attributes(templateId, stats))
                .build();
    }

    /**
     * A burst of one template in the interval ending at {@code end}. The onset of an ERROR or FATAL
     * burst (its first interval at twice the burst threshold, outside a burst) predicts {@link
     * FailureTypes#ERROR_SPIKE}: probability 0.5 plus 0.05 per standard deviation beyond the
     * threshold, 0.1 more for a template new to the service, at most 0.95. Later intervals of the
     * same burst are evidence without a failure type, so that the prediction's lifecycle stays with
     * the detectors that resolve it.
     */
    static Signal burst(
            String service,
            String templateId,
            TemplateStats stats,
            long lines,
            long serviceLines,
            double baseline,
            double zScore,
            double minZScore,
            boolean onset,
            long end) {
        boolean predicts = onset && LevelInference.isError(stats.level);
        double share = serviceLines == 0 ? 0 : (double) lines / serviceLines;
        double probability =
                Math.min(
                        0.95,
                        Math.min(0.9, 0.5 + 0.05 * (zScore - minZScore)) + (stats.novel ? 0.1 : 0));
        Severity severity = burstSeverity(stats.level, share);
        String summary =
                String.format(
                        Locale.ROOT,
                        "%d %s lines of one template on %s in an interval, baseline %.1f"
                                + " (%.1f standard deviations above): %s",
                        lines,
                        stats.level,
                        service,
                        baseline,
                        zScore,
                        stats.text);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("lines", Long.toString(lines));
        details.put("serviceLines", Long.toString(serviceLines));
        details.put("baseline", String.format(Locale.ROOT, "%.2f", baseline));
        details.put("zScore", String.format(Locale.ROOT, "%.1f", zScore));
        details.put("novel", Boolean.toString(stats.novel));
        details.put("example", stats.example);
        Map<String, String> attributes = attributes(templateId, stats);
        attributes.put("novel", Boolean.toString(stats.novel));
        attributes.put("onset", Boolean.toString(onset));
        Signal.Builder builder =
                signal(
                                TEMPLATE_BURST,
                                service,
                                null,
                                templateId,
                                end,
                                predicts ? probability : 0,
                                stats.level)
                        .setSeverity(severity)
                        .setEvidence(
                                List.of(
                                        evidence(
                                                summary, end, templateId, (double) lines, details)))
                        .setAttributes(attributes);
        if (!predicts) {
            return builder.setScore(
                            Math.min(1.0, levelWeight(stats.level) * zScore / (2 * minZScore)))
                    .build();
        }
        return builder.setFailureType(FailureTypes.ERROR_SPIKE)
                .setProbability(probability)
                .setTimeToImpact(ERROR_SPIKE_IMPACT)
                .setRecommendedActions(
                        List.of(
                                new RecommendedAction(
                                        "Find the cause of the " + stats.level + " pattern",
                                        "The template and an example are in the evidence: look for"
                                                + " the failing dependency, input or code path it"
                                                + " names.",
                                        null),
                                new RecommendedAction(
                                        "Check what changed on " + service,
                                        stats.novel
                                                ? "The pattern is new to the service: compare its"
                                                        + " first line with recent deployments and"
                                                        + " configuration changes."
                                                : "Compare the start of the burst with recent"
                                                        + " deployments, traffic and dependencies.",
                                        null)))
                .build();
    }

    /**
     * A transition never seen for the service. Score = level weight of the second template × (1 −
     * e^(−expected / min expected)).
     */
    static Signal newTransition(
            String service,
            String host,
            String fromId,
            TemplateStats from,
            String toId,
            TemplateStats to,
            double expected,
            double minExpected,
            long timestamp) {
        double score = levelWeight(to.level) * (1 - Math.exp(-expected / minExpected));
        String summary =
                String.format(
                        Locale.ROOT,
                        "New sequence on %s: \"%s\" then \"%s\" (expected %.1f times by chance)",
                        host == null ? service : host,
                        from.text,
                        to.text,
                        expected);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("fromTemplateId", fromId);
        details.put("fromTemplate", from.text);
        details.put("expected", String.format(Locale.ROOT, "%.2f", expected));
        Map<String, String> attributes = attributes(toId, to);
        attributes.put("fromTemplateId", fromId);
        attributes.put("fromTemplate", from.text);
        return signal(NEW_TRANSITION, service, host, toId, timestamp, score, to.level)
                .setSignalId(
                        Ids.stable(
                                SOURCE,
                                NEW_TRANSITION,
                                service,
                                host,
                                fromId,
                                toId,
                                Long.toString(timestamp)))
                .setEvidence(List.of(evidence(summary, timestamp, toId, expected, details)))
                .setAttributes(attributes)
                .build();
    }

    static Severity burstSeverity(LogLevel level, double share) {
        switch (level) {
            case FATAL:
                return Severity.CRITICAL;
            case ERROR:
                return share >= 0.2 ? Severity.HIGH : Severity.MEDIUM;
            case WARN:
                return Severity.LOW;
            default:
                return Severity.INFO;
        }
    }

    private static Severity lineSeverity(LogLevel level) {
        switch (level) {
            case FATAL:
                return Severity.HIGH;
            case ERROR:
                return Severity.MEDIUM;
            case WARN:
                return Severity.LOW;
            default:
                return Severity.INFO;
        }
    }

    private static Signal.Builder signal(
            String kind,
            String service,
            String host,
            String templateId,
            long timestamp,
            double score,
            LogLevel level) {
        return Signal.newBuilder()
                .setSignalId(
                        Ids.stable(
                                SOURCE, kind, service, host, templateId, Long.toString(timestamp)))
                .setTimestamp(timestamp)
                .setService(service)
                .setHost(host)
                .setSource(SOURCE)
                .setKind(kind)
                .setScore(Math.max(0, Math.min(1, score)))
                .setFailureType(null)
                .setProbability(null)
                .setSeverity(lineSeverity(level))
                .setTimeToImpact(null)
                .setRecommendedActions(new ArrayList<>())
                .setProducer(PRODUCER);
    }

    private static Map<String, String> attributes(String templateId, TemplateStats stats) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("templateId", templateId);
        attributes.put("template", stats.text);
        attributes.put("level", stats.level.name());
        return attributes;
    }

    private static Evidence evidence(
            String summary,
            long timestamp,
            String templateId,
            Double value,
            Map<String, String> details) {
        return new Evidence(EVIDENCE_KIND, summary, timestamp, SOURCE, templateId, value, details);
    }
}
