package io.forewarn.detect.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.config.ConfigException;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.Descriptors;
import io.forewarn.detect.FailureTypes;
import io.forewarn.detect.SignalKinds;
import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.schema.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SeriesModelOperatorTest {

    private static final long MINUTE = 60_000;
    private static final long START = 1_767_225_600_000L; // midnight UTC
    private static final int MAX_PARALLELISM = 128;
    private static final int MINUTES = 720;
    private static final int CUT = 410;

    private static MetricSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("metrics.idle-timeout", "2 h");
        values.put("metrics.anomaly.detector", "warmupPoints:120");
        values.putAll(overrides);
        return MetricSettings.from(ForewarnConfig.of(values));
    }

    private static final MetricSettings SETTINGS = settings(Map.of());

    /** Output of a harness: verdicts and forecast signals, in order. */
    record Output(List<SeriesVerdict> verdicts, List<Signal> forecasts) {
        static Output empty() {
            return new Output(new ArrayList<>(), new ArrayList<>());
        }

        void drain(KeyedOneInputStreamOperatorTestHarness<String, SeriesPoint, SeriesVerdict> h) {
            verdicts.addAll(h.extractOutputValues());
            h.getOutput().clear();
            var side = h.getSideOutput(Descriptors.METRIC_FORECASTS);
            if (side != null) {
                side.forEach(r -> forecasts.add(r.getValue()));
                side.clear();
            }
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SeriesPoint, SeriesVerdict>
            harness(MetricSettings settings, int parallelism, int subtask) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new SeriesModelOperator(settings),
                new MetricsStage.PointSeries(),
                Types.STRING,
                MAX_PARALLELISM,
                parallelism,
                subtask);
    }

    /** Three series of one host: a CPU gauge with a spike, a latency, a filling disk. */
    private static List<SeriesPoint> minute(int m) {
        Random random = new Random(m);
        double day = Math.sin(2 * Math.PI * m / 1440.0);
        List<SeriesPoint> points = new ArrayList<>();
        points.add(
                point(
                        "node_cpu_utilisation",
                        "gauges",
                        m,
                        0.4 + 0.1 * day + 0.01 * random.nextGaussian() + (m == 600 ? 0.5 : 0)));
        points.add(
                point(
                        "http_request_duration_p99_seconds",
                        "latency",
                        m,
                        0.2 + 0.02 * day + 0.005 * random.nextGaussian()));
        points.add(
                point(
                        "node_filesystem_used_ratio",
                        "disk",
                        m,
                        0.5 + 0.01 * m / 60.0 + 0.002 * random.nextGaussian()));
        return points;
    }

    static SeriesPoint point(String metric, String family, int m, double value) {
        SeriesPoint p = new SeriesPoint();
        p.series = metric + "{instance=\"h1:9100\"}";
        p.metric = metric;
        p.family = family;
        p.service = "checkout";
        p.host = "h1";
        p.timestamp = START + (m + 1) * MINUTE;
        p.value = value;
        p.samples = 2;
        return p;
    }

    private static void run(
            KeyedOneInputStreamOperatorTestHarness<String, SeriesPoint, SeriesVerdict> h,
            int from,
            int to,
            Output out)
            throws Exception {
        for (int m = from; m < to; m++) {
            for (SeriesPoint p : minute(m)) {
                h.processElement(new StreamRecord<>(p, p.timestamp - 1));
            }
            h.processWatermark(START + (m + 1) * MINUTE - 1);
            out.drain(h);
        }
    }

    private static Output uninterrupted(MetricSettings settings) throws Exception {
        var h = harness(settings, 1, 0);
        h.open();
        Output out = Output.empty();
        run(h, 0, MINUTES, out);
        h.close();
        return out;
    }

    /** Runs one instance up to {@link #CUT} into {@code out} and returns its snapshot there. */
    private static OperatorSubtaskState snapshotAtTheCut(MetricSettings settings, Output out)
            throws Exception {
        var before = harness(settings, 1, 0);
        before.open();
        run(before, 0, CUT, out);
        OperatorSubtaskState snapshot = before.snapshot(1, START + CUT * MINUTE);
        before.close();
        return snapshot;
    }

    /** Output of a run snapshotted at {@link #CUT} and continued by a restored operator. */
    private static Output restoredAtTheCut(MetricSettings settings) throws Exception {
        Output actual = Output.empty();
        OperatorSubtaskState snapshot = snapshotAtTheCut(settings, actual);

        var after = harness(settings, 1, 0);
        after.initializeState(snapshot);
        after.open();
        run(after, CUT, MINUTES, actual);
        after.close();
        return actual;
    }

    private static void assertSameOutput(Output actual, Output expected) {
        assertThat(actual.verdicts())
                .extracting(SeriesModelOperatorTest::render)
                .containsExactlyElementsOf(
                        expected.verdicts().stream().map(SeriesModelOperatorTest::render).toList());
        assertThat(actual.forecasts()).containsExactlyElementsOf(expected.forecasts());
    }

    /** Every field, doubles exactly (NaN included). */
    static String render(SeriesVerdict v) {
        return String.join(
                "|",
                v.series,
                v.metric,
                v.family,
                v.service,
                v.host,
                Long.toString(v.timestamp),
                Double.toString(v.value),
                Double.toString(v.expected),
                Double.toString(v.lower),
                Double.toString(v.upper),
                Double.toString(v.grade),
                Double.toString(v.anomalyScore),
                Double.toString(v.confidence),
                Boolean.toString(v.warm));
    }

    /** Checkpoints less frequent than intervals: models are written when a checkpoint comes. */
    private static final MetricSettings RARE_CHECKPOINTS =
            settings(Map.of("checkpoint.interval", "5 min"));

    @Test
    void snapshotAndRestoreInTheMiddleGiveTheSameScores() throws Exception {
        Output expected = uninterrupted(SETTINGS);
        assertThat(expected.verdicts()).hasSize(3 * MINUTES);
        assertThat(expected.verdicts().stream().filter(v -> v.anomalyScore >= 0.5))
                .as("the CPU spike is an onset")
                .anyMatch(v -> v.metric.equals("node_cpu_utilisation"));
        assertThat(expected.forecasts()).isNotEmpty();

        assertThat(SETTINGS.writeThrough()).isTrue();
        assertThat(RARE_CHECKPOINTS.writeThrough()).isFalse();
        for (MetricSettings settings : List.of(SETTINGS, RARE_CHECKPOINTS)) {
            assertSameOutput(restoredAtTheCut(settings), expected);
        }
    }

    @Test
    void modelsAreWrittenAfterEachPointOnlyWhenCheckpointsAreAtLeastAsFrequentAsIntervals()
            throws Exception {
        var writeThrough = harness(SETTINGS, 1, 0);
        writeThrough.open();
        run(writeThrough, 0, 1, Output.empty());
        assertThat(writeThrough.numKeyedStateEntries()).isEqualTo(3);
        writeThrough.close();

        var atCheckpoints = harness(RARE_CHECKPOINTS, 1, 0);
        atCheckpoints.open();
        run(atCheckpoints, 0, 1, Output.empty());
        assertThat(atCheckpoints.numKeyedStateEntries()).isZero();
        atCheckpoints.snapshot(1, START + MINUTE);
        assertThat(atCheckpoints.numKeyedStateEntries()).isEqualTo(3);
        atCheckpoints.close();
    }

    @Test
    void modelsCachingAQuarterOfTheirBoundingBoxesGiveTheSameOutput() throws Exception {
        MetricSettings quarter = settings(Map.of("metrics.model-box-cache", "0.25"));
        assertThat(quarter.spec(quarter.families().named("gauges"), quarter.detector()))
                .extracting(ModelSpec::boundingBoxCacheFraction)
                .isEqualTo(0.25);
        assertSameOutput(uninterrupted(quarter), uninterrupted(SETTINGS));
        assertThatThrownBy(() -> settings(Map.of("metrics.model-box-cache", "1.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.model-box-cache must be between 0 and 1");
    }

    @Test
    void aModelCacheOfOneSpillsAndReloadsWithoutChangingAnything() throws Exception {
        Output expected = uninterrupted(SETTINGS);
        MetricSettings tiny = settings(Map.of("metrics.model-cache", "1"));

        assertSameOutput(restoredAtTheCut(tiny), expected);
    }

    @Test
    void aFullModelCacheKeepsItsModelsInsteadOfReloadingEverySeriesEachInterval() throws Exception {
        // three series, one point each per minute, two places: replacing the least recently used
        // model would reload all three every minute (90 loads in 30 minutes); the cache keeps two
        // and reloads the third only
        MetricSettings two = settings(Map.of("metrics.model-cache", "2"));
        SeriesModelOperator operator = new SeriesModelOperator(two);
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator, new MetricsStage.PointSeries(), Types.STRING);
        h.open();
        Output out = Output.empty();
        run(h, 0, 30, out);
        assertThat(operator.modelLoads()).isEqualTo(29);

        // only a fourth series from now on: after two quiet intervals the stale models give way
        for (int m = 30; m < 40; m++) {
            SeriesPoint p = point("node_filefd_allocated", "gauges", m, 100 + m);
            h.processElement(new StreamRecord<>(p, p.timestamp - 1));
            h.processWatermark(p.timestamp);
        }
        assertThat(operator.modelLoads()).isEqualTo(29 + 1);
        h.close();

        Output expected = Output.empty();
        var reference = harness(SETTINGS, 1, 0);
        reference.open();
        run(reference, 0, 30, expected);
        reference.close();
        assertSameOutput(out, expected);
    }

    @Test
    void rescalingFromOneToTwoInstancesKeepsEveryModel() throws Exception {
        Output expected = uninterrupted(SETTINGS);

        Output actual = Output.empty();
        OperatorSubtaskState snapshot = snapshotAtTheCut(SETTINGS, actual);

        List<KeyedOneInputStreamOperatorTestHarness<String, SeriesPoint, SeriesVerdict>> halves =
                new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            var h = harness(SETTINGS, 2, subtask);
            h.initializeState(
                    AbstractStreamOperatorTestHarness.repartitionOperatorState(
                            snapshot, MAX_PARALLELISM, 1, 2, subtask));
            h.open();
            halves.add(h);
        }
        for (int m = CUT; m < MINUTES; m++) {
            for (SeriesPoint p : minute(m)) {
                int owner =
                        KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                p.series, MAX_PARALLELISM, 2);
                halves.get(owner).processElement(new StreamRecord<>(p, p.timestamp - 1));
            }
            for (var h : halves) {
                h.processWatermark(START + (m + 1) * MINUTE - 1);
                actual.drain(h);
            }
        }
        for (var h : halves) {
            h.close();
        }

        assertThat(actual.verdicts())
                .extracting(SeriesModelOperatorTest::render)
                .containsExactlyInAnyOrderElementsOf(
                        expected.verdicts().stream().map(SeriesModelOperatorTest::render).toList());
        assertThat(actual.forecasts()).containsExactlyInAnyOrderElementsOf(expected.forecasts());
    }

    @Test
    void aFillingDiskIsForecastAndResolvedAfterACleanup() throws Exception {
        var h = harness(SETTINGS, 1, 0);
        h.open();
        Output out = Output.empty();
        run(h, 0, MINUTES, out);
        List<Signal> raised = out.forecasts();
        Signal first = raised.get(0);
        assertThat(first.getKind()).isEqualTo(SignalKinds.BREACH_FORECAST);
        assertThat(first.getFailureType()).isEqualTo(FailureTypes.DISK_FULL);
        assertThat(first.getHost()).isEqualTo("h1");
        assertThat(first.getForecast().getStatus()).isEqualTo("expected");
        assertThat(first.getForecast().getThreshold()).isEqualTo(0.95);
        // 0.5 + 1%/h reaches 0.95 at hour 45
        assertThat(first.getForecast().getBreachAt() - START)
                .isBetween(43 * 60 * MINUTE, 47 * 60 * MINUTE);
        assertThat(first.getTimeToImpact().getLowerMillis())
                .isLessThanOrEqualTo(first.getTimeToImpact().getExpectedMillis());
        assertThat(first.getProbability()).isGreaterThan(0.9);
        assertThat(first.getEvidence().get(0).getSummary()).contains("above 0.95 expected in");

        // the disk is cleaned up to 30% and stays there
        for (int m = MINUTES; m < MINUTES + 120; m++) {
            SeriesPoint p = point("node_filesystem_used_ratio", "disk", m, 0.3);
            h.processElement(new StreamRecord<>(p, p.timestamp - 1));
            h.processWatermark(p.timestamp - 1);
        }
        out.drain(h);
        Signal last = out.forecasts().get(out.forecasts().size() - 1);
        assertThat(last.getKind()).isEqualTo(SignalKinds.RESOLVED);
        assertThat(last.getFailureType()).isEqualTo(FailureTypes.DISK_FULL);
        assertThat(last.getForecast().getStatus()).isEqualTo("cleared");
        h.close();
    }

    @Test
    void idleSeriesAreEvictedLeavingNoStateOrTimers() throws Exception {
        var h = harness(SETTINGS, 1, 0);
        h.open();
        run(h, 0, 30, Output.empty());
        h.snapshot(1, START + 30 * MINUTE); // writes the models to keyed state
        assertThat(h.numKeyedStateEntries()).isEqualTo(3);
        assertThat(h.numEventTimeTimers()).isEqualTo(3);

        h.processWatermark(START + 30 * MINUTE + 2 * 60 * MINUTE + 1);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void seriesBeyondTheLimitAreNotModelledUntilOthersLeave() throws Exception {
        var h = harness(settings(Map.of("metrics.max-series", "2")), 1, 0);
        h.open();
        Output out = Output.empty();
        run(h, 0, 5, out);
        assertThat(out.verdicts())
                .extracting(v -> v.metric)
                .doesNotContain("node_filesystem_used_ratio");

        h.processWatermark(START + 5 * MINUTE + 2 * 60 * MINUTE + 1); // both evicted
        SeriesPoint disk = point("node_filesystem_used_ratio", "disk", 200, 0.5);
        h.processElement(new StreamRecord<>(disk, disk.timestamp - 1));
        assertThat(h.extractOutputValues())
                .extracting(v -> v.metric)
                .contains("node_filesystem_used_ratio");
        h.close();
    }
}
