package io.forewarn.detect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.FailureTypes;
import io.forewarn.detect.SignalKinds;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.schema.MetricContribution;
import io.forewarn.schema.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EntityAnomalyFunctionTest {

    private static final long MINUTE = 60_000;
    private static final String LATENCY = "http_request_duration_p99_seconds";
    private static final String CPU = "node_cpu_utilisation";

    private static final MetricSettings SETTINGS =
            MetricSettings.from(
                    ForewarnConfig.of(
                            Map.of(
                                    "metrics.idle-timeout", "1 h",
                                    "metrics.anomaly.quiet-intervals", "3",
                                    "metrics.anomaly.update-interval", "10 min")));

    private KeyedOneInputStreamOperatorTestHarness<String, SeriesVerdict, Signal> harness;

    private KeyedOneInputStreamOperatorTestHarness<String, SeriesVerdict, Signal> open()
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new EntityAnomalyFunction(SETTINGS)),
                        new MetricsStage.VerdictEntity(),
                        Types.STRING);
        harness.open();
        return harness;
    }

    private static SeriesVerdict verdict(
            String metric,
            String family,
            int minute,
            double value,
            double grade,
            double confidence) {
        SeriesVerdict v = new SeriesVerdict();
        v.series = metric + "{instance=\"h1:9100\"}";
        v.metric = metric;
        v.family = family;
        v.service = "checkout";
        v.host = "h1";
        v.timestamp = (minute + 1) * MINUTE;
        v.value = value;
        v.expected = 1;
        v.lower = 0.9;
        v.upper = 1.1;
        v.grade = grade;
        v.anomalyScore = grade >= 0.5 ? grade : 0.49 * grade;
        v.confidence = confidence;
        v.warm = confidence >= 1;
        return v;
    }

    /** One interval: latency and CPU with the given grades; returns the signals it produced. */
    private List<Signal> minute(int m, double latencyGrade, double cpuGrade, double confidence)
            throws Exception {
        for (SeriesVerdict v :
                List.of(
                        verdict(LATENCY, "latency", m, 1 + latencyGrade, latencyGrade, confidence),
                        verdict(CPU, "gauges", m, 1 + cpuGrade, cpuGrade, confidence))) {
            harness.processElement(new StreamRecord<>(v, v.timestamp - 1));
        }
        harness.processWatermark((m + 1) * MINUTE - 1);
        List<Signal> out = new ArrayList<>(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    @Test
    void anEpisodeIsSignalledWithItsDriversThenResolved() throws Exception {
        open();
        for (int m = 0; m < 10; m++) {
            assertThat(minute(m, 0.1, 0.2, 1)).isEmpty();
        }
        assertThat(minute(10, 0.8, 0.6, 1))
                .as("an anomaly below the prediction grade is a signal for rules")
                .singleElement()
                .satisfies(weak -> assertThat(weak.getFailureType()).isNull());
        for (int m = 11; m < 16; m++) {
            minute(m, 0.1, 0.1, 1);
        }
        List<Signal> onset = minute(16, 0.95, 0.6, 1);
        assertThat(onset).hasSize(1);
        Signal s = onset.get(0);
        assertThat(s.getKind()).isEqualTo(SignalKinds.ANOMALY);
        assertThat(s.getSource()).isEqualTo(MetricSignals.ANOMALY_SOURCE);
        assertThat(s.getService()).isEqualTo("checkout");
        assertThat(s.getHost()).isEqualTo("h1");
        assertThat(s.getTimestamp()).isEqualTo(17 * MINUTE);
        assertThat(s.getFailureType()).isEqualTo(FailureTypes.SLO_BREACH);
        assertThat(s.getProbability()).isBetween(0.5, 0.9);
        assertThat(s.getScore())
                .isCloseTo(1 - 0.05 * 0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.getAnomaly().getAnomalousSeries()).isEqualTo(2);
        assertThat(s.getAnomaly().getConfidence()).isEqualTo(1.0);
        assertThat(s.getAnomaly().getContributors())
                .extracting(MetricContribution::getMetric)
                .containsExactly(LATENCY, CPU);
        assertThat(s.getAnomaly().getContributors().get(0).getShare()).isGreaterThan(0.9);
        assertThat(s.getAnomaly().getContributors().get(0).getExpected()).isEqualTo(1.0);
        assertThat(s.getAttributes())
                .containsEntry("metric", LATENCY)
                .containsEntry("drivers", LATENCY + "," + CPU)
                .containsEntry("direction", "high");
        assertThat(s.getEvidence()).hasSize(2);
        assertThat(s.getEvidence().get(0).getSummary()).contains(LATENCY).contains("expected 1");

        assertThat(minute(17, 0.95, 0.6, 1)).as("same episode, nothing new").isEmpty();
        List<Signal> cpuLeads = minute(18, 0.6, 0.9, 1);
        assertThat(cpuLeads).as("another series leads").hasSize(1);
        assertThat(cpuLeads.get(0).getAttributes()).containsEntry("metric", CPU);
        for (int m = 19; m < 28; m++) {
            assertThat(minute(m, 0.6, 0.9, 1)).isEmpty();
        }
        assertThat(minute(28, 0.6, 0.9, 1)).as("ten minutes later, a reminder").hasSize(1);

        assertThat(minute(29, 0.1, 0.1, 1)).isEmpty();
        assertThat(minute(30, 0.1, 0.1, 1)).isEmpty();
        List<Signal> end = minute(31, 0.1, 0.1, 1);
        assertThat(end).hasSize(1);
        assertThat(end.get(0).getKind()).isEqualTo(SignalKinds.RESOLVED);
        assertThat(end.get(0).getFailureType()).isEqualTo(FailureTypes.SLO_BREACH);
        harness.close();
    }

    @Test
    void unconfidentOrRuleOnlyAnomaliesPredictNothing() throws Exception {
        open();
        List<Signal> cold = minute(0, 0.0, 0.0, 0.5);
        assertThat(cold).isEmpty();

        List<Signal> cpuOnly = minute(1, 0.1, 0.9, 1);
        assertThat(cpuOnly).hasSize(1);
        assertThat(cpuOnly.get(0).getFailureType()).as("CPU anomalies are for rules").isNull();
        assertThat(cpuOnly.get(0).getProbability()).isNull();
        for (int m = 2; m < 5; m++) {
            assertThat(minute(m, 0.1, 0.1, 1)).as("no prediction to resolve").isEmpty();
        }
        harness.close();
    }

    @Test
    void anIdleEntityLeavesNoStateOrTimers() throws Exception {
        open();
        minute(0, 0.1, 0.1, 1);
        minute(1, 0.95, 0.1, 1);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(2 * MINUTE + 60 * MINUTE);
        List<Signal> out = harness.extractOutputValues();
        assertThat(out).extracting(Signal::getKind).containsExactly(SignalKinds.RESOLVED);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }
}
