package io.forewarn.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own logic: payload stamping, the sustainability verdict, the growth figures. */
class HarnessLogicTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stampedPayloadsAreTheShippersJsonWithTheNewTime() throws Exception {
        Payloads payloads = new Payloads(3);
        long now = Instant.parse("2026-12-04T10:15:30.120Z").toEpochMilli();
        JsonNode log = JSON.readTree(Payloads.stamped(payloads.log(2, "ERROR", 5), now));
        assertThat(log.path("@timestamp").asText()).isEqualTo("2026-12-04T10:15:30.120Z");
        assertThat(log.path("log.level").asText()).isEqualTo("error");
        assertThat(log.path("service.name").asText()).isEqualTo("svc-0002");
        JsonNode metric = JSON.readTree(Payloads.stamped(payloads.series(1, 5), now));
        assertThat(metric.path("timestamp").asText()).isEqualTo("2026-12-04T10:15:30.120Z");
        assertThat(metric.at("/labels/service").asText()).isEqualTo("svc-0001");
        assertThat(metric.at("/labels/instance").asText()).isEqualTo("svc-0001-2:9100");
        java.util.Set<String> series = new java.util.HashSet<>();
        for (int i = 0; i < Payloads.SERIES; i++) {
            JsonNode m = JSON.readTree(Payloads.stamped(payloads.series(1, i), now));
            series.add(m.path("name").asText() + m.at("/labels/instance").asText());
        }
        assertThat(series).as("every series of a service is a different one").hasSize(6);
    }

    private static List<long[]> lag(long... values) {
        List<long[]> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new long[] {5L * (i + 1), values[i]});
        }
        return samples;
    }

    @Test
    void aSawToothOfOneCheckpointIsSustainableAGrowingLagIsNot() {
        Trial bounded =
                ThroughputSearch.judge(
                        JobKind.PIPELINE,
                        1000,
                        1000,
                        lag(9000, 2000, 9000, 3000, 9500, 1000, 9000, 2000, 9200),
                        true);
        assertThat(bounded.sustainable()).as(bounded.verdict()).isTrue();
        Trial growing =
                ThroughputSearch.judge(
                        JobKind.PIPELINE,
                        1000,
                        1000,
                        lag(9000, 14000, 19000, 24000, 29000, 34000, 39000, 44000, 49000),
                        true);
        assertThat(growing.sustainable()).isFalse();
        Trial slowGenerator =
                ThroughputSearch.judge(
                        JobKind.SOURCE_ONLY, 1000, 800, lag(1, 1, 1, 1, 1, 1, 1), true);
        assertThat(slowGenerator.sustainable()).isFalse();
        assertThat(slowGenerator.producerLimited()).isTrue();
        // The generator fell short because the job, falling behind, took the cores: not a bound.
        Trial starvedAndBehind =
                ThroughputSearch.judge(
                        JobKind.PIPELINE,
                        1000,
                        800,
                        lag(9000, 14000, 19000, 24000, 29000, 34000, 39000, 44000, 49000),
                        true);
        assertThat(starvedAndBehind.sustainable()).isFalse();
        assertThat(starvedAndBehind.producerLimited()).isFalse();
        assertThat(
                        ThroughputSearch.judge(
                                        JobKind.PIPELINE, 1000, 1000, lag(1, 1, 1, 1, 1, 1), false)
                                .sustainable())
                .isFalse();
    }

    @Test
    void growthComparesTheHalvesAfterTheWarmup() {
        List<long[]> flat = new ArrayList<>();
        List<long[]> rising = new ArrayList<>();
        for (long s = 0; s < 600; s += 10) {
            flat.add(new long[] {s, s < 120 ? s * 1000 : 100_000 + (s % 20)});
            rising.add(new long[] {s, 100_000 + s * 500});
        }
        Growth f = Growth.of(flat, 120);
        assertThat(f.grows()).isFalse();
        assertThat(f.slopePerMinute()).isCloseTo(0, org.assertj.core.data.Offset.offset(5.0));
        Growth r = Growth.of(rising, 120);
        assertThat(r.grows()).isTrue();
        assertThat(r.slopePerMinute()).isCloseTo(30_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(
                        Growth.minutelyFloor(
                                List.of(new long[] {0, 5}, new long[] {30, 3}, new long[] {61, 9})))
                .containsExactly(new long[] {0, 3}, new long[] {60, 9});
    }

    /** A job that keeps up with anything up to {@code capacity} records/s. */
    private static ThroughputSearch.TrialRunner capacity(double capacity, List<Double> tried) {
        return rate -> {
            tried.add(rate);
            boolean ok = rate <= capacity;
            return new Trial(
                    JobKind.PIPELINE, rate, rate, 180, List.of(), ok, ok, ok ? "ok" : "lag");
        };
    }

    @Test
    void theSearchDoublesUntilATrialFailsThenNarrows() throws Exception {
        List<Double> tried = new ArrayList<>();
        ThroughputSearch.Result r =
                ThroughputSearch.search(
                        JobKind.PIPELINE, 1000, 250, 400_000, 2, capacity(5000, tried));

        assertThat(tried).startsWith(1000.0, 2000.0, 4000.0, 8000.0).hasSize(6);
        assertThat(r.sustainableRate()).isBetween(4000.0, 5000.0);
    }

    @Test
    void aJobFallingBehindWhileTheGeneratorFallsShortIsNarrowedNotTakenAsABound() throws Exception {
        List<Double> tried = new ArrayList<>();
        ThroughputSearch.TrialRunner runner =
                rate -> {
                    tried.add(rate);
                    boolean ok = rate <= 90_000;
                    // Above 100,000 records/s the generator gets no more than 95% of its rate.
                    double sent = rate > 100_000 ? 0.95 * rate : rate;
                    return new Trial(JobKind.PIPELINE, rate, sent, 180, List.of(), ok, ok, "lag");
                };
        ThroughputSearch.Result r =
                ThroughputSearch.search(JobKind.PIPELINE, 8000, 250, 400_000, 2, runner);

        assertThat(tried).startsWith(8000.0, 16_000.0, 32_000.0, 64_000.0, 128_000.0).hasSize(7);
        assertThat(r.producerLimited()).isFalse();
        assertThat(r.sustainableRate()).isBetween(64_000.0, 90_000.0);
    }

    @Test
    void theSearchTriesItsHighestRateBeforeDoublingPastIt() throws Exception {
        List<Double> tried = new ArrayList<>();
        ThroughputSearch.Result r =
                ThroughputSearch.search(
                        JobKind.SOURCE_ONLY, 64_000, 250, 400_000, 2, capacity(300_000, tried));

        assertThat(tried).startsWith(64_000.0, 128_000.0, 256_000.0, 400_000.0).hasSize(6);
        assertThat(r.sustainableRate()).isBetween(256_000.0, 300_000.0);
        assertThat(r.lowerBound()).isFalse();
    }

    @Test
    void aJobKeepingUpWithTheHighestRateIsALowerBound() throws Exception {
        List<Double> tried = new ArrayList<>();
        ThroughputSearch.Result r =
                ThroughputSearch.search(
                        JobKind.SOURCE_ONLY, 64_000, 250, 400_000, 2, capacity(1e9, tried));

        assertThat(tried).containsExactly(64_000.0, 128_000.0, 256_000.0, 400_000.0);
        assertThat(r.sustainableRate()).isEqualTo(400_000.0);
        assertThat(r.atMaxRate()).isTrue();
        assertThat(r.lowerBound()).isTrue();
    }

    @Test
    void theSearchGoesDownWhenTheStartRateAlreadyFails() throws Exception {
        List<Double> tried = new ArrayList<>();
        ThroughputSearch.Result r =
                ThroughputSearch.search(
                        JobKind.PIPELINE, 8000, 250, 400_000, 1, capacity(3000, tried));

        assertThat(tried).startsWith(8000.0, 4000.0, 2000.0).hasSize(4);
        assertThat(r.sustainableRate()).isBetween(2000.0, 3000.0);
    }

    @Test
    void theSearchStopsAtTheLowestRateAndReportsNone() throws Exception {
        List<Double> tried = new ArrayList<>();
        ThroughputSearch.Result r =
                ThroughputSearch.search(
                        JobKind.PIPELINE, 1000, 250, 400_000, 2, capacity(100, tried));

        assertThat(tried).containsExactly(1000.0, 500.0, 250.0);
        assertThat(r.sustainableRate()).isZero();
    }

    @Test
    void metricSamplesFollowTheScrapeIntervalNotTheRate() {
        double perScrape = 500 * Payloads.SERIES / 10.0;
        assertThat(LoadGenerator.metricRate(500, 8_000)).isEqualTo(perScrape);
        assertThat(LoadGenerator.metricRate(500, 100_000)).isEqualTo(perScrape);
        assertThat(LoadGenerator.metricRate(500, 400)).isEqualTo(200);
    }

    @Test
    void checkpointsOfTheRestHistoryAreListedWithTheirTriggerTimes(@TempDir Path dir)
            throws Exception {
        JsonNode root =
                JSON.readTree(
                        """
                        {"counts": {"completed": 2, "failed": 1},
                         "history": [
                          {"id": 7, "status": "IN_PROGRESS", "trigger_timestamp": 1700000070000},
                          {"id": 6, "status": "FAILED", "trigger_timestamp": 1700000060000},
                          {"id": 5, "status": "COMPLETED", "trigger_timestamp": 1700000050000,
                           "end_to_end_duration": 812, "state_size": 1048576}]}
                        """);
        List<CheckpointStats.Completed> completed = CheckpointStats.completedHistory(root);
        assertThat(completed)
                .containsExactly(new CheckpointStats.Completed(5, 1700000050000L, 812, 1048576));
        Path csv = dir.resolve("checkpoints.csv");
        SteadyRun.writeCheckpoints(csv, completed);
        assertThat(Files.readAllLines(csv))
                .containsExactly(
                        "id,trigger_ms,duration_ms,state_size", "5,1700000050000,812,1048576");
    }

    @Test
    void writesEveryCollectionWithItsDuration(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("gc.csv");
        SteadyRun.writeCollections(
                csv,
                List.of(
                        new HeapAfterGc.Sample(
                                1700000050000L,
                                3_900_000_000L,
                                "G1 Young Generation",
                                "end of minor GC",
                                "G1 Evacuation Pause",
                                31),
                        new HeapAfterGc.Sample(
                                1700000051000L,
                                3_800_000_000L,
                                "G1 Concurrent GC",
                                "end of GC pause",
                                "a cause, with a comma",
                                12)));
        assertThat(Files.readAllLines(csv))
                .containsExactly(
                        "end_ms,collector,action,cause,duration_ms,heap_after_bytes",
                        "1700000050000,G1 Young Generation,end of minor GC,G1 Evacuation Pause,31,"
                                + "3900000000",
                        "1700000051000,G1 Concurrent GC,end of GC pause,\"a cause, with a comma\","
                                + "12,3800000000");
    }

    @Test
    void liveHeapGrowthIsFromTheFirstToTheLastHistogram() {
        Growth g = Growth.between(List.of(new long[] {120, 1_000}, new long[] {600, 1_250}));
        assertThat(g.growth()).isEqualTo(0.25);
        assertThat(g.grows()).isTrue();
        assertThat(g.slopePerMinute()).isEqualTo(250 / 8.0);
        assertThat(Growth.between(List.of(new long[] {120, 1_000}))).isNull();
    }

    @Test
    void classHistogramsAreParsedAndComparedByClass() {
        String before =
                """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        100000       40000000  [B (java.base@17.0.12)
                   2:          5000        2000000  [F (java.base@17.0.12)
                   3:            10            480  io.forewarn.Gone
                Total        105010       42000480
                """;
        String after =
                """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        200000       80000000  [B (java.base@17.0.12)
                   2:          5000        2000000  [F (java.base@17.0.12)
                   3:             7            336  io.forewarn.New
                Total        205007       82000336
                """;
        LiveHeap a = LiveHeap.parse(before);
        LiveHeap b = LiveHeap.parse(after);
        assertThat(a.totalBytes()).isEqualTo(42_000_480L);
        assertThat(b.bytes("[B (java.base@17.0.12)")).isEqualTo(80_000_000L);
        assertThat(b.instances("[B (java.base@17.0.12)")).isEqualTo(200_000L);
        List<String> lines = b.growthSince(a, 3).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("    +40,000,000 B").endsWith("[B (java.base@17.0.12)");
        assertThat(lines.get(1)).contains("-480 B").endsWith("io.forewarn.Gone");
        assertThat(lines.get(2)).contains("+336 B").endsWith("io.forewarn.New");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveHeap.parse("no histogram"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Total");
    }

    @Test
    void theLiveHeapOfThisJvmHoldsWhatIsReachable() {
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 20];
        }
        LiveHeap heap = LiveHeap.take();
        assertThat(heap.totalBytes()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(heap.classes().keySet()).anyMatch(c -> c.startsWith("[B "));
        assertThat(
                        heap.bytes(
                                heap.classes().keySet().stream()
                                        .filter(c -> c.startsWith("[B "))
                                        .findFirst()
                                        .orElseThrow()))
                .isGreaterThanOrEqualTo(64L << 20);
        assertThat(held[63]).hasSize(1 << 20);
    }
}
