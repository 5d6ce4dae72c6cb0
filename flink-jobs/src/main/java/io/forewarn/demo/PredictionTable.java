package io.forewarn.demo;

import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders predictions as a ranked, fixed-width text table for a terminal. */
public final class PredictionTable {

    private static final String HEADER_FORMAT = "%-4s %-22s %-20s %5s %-8s %-10s %-8s %s%n";

    private PredictionTable() {}

    /** Open predictions first, by rank score; at most {@code limit} rows, cut to {@code width}. */
    public static String render(Collection<Prediction> predictions, int limit, int width) {
        List<Prediction> ranked =
                predictions.stream()
                        .sorted(
                                Comparator.comparing((Prediction p) -> isClosed(p.getStatus()))
                                        .thenComparing(
                                                Comparator.comparingDouble(Prediction::getRankScore)
                                                        .reversed())
                                        .thenComparing(Prediction::getPredictionId))
                        .limit(limit)
                        .collect(Collectors.toList());
        StringBuilder out = new StringBuilder();
        out.append(
                cut(
                        String.format(
                                Locale.ROOT,
                                HEADER_FORMAT,
                                "RANK",
                                "ENTITY",
                                "FAILURE",
                                "PROB",
                                "SEVERITY",
                                "IMPACT IN",
                                "STATUS",
                                "EVIDENCE / ACTION"),
                        width));
        int rank = 1;
        for (Prediction p : ranked) {
            String entity =
                    p.getHost() == null ? p.getService() : p.getService() + "/" + p.getHost();
            String evidence = p.getEvidence().isEmpty() ? "" : p.getEvidence().get(0).getSummary();
            String action =
                    p.getRecommendedActions().isEmpty()
                            ? ""
                            : p.getRecommendedActions().get(0).getTitle();
            out.append(
                    cut(
                            String.format(
                                    Locale.ROOT,
                                    HEADER_FORMAT,
                                    rank++,
                                    abbreviate(entity, 22),
                                    abbreviate(p.getFailureType(), 20),
                                    String.format(Locale.ROOT, "%.2f", p.getProbability()),
                                    p.getSeverity(),
                                    impact(p),
                                    p.getStatus(),
                                    evidence),
                            width));
            if (!action.isEmpty()) {
                out.append(
                        cut(
                                String.format(Locale.ROOT, "%-" + 82 + "s -> %s%n", "", action),
                                width));
            }
        }
        if (ranked.isEmpty()) {
            out.append("(no predictions yet)\n");
        }
        return out.toString();
    }

    static String impact(Prediction p) {
        if (p.getTimeToImpact() == null || isClosed(p.getStatus())) {
            return "-";
        }
        Duration expected = Duration.ofMillis(p.getTimeToImpact().getExpectedMillis());
        if (expected.toHours() >= 48) {
            return expected.toDays() + " d";
        } else if (expected.toMinutes() >= 120) {
            return expected.toHours() + " h";
        }
        return "~" + expected.toMinutes() + " min";
    }

    private static boolean isClosed(PredictionStatus status) {
        return status == PredictionStatus.RESOLVED || status == PredictionStatus.EXPIRED;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String cut(String line, int width) {
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return (body.length() <= width ? body : body.substring(0, width - 1) + "…") + "\n";
    }
}
