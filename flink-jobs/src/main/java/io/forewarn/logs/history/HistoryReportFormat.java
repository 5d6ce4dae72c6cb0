package io.forewarn.logs.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a {@link HistoryReport} as a table for people or as JSON for machines. */
public final class HistoryReportFormat {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final String BARS = "▁▂▃▄▅▆▇█";
    private static final int EXAMPLE_WIDTH = 160;

    private HistoryReportFormat() {}

    /** A header line, then per pattern a line of figures, its template and an example. */
    public static String text(HistoryReport report, String what) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%s: %,d lines, %d service%s, %,d templates%s%n",
                        what,
                        report.lines(),
                        report.services(),
                        report.services() == 1 ? "" : "s",
                        report.templates(),
                        report.from() == null
                                ? " (no times found: first/last are line positions)"
                                : ", "
                                        + time(report.from())
                                        + " to "
                                        + time(report.to())
                                        + " UTC"));
        if (report.patterns().isEmpty()) {
            return out.append("No pattern at the requested level.\n").toString();
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "%n%3s %10s %7s %-6s %-19s  %-19s  %-18s %s%n",
                        "#",
                        "COUNT",
                        "SHARE",
                        "LEVEL",
                        "FIRST SEEN",
                        "LAST SEEN",
                        "TREND",
                        "SERVICE"));
        int rank = 1;
        for (HistoryReport.Pattern p : report.patterns()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%3d %,10d %6.2f%% %-6s %-19s  %-19s  %-8s %-9s %s%n",
                            rank++,
                            p.count(),
                            100 * p.share(),
                            p.level(),
                            p.firstSeen() == null ? p.firstAt() : time(p.firstSeen()),
                            p.lastSeen() == null ? p.lastAt() : time(p.lastSeen()),
                            p.trend(),
                            sparkline(p.histogram()),
                            p.service()));
            out.append("      ").append(p.template()).append('\n');
            out.append("      e.g. ").append(abbreviate(p.example())).append('\n');
        }
        return out.toString();
    }

    /** The report as a JSON document (times as ISO-8601 strings). */
    public static String json(HistoryReport report, long undecodedLines) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lines", report.lines());
        root.put("linesWithTime", report.timedLines());
        root.put("undecodedLines", undecodedLines);
        root.put("services", report.services());
        root.put("templates", report.templates());
        root.put("from", report.from() == null ? null : iso(report.from()));
        root.put("to", report.to() == null ? null : iso(report.to()));
        root.put("histogramAxis", report.axis());
        ArrayNode patterns = root.putArray("patterns");
        for (HistoryReport.Pattern p : report.patterns()) {
            ObjectNode n = patterns.addObject();
            n.put("service", p.service());
            n.put("templateId", p.templateId());
            n.put("template", p.template());
            n.put("level", p.level().name());
            n.put("count", p.count());
            n.put("share", p.share());
            n.put("firstSeen", p.firstSeen() == null ? null : iso(p.firstSeen()));
            n.put("lastSeen", p.lastSeen() == null ? null : iso(p.lastSeen()));
            n.put("firstAt", p.firstAt());
            n.put("lastAt", p.lastAt());
            n.put("trend", p.trend());
            ArrayNode histogram = n.putArray("histogram");
            for (long c : p.histogram()) {
                histogram.add(c);
            }
            n.put("example", p.example());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }

    /** One bar per column, scaled to the largest column. */
    static String sparkline(long[] histogram) {
        long max = 0;
        for (long c : histogram) {
            max = Math.max(max, c);
        }
        StringBuilder out = new StringBuilder(histogram.length);
        for (long c : histogram) {
            out.append(
                    c == 0
                            ? ' '
                            : BARS.charAt(
                                    (int)
                                            Math.min(
                                                    BARS.length() - 1,
                                                    (c * BARS.length() - 1) / max)));
        }
        return out.toString();
    }

    private static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= EXAMPLE_WIDTH ? text : text.substring(0, EXAMPLE_WIDTH) + "…";
    }
}
