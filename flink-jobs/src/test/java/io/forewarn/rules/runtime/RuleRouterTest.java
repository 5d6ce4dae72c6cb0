package io.forewarn.rules.runtime;

import static io.forewarn.testutils.RuleFiles.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RuleRouterTest {

    private static TwoInputStreamOperatorTestHarness<RuleRecord, RuleUpdate, RuleRecord> open(
            List<RuleUpdate> bundled) throws Exception {
        var h =
                new TwoInputStreamOperatorTestHarness<>(
                        new RuleRouter(new RuleSettings(100, 100), bundled));
        h.open();
        return h;
    }

    private static void send(
            TwoInputStreamOperatorTestHarness<RuleRecord, RuleUpdate, RuleRecord> h, Object record)
            throws Exception {
        RuleRecord r = RuleRecords.of(record);
        h.processElement1(new StreamRecord<>(r, r.getTimestamp()));
    }

    @Test
    void sendsARecordOncePerKeyKindWithARuleThatSeesItAndDropsTheRest() throws Exception {
        var h =
                open(
                        List.of(
                                upsert(
                                        RuleFiles.rule(
                                                "per-host",
                                                1,
                                                "host",
                                                "5m",
                                                null,
                                                "  - step: a\n    match: {metric: a}\n")),
                                upsert(
                                        RuleFiles.rule(
                                                "per-service",
                                                1,
                                                "service",
                                                "5m",
                                                null,
                                                "  - step: a\n"
                                                        + "    match: {metric: [a, b]}\n"
                                                        + "  - step: e\n"
                                                        + "    match: {log: ERROR}\n"))));
        send(h, RuleFiles.metric(1, "checkout", "a", 1));
        send(h, RuleFiles.metric(2, "checkout", "b", 1));
        send(h, RuleFiles.metric(3, "checkout", "c", 1));
        send(h, RuleFiles.log(4, "checkout", LogLevel.INFO, "fine"));
        send(h, RuleFiles.log(5, "checkout", LogLevel.ERROR, "boom"));

        assertThat(h.extractOutputValues())
                .extracting(r -> r.getKey() + " " + r.getKeyKind() + " " + r.getTimestamp())
                .containsExactly(
                        "service:checkout SERVICE 1",
                        "host:checkout-1 HOST 1",
                        "service:checkout SERVICE 2",
                        "service:checkout SERVICE 5");
        assertThat(h.extractOutputStreamRecords())
                .allMatch(r -> r.getTimestamp() == r.getValue().getTimestamp());
        h.close();
    }

    @Test
    void followsRuleUpdatesAndRestoresThem() throws Exception {
        var h = open(List.of());
        send(h, RuleFiles.metric(1, "checkout", "a", 1));
        h.processElement2(new StreamRecord<>(RuleFiles.upsert(RuleFiles.aThenB("r", 1))));
        send(h, RuleFiles.metric(2, "checkout", "a", 1));
        var snapshot = h.snapshot(1, 1);
        h.close();

        var restored =
                new TwoInputStreamOperatorTestHarness<>(
                        new RuleRouter(new RuleSettings(100, 100), List.of()));
        restored.initializeState(snapshot);
        restored.open();
        send(restored, RuleFiles.metric(3, "checkout", "b", 1));
        restored.processElement2(new StreamRecord<>(RuleFiles.delete("r", 1)));
        send(restored, RuleFiles.metric(4, "checkout", "b", 1));
        assertThat(restored.extractOutputValues())
                .extracting(RuleRecord::getTimestamp)
                .containsExactly(3L);
        restored.close();
    }

    @Test
    void watermarksComeFromTheRecordsOnly() throws Exception {
        var h = open(List.of());
        h.processWatermark1(new Watermark(10));
        h.processWatermark2(new Watermark(5));
        assertThat(h.getOutput()).containsExactly(new Watermark(10));
        assertThat(RuleKeys.keyOf(KeyKind.SERIES, RuleFiles.metric(1, "checkout", "a", 1)))
                .isEqualTo("series:a@checkout/checkout-1");
        h.close();
    }
}
