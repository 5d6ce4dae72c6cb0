package io.forewarn.logs.history;

import io.forewarn.logs.LevelInference;
import io.forewarn.logs.LogMiningSettings;
import io.forewarn.logs.template.MiningResult;
import io.forewarn.logs.template.TemplateMiner;
import io.forewarn.schema.LogLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines historical log lines with the job's miner and settings (one miner per service, as in the
 * job) and keeps, per template, its count, level, first and last occurrence, an example and its
 * distribution over the history, from which {@link #report} ranks the top patterns and their trend.
 * Templates that generalise hand their statistics to the new template; evicted templates keep
 * theirs (a history report loses no lines).
 */
public final class LogHistory {

    /** Resolution of the distribution of each template over the history. */
    static final int BUCKETS = 64;

    /** Columns of the distribution in a report. */
    static final int REPORT_BUCKETS = 8;

    private final LogMiningSettings settings;
    private final Map<String, TemplateMiner> miners = new LinkedHashMap<>();
    private final Map<String, Long> linesPerService = new HashMap<>();
    private final Map<String, PatternStats> patterns = new LinkedHashMap<>();
    private final Axis byTime = new Axis();
    private final Axis byLine = new Axis();
    private long lines;
    private long timedLines;
    private long from = Long.MAX_VALUE;
    private long to = Long.MIN_VALUE;

    public LogHistory(LogMiningSettings settings) {
        this.settings = settings;
    }

    /**
     * Mines one line.
     *
     * @param service the service the line belongs to
     * @param time its event time (epoch milliseconds), or null when unknown
     * @param level its level; UNKNOWN is inferred from the content
     * @param content the message to mine
     * @param where where the line is, for the report (e.g. {@code file:line})
     */
    public void add(String service, Long time, LogLevel level, String content, String where) {
        TemplateMiner miner =
                miners.computeIfAbsent(service, s -> new TemplateMiner(settings.minerConfig(s)));
        MiningResult mined = miner.mine(content);
        String key = key(service, mined.templateId());
        for (String replaced : mined.replacedTemplateIds()) {
            PatternStats old = patterns.remove(key(service, replaced));
            if (old != null) {
                PatternStats target = patterns.get(key);
                if (target == null) {
                    patterns.put(key, old.renamed(mined.templateId()));
                } else {
                    target.absorb(old);
                }
            }
        }
        PatternStats stats =
                patterns.computeIfAbsent(key, k -> new PatternStats(service, mined.templateId()));
        stats.text = mined.template();
        long position = lines++;
        linesPerService.merge(service, 1L, Long::sum);
        stats.observe(LevelInference.levelOf(level, content), content, where, position);
        stats.byLine[bucket(byLine, position)]++;
        if (time != null) {
            timedLines++;
            from = Math.min(from, time);
            to = Math.max(to, time);
            stats.firstSeen = Math.min(stats.firstSeen, time);
            stats.lastSeen = Math.max(stats.lastSeen, time);
            stats.byTime[bucket(byTime, time)]++;
        }
    }

    public long lines() {
        return lines;
    }

    /**
     * The {@code top} most frequent templates whose level is at least {@code minLevel} (UNKNOWN
     * counts as the least severe), most frequent first, with their trend over the history: over
     * time when at least half the lines had a time, else over line positions.
     */
    public HistoryReport report(int top, LogLevel minLevel) {
        boolean timed = lines > 0 && timedLines * 2 >= lines;
        Axis axis = timed ? byTime : byLine;
        int used = lines == 0 ? 0 : axis.index(timed ? to : lines - 1) + 1;
        List<PatternStats> selected = new ArrayList<>();
        for (PatternStats p : patterns.values()) {
            if (atLeast(p.level, minLevel)) {
                selected.add(p);
            }
        }
        selected.sort(
                Comparator.comparingLong((PatternStats p) -> p.count)
                        .reversed()
                        .thenComparing(p -> p.service)
                        .thenComparing(p -> p.text));
        List<HistoryReport.Pattern> out = new ArrayList<>();
        for (PatternStats p : selected.subList(0, Math.min(top, selected.size()))) {
            long[] counts = timed ? p.byTime : p.byLine;
            out.add(
                    new HistoryReport.Pattern(
                            p.service,
                            p.id,
                            p.text,
                            p.level,
                            p.count,
                            (double) p.count / linesPerService.get(p.service),
                            p.firstSeen == Long.MAX_VALUE ? null : p.firstSeen,
                            p.lastSeen == Long.MIN_VALUE ? null : p.lastSeen,
                            p.firstAt,
                            p.lastAt,
                            Trend.of(counts, used),
                            downsample(counts, used),
                            p.example));
        }
        return new HistoryReport(
                lines,
                timedLines,
                miners.size(),
                patterns.size(),
                timedLines == 0 ? null : from,
                timedLines == 0 ? null : to,
                timed ? "time" : "line",
                out);
    }

    /**
     * The bucket of {@code x} on {@code axis}, widening the axis (and every histogram) as needed.
     */
    private int bucket(Axis axis, long x) {
        if (axis.origin == Long.MIN_VALUE) {
            axis.origin = x;
        }
        while (axis.index(x) >= BUCKETS) {
            axis.width *= 2;
            for (PatternStats p : patterns.values()) {
                halve(axis == byTime ? p.byTime : p.byLine);
            }
        }
        return axis.index(x);
    }

    /** Merges neighbouring buckets pairwise: the histogram of a twice as wide axis. */
    private static void halve(long[] counts) {
        for (int i = 0; i < BUCKETS / 2; i++) {
            counts[i] = counts[2 * i] + counts[2 * i + 1];
        }
        for (int i = BUCKETS / 2; i < BUCKETS; i++) {
            counts[i] = 0;
        }
    }

    /** The first {@code used} buckets summed into at most {@link #REPORT_BUCKETS} columns. */
    static long[] downsample(long[] counts, int used) {
        int columns = Math.min(REPORT_BUCKETS, used);
        long[] out = new long[columns];
        for (int i = 0; i < used; i++) {
            out[(int) ((long) i * columns / used)] += counts[i];
        }
        return out;
    }

    private static boolean atLeast(LogLevel level, LogLevel min) {
        if (min == LogLevel.UNKNOWN) {
            return true;
        }
        return level != LogLevel.UNKNOWN && level.ordinal() >= min.ordinal();
    }

    private static String key(String service, String id) {
        return service + '\u001f' + id;
    }

    /** A growing scale: {@link #BUCKETS} buckets of {@code width} from {@code origin}. */
    private static final class Axis {
        long origin = Long.MIN_VALUE;
        long width = 1;

        int index(long x) {
            long offset = Math.max(0, x - origin);
            return (int) Math.min(Integer.MAX_VALUE, offset / width);
        }
    }

    /** What is known about one template of one service. */
    private static final class PatternStats {
        final String service;
        final String id;
        String text;
        LogLevel level = LogLevel.UNKNOWN;
        long count;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        long firstPosition = Long.MAX_VALUE;
        long lastPosition = Long.MIN_VALUE;
        String firstAt;
        String lastAt;
        String example;
        long[] byTime = new long[BUCKETS];
        long[] byLine = new long[BUCKETS];

        PatternStats(String service, String id) {
            this.service = service;
            this.id = id;
        }

        void observe(LogLevel lineLevel, String content, String where, long position) {
            count++;
            LogLevel merged = LevelInference.mostSevere(level, lineLevel);
            if (example == null || merged != level) {
                example = content;
            }
            level = merged;
            if (position < firstPosition) {
                firstPosition = position;
                firstAt = where;
            }
            if (position > lastPosition) {
                lastPosition = position;
                lastAt = where;
            }
        }

        /** A copy under a new id (the template generalised into a new text). */
        PatternStats renamed(String newId) {
            PatternStats p = new PatternStats(service, newId);
            p.absorb(this);
            return p;
        }

        void absorb(PatternStats other) {
            if (other.firstPosition < firstPosition) {
                firstPosition = other.firstPosition;
                firstAt = other.firstAt;
            }
            if (other.lastPosition > lastPosition) {
                lastPosition = other.lastPosition;
                lastAt = other.lastAt;
            }
            count += other.count;
            firstSeen = Math.min(firstSeen, other.firstSeen);
            lastSeen = Math.max(lastSeen, other.lastSeen);
            LogLevel merged = LevelInference.mostSevere(level, other.level);
            if (example == null || merged != level) {
                example = other.example;
            }
            level = merged;
            for (int i = 0; i < BUCKETS; i++) {
                byTime[i] += other.byTime[i];
                byLine[i] += other.byLine[i];
            }
        }
    }
}
