package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.Signal;
import io.forewarn.testutils.Records;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SignalsInEventTimeOrderTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, Signal, Signal> harness()
            throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new SignalsInEventTimeOrder()),
                        PredictionFunction::key,
                        Types.STRING);
        h.open();
        return h;
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, Signal, Signal> h, Signal s)
            throws Exception {
        h.processElement(new StreamRecord<>(s, s.getTimestamp()));
    }

    @Test
    void signalsGoOnInEventTimeThenIdOrderWhateverTheirArrivalOrder() throws Exception {
        var h = harness();
        send(h, Records.signal(300, "checkout", "oom", "rule", 0.5));
        send(h, Records.signal(200, "checkout", "oom", "detector-b", 0.5));
        send(h, Records.signal(200, "checkout", "oom", "detector-a", 0.5));
        assertThat(h.extractOutputValues()).isEmpty();

        h.processWatermark(new Watermark(250));
        assertThat(h.extractOutputValues())
                .extracting(Signal::getSignalId)
                .containsExactly("detector-a-200", "detector-b-200");

        h.processWatermark(new Watermark(400));
        assertThat(h.extractOutputValues())
                .extracting(Signal::getSignalId)
                .last()
                .isEqualTo("rule-300");
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aSignalBehindTheWatermarkGoesOnAtOnce() throws Exception {
        var h = harness();
        h.processWatermark(new Watermark(1000));
        send(h, Records.signal(500, "checkout", "oom", "late", 0.5));
        assertThat(h.extractOutputValues())
                .extracting(Signal::getSignalId)
                .containsExactly("late-500");
        h.close();
    }
}
