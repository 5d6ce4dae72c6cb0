package io.forewarn.detect.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import io.forewarn.testutils.Records;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class MetricAggregatorTest {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;

    /** Intervals aligned to the epoch, so that the tests can name their ends. */
    private static final MetricSettings SETTINGS =
            MetricSettings.from(
                    ForewarnConfig.of(
                            Map.of(
                                    "metrics.idle-timeout", "30 min",
                                    "metrics.interval-stagger", "false")));

    private static final MetricSettings STAGGERED =
            MetricSettings.from(ForewarnConfig.of(Map.of("metrics.idle-timeout", "30 min")));

    private static KeyedOneInputStreamOperatorTestHarness<String, MetricSample, SeriesPoint>
            harness() throws Exception {
        return harness(SETTINGS);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, MetricSample, SeriesPoint>
            harness(MetricSettings settings) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new MetricAggregator(settings)),
                        SeriesKeys::series,
                        Types.STRING);
        harness.open();
        return harness;
    }

    private static void sample(
            KeyedOneInputStreamOperatorTestHarness<String, MetricSample, SeriesPoint> h,
            long t,
            String name,
            double value,
            MetricKind kind)
            throws Exception {
        h.processElement(
                new StreamRecord<>(Records.metric(t, name, value, "checkout", "h1", kind), t));
    }

    @Test
    void aggregatesEachFamilyItsWayWhenTheIntervalEnds() throws Exception {
        var h = harness();
        for (int s = 0; s < 60; s += 20) { // three samples in minute 0, three in minute 1
            sample(h, s * SECOND, "node_cpu_utilisation", 0.1 * (s / 20 + 1), MetricKind.UNKNOWN);
            sample(
                    h,
                    s * SECOND,
                    "node_filesystem_used_ratio",
                    0.5 + 0.01 * s / 20,
                    MetricKind.UNKNOWN);
            sample(h, s * SECOND, "http_requests_total", 100 + 2 * s, MetricKind.COUNTER);
            sample(h, MINUTE + s * SECOND, "http_requests_total", 220 + 3 * s, MetricKind.COUNTER);
        }
        h.processWatermark(MINUTE - 1);

        List<SeriesPoint> first = h.extractOutputValues();
        assertThat(first).hasSize(3);
        SeriesPoint cpu = find(first, "node_cpu_utilisation");
        assertThat(cpu.value).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(cpu.family).isEqualTo("gauges");
        assertThat(cpu.timestamp).isEqualTo(MINUTE);
        assertThat(cpu.samples).isEqualTo(3);
        assertThat(cpu.service).isEqualTo("checkout");
        assertThat(cpu.host).isEqualTo("h1");
        assertThat(cpu.series).isEqualTo("node_cpu_utilisation{instance=\"h1:9100\"}");
        assertThat(find(first, "node_filesystem_used_ratio").value).isEqualTo(0.52);
        assertThat(find(first, "http_requests_total").value).isEqualTo(2.0); // 80 in 40 s

        h.getOutput().clear();
        h.processWatermark(2 * MINUTE - 1);
        // from the previous interval's last sample: 180 at 40 s to 340 at 100 s
        assertThat(find(h.extractOutputValues(), "http_requests_total").value)
                .isCloseTo((340 - 180) / 60.0, org.assertj.core.data.Offset.offset(1e-9));
        h.close();
    }

    @Test
    void skippedFamiliesKeepNoStateAndLateSamplesAreDropped() throws Exception {
        var h = harness();
        sample(h, 0, "http_request_duration_seconds_bucket", 3, MetricKind.HISTOGRAM);
        assertThat(h.numKeyedStateEntries()).isZero();

        sample(h, 10 * SECOND, "node_cpu_utilisation", 0.3, MetricKind.UNKNOWN);
        h.processWatermark(MINUTE - 1);
        sample(h, 20 * SECOND, "node_cpu_utilisation", 0.9, MetricKind.UNKNOWN); // interval gone
        h.processWatermark(2 * MINUTE - 1);
        assertThat(h.extractOutputValues()).extracting(p -> p.value).containsExactly(0.3);
        h.close();
    }

    @Test
    void anIdleSeriesLeavesNoStateOrTimers() throws Exception {
        var h = harness();
        for (long t = 0; t < 10 * MINUTE; t += 30 * SECOND) {
            sample(h, t, "node_cpu_utilisation", 0.3, MetricKind.UNKNOWN);
            h.processWatermark(t);
        }
        h.processWatermark(10 * MINUTE);
        assertThat(h.numKeyedStateEntries()).isPositive();
        assertThat(h.extractOutputValues()).hasSize(10);

        h.processWatermark(10 * MINUTE + 30 * MINUTE);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void staggeredIntervalsEndAtTheEntitysOffsetForEverySeriesOfTheEntity() throws Exception {
        MetricAggregator aggregator = new MetricAggregator(STAGGERED);
        long offset = aggregator.offset("checkout", "h1");
        assertThat(offset).isBetween(SECOND, MINUTE - SECOND); // this entity's hash is not 0
        assertThat(offset % SECOND).isZero();
        var h = harness(STAGGERED);
        // a sample just before and one at the offset: two intervals, each series alike
        for (String metric : List.of("node_cpu_utilisation", "node_filesystem_used_ratio")) {
            sample(h, MINUTE + offset - 1, metric, 0.1, MetricKind.UNKNOWN);
            sample(h, MINUTE + offset, metric, 0.3, MetricKind.UNKNOWN);
        }
        h.processWatermark(MINUTE + offset - 1);
        assertThat(h.extractOutputValues())
                .extracting(p -> p.timestamp, p -> p.value)
                .containsExactlyInAnyOrder(
                        tuple(MINUTE + offset, 0.1), tuple(MINUTE + offset, 0.1));
        h.getOutput().clear();
        h.processWatermark(2 * MINUTE + offset - 2);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(2 * MINUTE + offset - 1);
        assertThat(h.extractOutputValues())
                .extracting(p -> p.timestamp, p -> p.value)
                .containsExactlyInAnyOrder(
                        tuple(2 * MINUTE + offset, 0.3), tuple(2 * MINUTE + offset, 0.3));
        h.close();
    }

    @Test
    void staggeringSpreadsAFleetOverTheIntervalAndCanBeTurnedOff() {
        MetricAggregator aggregator = new MetricAggregator(STAGGERED);
        Map<Long, Integer> perSecond = new java.util.HashMap<>();
        for (int i = 0; i < 600; i++) {
            String service = String.format(java.util.Locale.ROOT, "svc-%04d", i);
            perSecond.merge(aggregator.offset(service, service + "-1"), 1, Integer::sum);
        }
        // 600 entities over 60 seconds: 10 per second on average
        assertThat(perSecond).hasSizeGreaterThan(50);
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(30));
        assertThat(new MetricAggregator(SETTINGS).offset("checkout", "h1")).isZero();
    }

    @Test
    void pointsAndStateArePojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SeriesPoint.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SeriesInfo.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(EntityState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(io.forewarn.metrics.SeriesVerdict.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(
                io.forewarn.metrics.IntervalAccumulator.class);
    }

    private static SeriesPoint find(List<SeriesPoint> points, String metric) {
        return points.stream().filter(p -> p.metric.equals(metric)).findFirst().orElseThrow();
    }
}
