package io.forewarn.logs.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.logs.LogMiningSettings;
import io.forewarn.schema.LogLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogHistoryTest {

    private static final long HOUR = 3_600_000;
    private final LogHistory history =
            new LogHistory(LogMiningSettings.from(ForewarnConfig.of(Map.of())));

    @Test
    void ranksErrorPatternsByCountWithFirstAndLastSeen() {
        for (int i = 0; i < 100; i++) {
            history.add("api", i * HOUR, LogLevel.INFO, "request " + i + " served", "a.log:" + i);
            if (i % 10 == 0) {
                history.add(
                        "api",
                        i * HOUR + 1,
                        LogLevel.ERROR,
                        "db timeout after " + i + " ms",
                        "a.log:" + i);
            }
            if (i % 20 == 0) {
                history.add(
                        "api",
                        i * HOUR + 2,
                        LogLevel.UNKNOWN,
                        "payment refused: card " + i,
                        "a.log:" + i);
            }
        }

        HistoryReport report = history.report(10, LogLevel.ERROR);

        assertThat(report.lines()).isEqualTo(115);
        assertThat(report.templates()).isEqualTo(3);
        assertThat(report.axis()).isEqualTo("time");
        assertThat(report.patterns())
                .extracting(HistoryReport.Pattern::template)
                .containsExactly("db timeout after <*>", "payment refused: card <*>");
        HistoryReport.Pattern db = report.patterns().get(0);
        assertThat(db.count()).isEqualTo(10);
        assertThat(db.share()).isEqualTo(10 / 115.0);
        assertThat(db.firstSeen()).isEqualTo(1);
        assertThat(db.lastSeen()).isEqualTo(90 * HOUR + 1);
        assertThat(db.firstAt()).isEqualTo("a.log:0");
        assertThat(db.trend()).isEqualTo("steady");
        assertThat(db.histogram()).hasSize(LogHistory.REPORT_BUCKETS);
        assertThat(db.example()).isEqualTo("db timeout after 0 ms");
        assertThat(report.patterns().get(1).level()).as("inferred").isEqualTo(LogLevel.ERROR);
        assertThat(history.report(10, LogLevel.UNKNOWN).patterns()).hasSize(3);
    }

    @Test
    void trendsShowNewStoppedRisingAndFallingPatterns() {
        for (int h = 0; h < 80; h++) {
            long t = h * HOUR;
            history.add("svc", t, LogLevel.WARN, "steady warning " + h, "x");
            for (int k = 0; k < h / 10; k++) {
                history.add("svc", t, LogLevel.WARN, "rising warning " + k, "x");
            }
            for (int k = 0; k < (80 - h) / 10; k++) {
                history.add("svc", t, LogLevel.WARN, "falling warning " + k, "x");
            }
            if (h >= 70) {
                history.add("svc", t, LogLevel.WARN, "late warning " + h, "x");
            }
            if (h < 20) {
                history.add("svc", t, LogLevel.WARN, "early warning " + h, "x");
            }
        }

        Map<String, String> trends = new java.util.TreeMap<>();
        history.report(10, LogLevel.WARN)
                .patterns()
                .forEach(p -> trends.put(p.template(), p.trend()));

        assertThat(trends)
                .containsEntry("steady warning <*>", "steady")
                .containsEntry("rising warning <*>", "rising")
                .containsEntry("falling warning <*>", "falling")
                .containsEntry("late warning <*>", "new")
                .containsEntry("early warning <*>", "stopped");
    }

    @Test
    void aGeneralisedTemplateKeepsTheCountsOfItsPredecessors() {
        history.add("auth", 1L, LogLevel.WARN, "login failed for alice", "f:1");
        history.add("auth", 2L, LogLevel.WARN, "login failed for bob", "f:2");
        history.add("auth", 3L, LogLevel.WARN, "login failed for carol", "f:3");

        HistoryReport report = history.report(10, LogLevel.WARN);

        assertThat(report.patterns())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.template()).isEqualTo("login failed for <*>");
                            assertThat(p.count()).isEqualTo(3);
                            assertThat(p.firstAt()).isEqualTo("f:1");
                            assertThat(p.lastAt()).isEqualTo("f:3");
                        });
    }

    @Test
    void withoutTimesTheHistogramsSpanLinePositions() {
        for (int i = 0; i < 200; i++) {
            history.add(
                    "svc",
                    null,
                    LogLevel.ERROR,
                    i < 100 ? "disk full on /dev/sd" + i : "ok " + i,
                    "f");
        }

        HistoryReport report = history.report(5, LogLevel.ERROR);

        assertThat(report.axis()).isEqualTo("line");
        assertThat(report.from()).isNull();
        assertThat(report.patterns().get(0).firstSeen()).isNull();
        assertThat(report.patterns())
                .filteredOn(p -> p.template().startsWith("disk"))
                .singleElement()
                .satisfies(p -> assertThat(p.trend()).isEqualTo("stopped"));
    }

    @Test
    void downsamplingSumsBucketsIntoEqualColumns() {
        long[] counts = new long[LogHistory.BUCKETS];
        for (int i = 0; i < 16; i++) {
            counts[i] = i;
        }
        assertThat(LogHistory.downsample(counts, 16)).containsExactly(1, 5, 9, 13, 17, 21, 25, 29);
        assertThat(LogHistory.downsample(counts, 3)).containsExactly(0, 1, 2);
    }
}
