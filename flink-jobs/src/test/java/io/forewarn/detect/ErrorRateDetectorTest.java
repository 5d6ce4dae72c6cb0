package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.testutils.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ErrorRateDetectorTest {

    private static final long MINUTE = 60_000;

    private static final ErrorRateSettings SETTINGS =
            new ErrorRateSettings(
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1),
                    10,
                    4.0,
                    5,
                    0.5,
                    Duration.ofHours(1),
                    Duration.ofHours(2));

    private static KeyedOneInputStreamOperatorTestHarness<String, LogRecord, Signal> harness()
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ErrorRateDetector(SETTINGS)),
                        LogRecord::getService,
                        Types.STRING);
        harness.open();
        return harness;
    }

    /** 100 records a minute for the given minutes, every errorEvery-th one an error. */
    private static void minutes(
            KeyedOneInputStreamOperatorTestHarness<String, LogRecord, Signal> harness,
            String service,
            int fromMinute,
            int toMinute,
            int errorEvery)
            throws Exception {
        for (int m = fromMinute; m < toMinute; m++) {
            for (int i = 0; i < 100; i++) {
                long ts = m * MINUTE + i * 600L;
                boolean error = errorEvery > 0 && i % errorEvery == 0;
                harness.processElement(
                        new StreamRecord<>(
                                Records.log(
                                        ts,
                                        service,
                                        error ? LogLevel.ERROR : LogLevel.INFO,
                                        error
                                                ? "payment declined: upstream 503 (attempt "
                                                        + i
                                                        + ")"
                                                : "ok"),
                                ts));
            }
            harness.processWatermark(m * MINUTE + MINUTE - 1);
        }
    }

    private static List<Signal> signals(
            KeyedOneInputStreamOperatorTestHarness<String, LogRecord, Signal> h) {
        List<Signal> out = new ArrayList<>(h.extractOutputValues());
        h.getOutput().clear();
        return out;
    }

    @Test
    void steadyErrorsAreNormalAndABurstIsSignalledThenResolved() throws Exception {
        var harness = harness();
        minutes(harness, "checkout", 0, 30, 50); // 2% errors
        assertThat(signals(harness)).isEmpty();

        minutes(harness, "checkout", 30, 33, 3); // 34% errors
        List<Signal> burst = signals(harness);
        assertThat(burst).isNotEmpty();
        Signal first = burst.get(0);
        assertThat(first.getKind()).isEqualTo(SignalKinds.ERROR_BURST);
        assertThat(first.getFailureType()).isEqualTo(FailureTypes.ERROR_SPIKE);
        assertThat(first.getService()).isEqualTo("checkout");
        assertThat(first.getTimestamp()).isEqualTo(31 * MINUTE);
        assertThat(first.getProbability()).isBetween(0.55, 0.95);
        assertThat(first.getSeverity()).isIn(Severity.LOW, Severity.MEDIUM, Severity.HIGH);
        assertThat(first.getEvidence().get(0).getSummary())
                .contains("errors in")
                .contains("baseline");
        assertThat(first.getEvidence())
                .anyMatch(e -> e.getSummary().startsWith("payment declined"));
        assertThat(first.getRecommendedActions()).isNotEmpty();

        minutes(harness, "checkout", 33, 45, 50);
        List<Signal> after = signals(harness);
        assertThat(after)
                .last()
                .satisfies(s -> assertThat(s.getKind()).isEqualTo(SignalKinds.RESOLVED));
        assertThat(after).filteredOn(s -> s.getKind().equals(SignalKinds.RESOLVED)).hasSize(1);
    }

    @Test
    void fewRecordsNeverMakeABurst() throws Exception {
        var harness = harness();
        for (int m = 0; m < 20; m++) {
            long ts = m * MINUTE;
            harness.processElement(
                    new StreamRecord<>(Records.log(ts, "tiny", LogLevel.ERROR, "boom"), ts));
            harness.processWatermark(ts + MINUTE - 1);
        }
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aNewServiceFailingHardIsABurstBeforeItsBaselineIsWarm() throws Exception {
        var harness = harness();
        minutes(harness, "fresh", 0, 2, 1); // every record an error
        assertThat(signals(harness))
                .isNotEmpty()
                .allSatisfy(
                        s -> {
                            assertThat(s.getSeverity()).isEqualTo(Severity.CRITICAL);
                            assertThat(s.getEvidence().get(0).getAttributes())
                                    .containsEntry("zScore", "cold-start");
                        });
    }

    @Test
    void servicesAreIndependent() throws Exception {
        var harness = harness();
        minutes(harness, "a", 0, 20, 50);
        minutes(harness, "b", 0, 20, 2);
        assertThat(harness.extractOutputValues())
                .allSatisfy(s -> assertThat(s.getService()).isEqualTo("b"));
    }

    @Test
    void recordsFarAheadOfTheWatermarkDoNotDisplaceSlidesNotYetEvaluated() throws Exception {
        // One input of the detector can run far ahead of the others: its records arrive long
        // before the watermark closes the earlier slides. Every slide must still be counted.
        var ordered = harness();
        minutes(ordered, "checkout", 0, 20, 50);
        minutes(ordered, "checkout", 20, 24, 4);
        minutes(ordered, "checkout", 24, 40, 50);
        ordered.processWatermark(Long.MAX_VALUE);
        List<Signal> expected = ordered.extractOutputValues();
        assertThat(expected)
                .extracting(Signal::getKind)
                .contains(SignalKinds.ERROR_BURST, SignalKinds.RESOLVED);

        var ahead = harness();
        for (int m = 0; m < 40; m++) {
            int errorEvery = m >= 20 && m < 24 ? 4 : 50;
            for (int i = 0; i < 100; i++) {
                long ts = m * MINUTE + i * 600L;
                boolean error = i % errorEvery == 0;
                ahead.processElement(
                        new StreamRecord<>(
                                Records.log(
                                        ts,
                                        "checkout",
                                        error ? LogLevel.ERROR : LogLevel.INFO,
                                        error
                                                ? "payment declined: upstream 503 (attempt "
                                                        + i
                                                        + ")"
                                                : "ok"),
                                ts));
            }
        }
        ahead.processWatermark(Long.MAX_VALUE);
        assertThat(ahead.extractOutputValues()).isEqualTo(expected);
        assertThat(ahead.numKeyedStateEntries()).isZero();
    }

    @Test
    void snapshotAndRestoreGiveTheSameSignalsAsAnUninterruptedRun() throws Exception {
        var uninterrupted = harness();
        minutes(uninterrupted, "checkout", 0, 20, 50);
        minutes(uninterrupted, "checkout", 20, 24, 4);
        minutes(uninterrupted, "checkout", 24, 40, 50);
        List<Signal> expected = signals(uninterrupted);
        assertThat(expected).isNotEmpty();

        var before = harness();
        minutes(before, "checkout", 0, 20, 50);
        minutes(before, "checkout", 20, 22, 4);
        OperatorSubtaskState snapshot = before.snapshot(1L, 1L);
        List<Signal> got = signals(before);
        before.close();

        var after =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ErrorRateDetector(SETTINGS)),
                        LogRecord::getService,
                        Types.STRING);
        after.initializeState(snapshot);
        after.open();
        minutes(after, "checkout", 22, 24, 4);
        minutes(after, "checkout", 24, 40, 50);
        got.addAll(signals(after));
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void stateAndTimersAreDroppedWhenAServiceGoesQuiet() throws Exception {
        var harness = harness();
        minutes(harness, "gone", 0, 10, 50);
        assertThat(harness.numKeyedStateEntries()).isGreaterThan(1);
        harness.processWatermark(10 * MINUTE + Duration.ofHours(3).toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
