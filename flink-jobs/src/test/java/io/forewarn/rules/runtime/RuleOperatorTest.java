package io.forewarn.rules.runtime;

import static io.forewarn.testutils.RuleFiles.aThenB;
import static io.forewarn.testutils.RuleFiles.delete;
import static io.forewarn.testutils.RuleFiles.serviceMetric;
import static io.forewarn.testutils.RuleFiles.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.detect.Descriptors;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleOperatorTest {

    private static final long MINUTE = 60_000;
    private static final RuleSettings SETTINGS = new RuleSettings(100, 100);

    private KeyedTwoInputStreamOperatorTestHarness<String, RuleRecord, RuleUpdate, Signal> harness;

    static KeyedTwoInputStreamOperatorTestHarness<String, RuleRecord, RuleUpdate, Signal> open(
            RuleSettings settings, List<RuleUpdate> bundled, OperatorSubtaskState restoreFrom)
            throws Exception {
        var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new RuleOperator<>(settings, bundled, new SignalMatchHandler()),
                        RuleRecord::getKey,
                        null,
                        Types.STRING);
        h.setup();
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void record(RuleRecord r) throws Exception {
        harness.processElement1(new StreamRecord<>(r, r.getTimestamp()));
    }

    private void control(RuleUpdate u) throws Exception {
        harness.processElement2(new StreamRecord<>(u));
    }

    private List<String> matches() {
        return harness.extractOutputValues().stream()
                .map(
                        s ->
                                s.getProducer().getId()
                                        + "@"
                                        + s.getProducer().getVersion()
                                        + " "
                                        + s.getService()
                                        + " "
                                        + s.getEvidence().stream()
                                                .skip(1)
                                                .map(
                                                        e ->
                                                                e.getAttributes().get("step")
                                                                        + "@"
                                                                        + e.getTimestamp() / MINUTE)
                                                .collect(Collectors.joining(",")))
                .collect(Collectors.toList());
    }

    /** The times of the steps of the one match once the watermark is at {@code watermark}. */
    private List<Long> onlyMatchAfter(long watermark) throws Exception {
        harness.processBothWatermarks(new Watermark(watermark));
        List<Signal> signals = harness.extractOutputValues();
        assertThat(signals).hasSize(1);
        return signals.get(0).getEvidence().stream()
                .skip(1)
                .map(e -> e.getTimestamp())
                .collect(Collectors.toList());
    }

    private List<String> statuses() {
        return harness.getSideOutput(Descriptors.RULE_STATUS) == null
                ? List.of()
                : harness.getSideOutput(Descriptors.RULE_STATUS).stream()
                        .map(StreamRecord::getValue)
                        .map(s -> s.getId() + "@" + s.getVersion() + " " + s.getOutcome())
                        .collect(Collectors.toList());
    }

    private List<ControlStatus> statusRecords() {
        return harness.getSideOutput(Descriptors.RULE_STATUS).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
    }

    @Test
    void aRulePublishedAtRunTimeMatchesAndReportsItsActivation() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));

        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@2");
        assertThat(statuses()).containsExactly("r1@1 ACTIVATED");
        Signal s = harness.extractOutputValues().get(0);
        assertThat(s.getFailureType()).isEqualTo("test-failure");
        assertThat(s.getTimestamp()).isEqualTo(2 * MINUTE);
        assertThat(harness.extractOutputStreamRecords().get(0).getTimestamp())
                .isEqualTo(2 * MINUTE);
    }

    @Test
    void recordsWaitForTheWatermarkAndAreMatchedInEventTimeOrder() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        assertThat(matches()).isEmpty();
        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@2");
    }

    @Test
    void aRejectedUpdateIsReportedWithItsReasonAndThePreviousVersionStaysActive() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        harness.processBothWatermarks(new Watermark(MINUTE + 1));

        String broken =
                RuleFiles.rule(
                        "r1",
                        2,
                        "service",
                        "10m",
                        null,
                        "  - step: a\n    match: {metric: a}\n    where: valu > 1\n");
        control(upsert(broken));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));

        assertThat(statuses()).containsExactly("r1@1 ACTIVATED", "r1@2 REJECTED");
        assertThat(statusRecords().get(1).getMessage())
                .contains(
                        "r1.yaml:10:12",
                        "undeclared reference to 'valu'",
                        "did you mean 'value'",
                        "version 1 stays active");
        assertThat(matches())
                .as("version 1 kept its partial match")
                .containsExactly("r1@1 checkout a@1,b@2");
    }

    @Test
    void replacingOneRuleClearsItsPartialMatchesButKeepsThoseOfOtherRules() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("changed", 1)));
        control(upsert(aThenB("unchanged", 1)));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        harness.processBothWatermarks(new Watermark(MINUTE + 1));

        control(upsert(aThenB("changed", 2)));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));

        assertThat(matches()).containsExactly("unchanged@1 checkout a@1,b@2");
        assertThat(statuses())
                .containsExactly(
                        "changed@1 ACTIVATED", "unchanged@1 ACTIVATED", "changed@2 ACTIVATED");
    }

    @Test
    void removingARuleClearsItsStateAndTimersForAllKeys() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        for (String service : List.of("checkout", "search", "cart")) {
            record(serviceMetric(MINUTE, service, "a", 1));
        }
        harness.processBothWatermarks(new Watermark(MINUTE + 1));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        assertThat(harness.numEventTimeTimers()).as("within deadlines").isEqualTo(3);

        control(delete("r1", 1));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(statuses()).containsExactly("r1@1 ACTIVATED", "r1@1 REMOVED");

        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).isEmpty();
    }

    @Test
    void aWatermarkBetweenWaitingRecordsTakesThoseBeforeItAndWaitsForTheRest() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(3 * MINUTE, "checkout", "b", 1));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(4 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(2 * MINUTE));
        assertThat(matches()).isEmpty();

        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@3");
        harness.processBothWatermarks(new Watermark(20 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * Moves the key's waiting records out of the buffer's segments into the buffer as checkpoints
     * before {@link Descriptors#RULE_PENDING_SEGMENTS} kept it: one entry per time, encoded ({@code
     * encodedFormer}) or as lists of records without the index of their times (the format before
     * that). The key's timer at its earliest record stays, as those checkpoints had it.
     */
    private void moveToFormerBuffer(String key, boolean encodedFormer) throws Exception {
        var backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(key);
        var index =
                backend.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        Descriptors.RULE_PENDING_SEGMENT_INDEX);
        Map<Long, List<RuleRecord>> byTime = new TreeMap<>();
        long[] segments = index.value();
        for (int i = 1; i < segments.length; i++) {
            var segment =
                    backend.getPartitionedState(
                            segments[i],
                            LongSerializer.INSTANCE,
                            Descriptors.RULE_PENDING_SEGMENTS);
            for (PendingSegments.Timed t : new PendingSegments().decode(segment.value())) {
                byTime.computeIfAbsent(t.time(), x -> new ArrayList<>()).add(t.record());
            }
            segment.clear();
        }
        index.clear();
        EncodedRecords codec = new EncodedRecords();
        for (Map.Entry<Long, List<RuleRecord>> e : byTime.entrySet()) {
            if (encodedFormer) {
                byte[] bytes = null;
                for (RuleRecord r : e.getValue()) {
                    bytes = codec.append(bytes, r);
                }
                backend.getPartitionedState(
                                e.getKey(),
                                LongSerializer.INSTANCE,
                                Descriptors.RULE_PENDING_ENCODED)
                        .update(bytes);
            } else {
                backend.getPartitionedState(
                                VoidNamespace.INSTANCE,
                                VoidNamespaceSerializer.INSTANCE,
                                Descriptors.RULE_PENDING_RECORDS)
                        .put(e.getKey(), e.getValue());
            }
        }
        if (encodedFormer) {
            backend.getPartitionedState(
                            VoidNamespace.INSTANCE,
                            VoidNamespaceSerializer.INSTANCE,
                            Descriptors.RULE_PENDING_TIMES)
                    .update(byTime.keySet().stream().mapToLong(Long::longValue).toArray());
        }
    }

    @Test
    void recordsRestoredWithoutTheIndexOfTheirTimesAreStillProcessed() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        RuleRecord a = serviceMetric(MINUTE, "checkout", "a", 1);
        record(a);
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        moveToFormerBuffer(a.getKey(), false);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = open(SETTINGS, List.of(), snapshot);
        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@2");
        harness.processBothWatermarks(new Watermark(20 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void recordsWaitingInTheEncodedFormerBufferAreProcessedWithNewOnesInTimeOrder()
            throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        RuleRecord a = serviceMetric(MINUTE, "checkout", "a", 1);
        record(a);
        record(serviceMetric(3 * MINUTE, "checkout", "a", 1));
        moveToFormerBuffer(a.getKey(), true);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = open(SETTINGS, List.of(), snapshot);
        // After the restore, new records go to the segments; b@2 lies between the former ones.
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        record(serviceMetric(4 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(2 * MINUTE));
        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@2");
        harness.processBothWatermarks(new Watermark(5 * MINUTE));
        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@2", "r1@1 checkout a@3,b@4");
        harness.processBothWatermarks(new Watermark(20 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aWatermarkInsideASecondTakesItsEarlierRecordsAndKeepsTheOthers() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        long second = 10 * MINUTE;
        record(serviceMetric(second + 700, "checkout", "b", 1));
        record(serviceMetric(second + 100, "checkout", "a", 1));
        record(serviceMetric(second + 400, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(second + 399));
        assertThat(matches()).isEmpty();
        assertThat(harness.numEventTimeTimers()).as("the key's timer, at b@400").isEqualTo(2);

        harness.processBothWatermarks(new Watermark(second + 400));
        assertThat(matches()).hasSize(1);
        harness.processBothWatermarks(new Watermark(second + 999));
        assertThat(matches()).as("a then b is matched once: a is consumed").hasSize(1);
        harness.processBothWatermarks(new Watermark(second + 20 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aKeyWithManyRecordsInOneSecondFillsFurtherSegmentsAndLosesNone() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        long second = 10 * MINUTE;
        // Arriving newest first, a last; tens of bytes each, so several segments of the second
        // fill up.
        for (int i = 999; i >= 2; i--) {
            record(serviceMetric(second + i, "checkout", "b", i));
        }
        record(serviceMetric(second + 1, "checkout", "a", 1));
        assertThat(harness.numKeyedStateEntries())
                .as("the index and more than one segment")
                .isGreaterThan(3);

        assertThat(onlyMatchAfter(second + 999))
                .as("a, then the first b in event time, whatever the arrival order")
                .containsExactly(second + 1, second + 2);
        harness.processBothWatermarks(new Watermark(second + 20 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void recordsOfOneSecondInSeveralSegmentsAreMatchedInEventTimeOrder() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        long second = 10 * MINUTE;
        // a first, then the b's newest first: the first segment of the second holds a and the
        // latest b's, the last one the earliest b's.
        record(serviceMetric(second + 1, "checkout", "a", 1));
        for (int i = 999; i >= 2; i--) {
            record(serviceMetric(second + i, "checkout", "b", i));
        }
        assertThat(harness.numKeyedStateEntries())
                .as("the index and more than one segment")
                .isGreaterThan(3);

        assertThat(onlyMatchAfter(second + 999))
                .as("a, then the first b in event time, though it is in a later segment")
                .containsExactly(second + 1, second + 2);
    }

    @Test
    void stateAndTimersReturnToZeroOnceMatchesCompleteOrExpire() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        record(serviceMetric(MINUTE, "search", "a", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).hasSize(1);
        assertThat(harness.numEventTimeTimers())
                .as("within deadlines, registered as CepOperator does")
                .isPositive();

        harness.processBothWatermarks(new Watermark(20 * MINUTE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void partialMatchesAndRuleDefinitionsSurviveSnapshotAndRestore() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(2 * MINUTE, "search", "b", 1));
        harness.processBothWatermarks(new Watermark(MINUTE + 1));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = open(SETTINGS, List.of(), snapshot);
        assertThat(statuses()).as("restored rules are not reported again").isEmpty();
        record(serviceMetric(3 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(4 * MINUTE));
        assertThat(matches()).containsExactly("r1@1 checkout a@1,b@3");
    }

    /**
     * Checkpoints written before the buffer of waiting records was kept encoded (revision 2962487)
     * hold it as lists of records under another state name. Written by that revision's operator:
     * rule r1 (a then b per service); a@1 for checkout and search processed (partial matches);
     * checkout b@2 twice and search b@3 waiting.
     */
    @Test
    void recordsWaitingInACheckpointOfTheFormerBufferAreProcessedAfterRestore() throws Exception {
        OperatorSubtaskState former =
                OperatorSnapshotUtil.readStateHandle(
                        Path.of(
                                        getClass()
                                                .getResource(
                                                        "/rules/rule-operator-pending-records-v1.snapshot")
                                                .toURI())
                                .toString());
        List<RuleRecord> after =
                List.of(
                        serviceMetric(2 * MINUTE, "checkout", "b", 4),
                        serviceMetric(3 * MINUTE, "checkout", "a", 5),
                        serviceMetric(3 * MINUTE + 30_000, "checkout", "b", 6));

        harness = open(SETTINGS, List.of(), former);
        after.forEach(this::recordUnchecked);
        harness.processBothWatermarks(new Watermark(5 * MINUTE));
        List<String> restored = matches();
        harness.close();

        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(MINUTE, "search", "a", 1));
        harness.processBothWatermarks(new Watermark(MINUTE + 1));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 2));
        record(serviceMetric(3 * MINUTE, "search", "b", 3));
        after.forEach(this::recordUnchecked);
        harness.processBothWatermarks(new Watermark(5 * MINUTE));

        assertThat(restored)
                .containsExactlyInAnyOrder(
                        "r1@1 checkout a@1,b@2", "r1@1 search a@1,b@3", "r1@1 checkout a@3,b@3")
                .containsExactlyInAnyOrderElementsOf(matches());
    }

    private void recordUnchecked(RuleRecord r) {
        try {
            record(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bundledRulesAreActivatedAtStartAndANewerPublishedVersionWins() throws Exception {
        harness = open(SETTINGS, List.of(upsert(aThenB("lib", 1))), null);
        assertThat(statuses()).containsExactly("lib@1 ACTIVATED");
        control(upsert(aThenB("lib", 2)));
        control(upsert(aThenB("lib", 2)));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = open(SETTINGS, List.of(upsert(aThenB("lib", 1))), snapshot);
        assertThat(statuses())
                .as("the bundled version 1 is older than the published version 2")
                .isEmpty();
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).containsExactly("lib@2 checkout a@1,b@2");
    }

    @Test
    void olderVersionsAreIgnoredAndDisabledRulesRemoved() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 2)));
        control(upsert(aThenB("r1", 1)));
        control(upsert(aThenB("r1", 3).replace("owner: tests", "owner: tests\nenabled: false")));
        assertThat(statuses()).containsExactly("r1@2 ACTIVATED", "r1@1 IGNORED", "r1@3 REMOVED");
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(2 * MINUTE, "checkout", "b", 1));
        harness.processBothWatermarks(new Watermark(3 * MINUTE));
        assertThat(matches()).isEmpty();
    }

    @Test
    void theActiveRuleLimitRejectsNewRules() throws Exception {
        harness = open(new RuleSettings(1, 100), List.of(), null);
        control(upsert(aThenB("first", 1)));
        control(upsert(aThenB("second", 1)));
        control(upsert(aThenB("first", 2)));
        assertThat(statuses())
                .containsExactly("first@1 ACTIVATED", "second@1 REJECTED", "first@2 ACTIVATED");
        assertThat(statusRecords().get(1).getMessage()).contains("limit of 1 active rules");
    }

    @Test
    void partialMatchesBeyondTheLimitAreDroppedOldestFirstAndReportedOnce() throws Exception {
        harness = open(new RuleSettings(100, 2), List.of(), null);
        control(
                upsert(
                        RuleFiles.rule(
                                "r1",
                                1,
                                "service",
                                "1h",
                                "no-skip",
                                "  - step: a\n"
                                        + "    match: {metric: a}\n"
                                        + "  - step: b\n"
                                        + "    match: {metric: b}\n")));
        for (int i = 1; i <= 4; i++) {
            record(serviceMetric(i * MINUTE, "checkout", "a", i));
        }
        harness.processBothWatermarks(new Watermark(5 * MINUTE));
        record(serviceMetric(6 * MINUTE, "checkout", "b", 1));
        record(serviceMetric(7 * MINUTE, "checkout", "a", 5));
        record(serviceMetric(8 * MINUTE, "checkout", "a", 6));
        harness.processBothWatermarks(new Watermark(9 * MINUTE));

        assertThat(matches())
                .as("only the two newest partial matches were kept")
                .containsExactlyInAnyOrder("r1@1 checkout a@3,b@6", "r1@1 checkout a@4,b@6");
        assertThat(statuses()).containsExactly("r1@1 ACTIVATED", "r1@1 LIMIT_REACHED");
        assertThat(statusRecords().get(1).getMessage()).contains("rules.max-partial-matches");
    }

    @Test
    void lateRecordsAndRecordsNoRuleSeesAreNotKept() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        harness.processBothWatermarks(new Watermark(5 * MINUTE));
        record(serviceMetric(MINUTE, "checkout", "a", 1));
        record(serviceMetric(6 * MINUTE, "checkout", "unrelated", 1));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theControlInputDoesNotHoldBackTheWatermark() throws Exception {
        harness = open(SETTINGS, List.of(), null);
        control(upsert(aThenB("r1", 1)));
        harness.processWatermark1(new Watermark(5 * MINUTE));
        assertThat(harness.getOutput()).contains(new Watermark(5 * MINUTE));
    }
}
