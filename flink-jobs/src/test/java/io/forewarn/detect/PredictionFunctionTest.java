package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Signal;
import io.forewarn.testutils.Records;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class PredictionFunctionTest {

    private static final long MINUTE = 60_000;
    private static final PredictionSettings SETTINGS =
            new PredictionSettings(Duration.ofMinutes(30), 10);

    private static KeyedOneInputStreamOperatorTestHarness<String, Signal, Prediction> harness()
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PredictionFunction(SETTINGS)),
                        PredictionFunction::key,
                        Types.STRING);
        harness.open();
        return harness;
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, Signal, Prediction> h, Signal s)
            throws Exception {
        h.processElement(new StreamRecord<>(s, s.getTimestamp()));
    }

    @Test
    void signalsOpenThenUpdateOnePredictionCombiningIndependentProducers() throws Exception {
        var h = harness();
        send(h, Records.signal(10 * MINUTE, "checkout", "oom", "heap", 0.6));
        send(h, Records.signal(11 * MINUTE, "checkout", "oom", "heap", 0.6));
        send(h, Records.signal(12 * MINUTE, "checkout", "oom", "gc-rule", 0.5));

        List<Prediction> out = h.extractOutputValues();
        assertThat(out)
                .extracting(Prediction::getStatus)
                .containsExactly(
                        PredictionStatus.OPEN, PredictionStatus.UPDATED, PredictionStatus.UPDATED);
        assertThat(out)
                .extracting(Prediction::getPredictionId)
                .containsOnly(out.get(0).getPredictionId());
        assertThat(out.get(0).getProbability()).isCloseTo(0.6, within(1e-9));
        assertThat(out.get(1).getProbability())
                .as("a repeat of the same producer")
                .isCloseTo(0.6, within(1e-9));
        assertThat(out.get(2).getProbability())
                .as("noisy-OR")
                .isCloseTo(1 - 0.4 * 0.5, within(1e-9));
        Prediction last = out.get(2);
        assertThat(last.getRankScore()).isCloseTo(0.8 * 0.75, within(1e-9));
        assertThat(last.getFirstSeen()).isEqualTo(10 * MINUTE);
        assertThat(last.getLastSeen()).isEqualTo(12 * MINUTE);
        assertThat(last.getSignalCount()).isEqualTo(3);
        assertThat(last.getProducers())
                .extracting(p -> p.getId())
                .containsExactly("heap", "gc-rule");
        assertThat(last.getRecommendedActions())
                .extracting(a -> a.getTitle())
                .containsExactly("Act on heap", "Act on gc-rule");
        assertThat(last.getTimeToImpact().getExpectedMillis())
                .as("the earliest expected impact: heap at 11 + 10 min, seen from 12")
                .isEqualTo(9 * MINUTE);
        assertThat(last.getSummary()).startsWith("oom likely on checkout");
    }

    @Test
    void entitiesAndFailureTypesAreSeparatePredictions() throws Exception {
        var h = harness();
        send(h, Records.signal(MINUTE, "checkout", "oom", "heap", 0.6));
        send(h, Records.signal(MINUTE, "checkout", "disk-full", "disk", 0.6));
        send(h, Records.signal(MINUTE, "search", "oom", "heap", 0.6));
        assertThat(h.extractOutputValues())
                .extracting(Prediction::getPredictionId)
                .doesNotHaveDuplicates();
    }

    @Test
    void aResolvedSignalClosesThePredictionAndClearsItsState() throws Exception {
        var h = harness();
        send(h, Records.signal(MINUTE, "checkout", "error-spike", "error-rate", 0.7));
        Signal resolved = Records.signal(5 * MINUTE, "checkout", "error-spike", "error-rate", 0);
        resolved.setKind(SignalKinds.RESOLVED);
        send(h, resolved);
        assertThat(h.extractOutputValues())
                .extracting(Prediction::getStatus)
                .containsExactly(PredictionStatus.OPEN, PredictionStatus.RESOLVED);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();

        send(h, Records.signal(60 * MINUTE, "checkout", "error-spike", "error-rate", 0.7));
        List<Prediction> out = h.extractOutputValues();
        assertThat(out.get(2).getStatus()).isEqualTo(PredictionStatus.OPEN);
        assertThat(out.get(2).getPredictionId())
                .as("a new episode")
                .isNotEqualTo(out.get(0).getPredictionId());
    }

    @Test
    void aPredictionWithoutSignalsExpires() throws Exception {
        var h = harness();
        send(h, Records.signal(MINUTE, "checkout", "oom", "heap", 0.6));
        send(h, Records.signal(20 * MINUTE, "checkout", "oom", "heap", 0.6));
        h.processWatermark(49 * MINUTE);
        assertThat(h.extractOutputValues()).hasSize(2);
        h.processWatermark(50 * MINUTE);
        Prediction expired = h.extractOutputValues().get(2);
        assertThat(expired.getStatus()).isEqualTo(PredictionStatus.EXPIRED);
        assertThat(expired.getTimestamp()).isEqualTo(50 * MINUTE);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void idsAndStateSurviveSnapshotAndRestore() throws Exception {
        var h = harness();
        send(h, Records.signal(MINUTE, "checkout", "oom", "heap", 0.6));
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        String id = h.extractOutputValues().get(0).getPredictionId();
        h.close();

        var restored =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PredictionFunction(SETTINGS)),
                        PredictionFunction::key,
                        Types.STRING);
        restored.initializeState(snapshot);
        restored.open();
        send(restored, Records.signal(2 * MINUTE, "checkout", "oom", "rule", 0.5));
        send(restored, Records.signal(3 * MINUTE, "checkout", "oom", "heap", 0.7));
        List<Prediction> out = restored.extractOutputValues();
        assertThat(out).extracting(Prediction::getPredictionId).containsOnly(id);
        assertThat(out).extracting(Prediction::getStatus).containsOnly(PredictionStatus.UPDATED);
        assertThat(out.get(0).getProbability()).isCloseTo(0.8, within(1e-9));
        assertThat(out.get(1).getProbability())
                .as("heap's newer signal replaces its older one")
                .isCloseTo(1 - 0.3 * 0.5, within(1e-9));
    }
}
