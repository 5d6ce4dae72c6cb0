package io.forewarn.logs.history;

import io.forewarn.schema.LogLevel;
import java.util.List;

/**
 * The top patterns of a history: what {@code forewarn logs analyze} prints.
 *
 * @param lines lines mined
 * @param timedLines lines with a known time
 * @param services services seen
 * @param templates templates found
 * @param from earliest line time (epoch milliseconds), null without times
 * @param to latest line time, null without times
 * @param axis what the histograms span: {@code time} or {@code line} (positions, when fewer than
 *     half the lines had a time)
 * @param patterns the top patterns, most frequent first
 */
public record HistoryReport(
        long lines,
        long timedLines,
        int services,
        int templates,
        Long from,
        Long to,
        String axis,
        List<Pattern> patterns) {

    /**
     * One template of one service.
     *
     * @param service the service
     * @param templateId the template id, as the job computes it
     * @param template the template text
     * @param level the most severe level of its lines
     * @param count its lines
     * @param share its share of the service's lines
     * @param firstSeen time of its first line, null when unknown
     * @param lastSeen time of its last line, null when unknown
     * @param firstAt where its first line is ({@code file:line})
     * @param lastAt where its last line is
     * @param trend {@code new}, {@code stopped}, {@code rising}, {@code falling} or {@code steady}
     * @param histogram its lines over the history, in up to 8 equal columns
     * @param example one line's content, at its most severe level
     */
    public record Pattern(
            String service,
            String templateId,
            String template,
            LogLevel level,
            long count,
            double share,
            Long firstSeen,
            Long lastSeen,
            String firstAt,
            String lastAt,
            String trend,
            long[] histogram,
            String example) {}
}
