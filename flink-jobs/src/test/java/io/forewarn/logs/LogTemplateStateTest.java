package io.forewarn.logs;

import static io.forewarn.logs.LogTemplateHarness.MAX_PARALLELISM;
import static io.forewarn.logs.LogTemplateHarness.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Snapshot, restore and rescaling of the log template stage: a restored or redistributed stage
 * continues exactly like one that was never interrupted (same template ids, signals, rates and
 * documents), because each service's whole model travels in its keyed state.
 */
class LogTemplateStateTest {

    private static final LogMiningSettings SETTINGS =
            LogTemplateHarness.settings(
                    Map.of(
                            "logs.signals.rare-share", "0.005",
                            "logs.signals.rare-cooldown", "5 min",
                            "logs.mining.max-templates", "40"));

    private static final List<String> SERVICES =
            List.of("checkout", "payments", "search", "inventory", "frontend", "auth", "mail");

    @Test
    void aRestoredStageContinuesExactlyLikeAnUninterruptedOne() throws Exception {
        List<Object> first = scenario(0, 12);
        List<Object> second = scenario(12, 25);

        Outputs expected = uninterrupted(second, first);

        OperatorSubtaskState snapshot;
        try (LogTemplateHarness before = new LogTemplateHarness(SETTINGS)) {
            feed(List.of(before), 1, first);
            snapshot = before.snapshot(1);
        }
        assertSame(restored(snapshot, second), expected);
        assertThat(expected.signals.values().stream().flatMap(List::stream))
                .as("the second half has signals a restore could lose")
                .anyMatch(s -> s.startsWith(LogSignals.TEMPLATE_BURST))
                .anyMatch(s -> s.startsWith(LogSignals.RARE_TEMPLATE));
        assertThat(expected.templates).as("and template documents").isNotEmpty();
    }

    /**
     * A model written at one checkpoint and changed afterwards is written again at the next: a
     * restore from the second checkpoint continues like an uninterrupted stage.
     */
    @Test
    void modelsChangedAfterACheckpointAreWrittenAtTheNext() throws Exception {
        List<Object> first = scenario(0, 8);
        List<Object> middle = scenario(8, 16);
        List<Object> last = scenario(16, 25);

        Outputs expected = uninterrupted(last, first, middle);

        OperatorSubtaskState snapshot;
        try (LogTemplateHarness before = new LogTemplateHarness(SETTINGS)) {
            feed(List.of(before), 1, first);
            before.snapshot(1);
            feed(List.of(before), 1, middle);
            snapshot = before.snapshot(2);
        }
        assertSame(restored(snapshot, last), expected);
        assertThat(expected.signals.values().stream().flatMap(List::stream))
                .as("the last part has a signal that depends on the counts of the parts before")
                .anyMatch(s -> s.startsWith(LogSignals.RARE_TEMPLATE));
        assertThat(expected.templates).as("and template documents").isNotEmpty();
    }

    @Test
    void scalingOutAndInRedistributesServicesWithTheirModels() throws Exception {
        List<Object> first = scenario(0, 12);
        List<Object> second = scenario(12, 18);
        List<Object> third = scenario(18, 25);

        Outputs expectedSecond;
        Outputs expectedThird;
        try (LogTemplateHarness single = new LogTemplateHarness(SETTINGS)) {
            feed(List.of(single), 1, first);
            drain(single);
            feed(List.of(single), 1, second);
            expectedSecond = drain(single);
            feed(List.of(single), 1, third);
            expectedThird = drain(single);
        }

        List<LogTemplateHarness> two = open(2, 2, null);
        feed(two, 2, first);
        OperatorSubtaskState afterFirst = snapshotAll(two, 1);

        List<LogTemplateHarness> three = open(3, 2, afterFirst);
        feed(three, 3, second);
        assertSame(drainAll(three), expectedSecond);
        OperatorSubtaskState afterSecond = snapshotAll(three, 2);

        List<LogTemplateHarness> one = open(1, 3, afterSecond);
        feed(one, 1, third);
        assertSame(drainAll(one), expectedThird);
        closeAll(one);
    }

    @Test
    void modelsBeyondTheLiveLimitWaitInStateAndComeBackUnchanged() throws Exception {
        List<Object> events = scenario(0, 20);
        Outputs expected;
        try (LogTemplateHarness unlimited = new LogTemplateHarness(SETTINGS)) {
            feed(List.of(unlimited), 1, events);
            expected = drain(unlimited);
        }
        LogMiningSettings twoLive =
                LogTemplateHarness.settings(
                        Map.of(
                                "logs.signals.rare-share", "0.005",
                                "logs.signals.rare-cooldown", "5 min",
                                "logs.mining.max-templates", "40",
                                "logs.mining.max-live-services", "2"));
        try (LogTemplateHarness limited = new LogTemplateHarness(twoLive, 1, 0, null)) {
            feed(List.of(limited), 1, events);

            assertThat(limited.harness.numKeyedStateEntries())
                    .as("every model left the heap at some point: written without a checkpoint")
                    .isEqualTo(SERVICES.size());
            assertSame(drain(limited), expected);
        }
    }

    /**
     * Minutes [from, to) of a small fleet: normal traffic, a sprinkle of errors, user names that
     * make templates generalise, a new error template and a burst after the warm-up. Records
     * ({@link LogRecord}) and watermarks ({@link Long}) in order.
     */
    private static List<Object> scenario(int from, int to) {
        Random random = new Random(from * 31L + 7);
        String[] users = {"alice", "bob", "carol", "dave"};
        List<Object> events = new ArrayList<>();
        for (int m = from; m < to; m++) {
            for (int s = 0; s < SERVICES.size(); s++) {
                String service = SERVICES.get(s);
                for (int i = 0; i < 20; i++) {
                    long time = m * MINUTE + i * 3_000L + s;
                    String host = service + "-" + (1 + random.nextInt(3));
                    String message;
                    LogLevel level = LogLevel.INFO;
                    switch (random.nextInt(6)) {
                        case 0:
                            message = "GET /api/" + service + " 200 " + random.nextInt(90) + " ms";
                            break;
                        case 1:
                            message =
                                    "session closed for user "
                                            + users[random.nextInt(users.length)];
                            break;
                        case 2:
                            message =
                                    "Processed order "
                                            + random.nextInt(1_000_000)
                                            + " in "
                                            + random.nextInt(500)
                                            + " ms";
                            break;
                        case 3:
                            message = "job " + (char) ('a' + random.nextInt(26)) + "-sync finished";
                            break;
                        case 4:
                            level = random.nextInt(10) == 0 ? LogLevel.ERROR : LogLevel.WARN;
                            message =
                                    "Retrying request to db-"
                                            + random.nextInt(3)
                                            + " (attempt "
                                            + random.nextInt(3)
                                            + ")";
                            break;
                        default:
                            message = "Cache hit ratio " + random.nextInt(100) + " percent";
                    }
                    events.add(LogTemplateHarness.log(time, service, host, level, message));
                }
                if ((m == 3 || m == 20) && service.equals("mail")) {
                    events.add(
                            LogTemplateHarness.log(
                                    m * MINUTE + 30_000,
                                    service,
                                    service + "-1",
                                    LogLevel.WARN,
                                    "Certificate store reloaded from disk"));
                }
                if (m == 9 && s % 2 == 0) {
                    events.add(
                            LogTemplateHarness.log(
                                    m * MINUTE + 59_000,
                                    service,
                                    service + "-1",
                                    LogLevel.ERROR,
                                    "Unhandled exception: pool " + service + " exhausted"));
                }
                if (m >= 14 && m < 16 && s == 2) {
                    for (int i = 0; i < 40; i++) {
                        events.add(
                                LogTemplateHarness.log(
                                        m * MINUTE + i * 1_000L,
                                        service,
                                        service + "-2",
                                        LogLevel.ERROR,
                                        "Query " + i + " failed: read timeout after 30000 ms"));
                    }
                }
            }
            events.add((m + 1) * MINUTE - 1);
        }
        return events;
    }

    /** Feeds events to the harness owning each record's service key; watermarks to all. */
    /** What one instance that saw {@code before} outputs for {@code last}. */
    @SafeVarargs
    private static Outputs uninterrupted(List<Object> last, List<Object>... before)
            throws Exception {
        try (LogTemplateHarness harness = new LogTemplateHarness(SETTINGS)) {
            for (List<Object> part : before) {
                feed(List.of(harness), 1, part);
            }
            drain(harness);
            feed(List.of(harness), 1, last);
            return drain(harness);
        }
    }

    /** What one instance restored from {@code snapshot} outputs for {@code last}. */
    private static Outputs restored(OperatorSubtaskState snapshot, List<Object> last)
            throws Exception {
        try (LogTemplateHarness harness = new LogTemplateHarness(SETTINGS, 1, 0, snapshot)) {
            feed(List.of(harness), 1, last);
            return drain(harness);
        }
    }

    private static void feed(
            List<LogTemplateHarness> harnesses, int parallelism, List<Object> events)
            throws Exception {
        for (Object event : events) {
            if (event instanceof LogRecord) {
                LogRecord record = LogRecord.newBuilder((LogRecord) event).build();
                int subtask =
                        KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                record.getService(), MAX_PARALLELISM, parallelism);
                harnesses.get(subtask).process(record);
            } else {
                for (LogTemplateHarness h : harnesses) {
                    h.watermark((Long) event);
                }
            }
        }
    }

    private static List<LogTemplateHarness> open(
            int parallelism, int previousParallelism, OperatorSubtaskState state) throws Exception {
        List<LogTemplateHarness> harnesses = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            OperatorSubtaskState part =
                    state == null
                            ? null
                            : AbstractStreamOperatorTestHarness.repartitionOperatorState(
                                    state, MAX_PARALLELISM, previousParallelism, parallelism, i);
            harnesses.add(new LogTemplateHarness(SETTINGS, parallelism, i, part));
        }
        return harnesses;
    }

    private static OperatorSubtaskState snapshotAll(List<LogTemplateHarness> harnesses, long id)
            throws Exception {
        List<OperatorSubtaskState> states = new ArrayList<>();
        for (LogTemplateHarness h : harnesses) {
            states.add(h.snapshot(id));
        }
        closeAll(harnesses);
        return AbstractStreamOperatorTestHarness.repackageState(
                states.toArray(new OperatorSubtaskState[0]));
    }

    private static void closeAll(List<LogTemplateHarness> harnesses) throws Exception {
        for (LogTemplateHarness h : harnesses) {
            h.close();
        }
    }

    /**
     * Everything a harness emitted since the last drain, as text, per service in emission order
     * (the order across services depends on timer order, which a restore need not keep).
     */
    private static Outputs drain(LogTemplateHarness h) {
        Outputs out = new Outputs();
        h.records()
                .forEach(
                        r ->
                                out.add(
                                        out.records,
                                        r.getService(),
                                        r.getTemplateId()
                                                + " "
                                                + r.getLevel()
                                                + " "
                                                + r.getTemplate()
                                                + " "
                                                + r.getTemplateParams()));
        h.signals().forEach(s -> out.add(out.signals, s.getService(), s.getKind() + " " + s));
        h.rates().forEach(r -> out.add(out.rates, r.getService(), r.toString()));
        h.templates().forEach(t -> out.add(out.templates, t.service, t + " " + t.example));
        return out;
    }

    private static Outputs drainAll(List<LogTemplateHarness> harnesses) {
        Outputs all = new Outputs();
        for (LogTemplateHarness h : harnesses) {
            Outputs one = drain(h);
            all.records.putAll(one.records);
            all.signals.putAll(one.signals);
            all.rates.putAll(one.rates);
            all.templates.putAll(one.templates);
        }
        return all;
    }

    private static void assertSame(Outputs actual, Outputs expected) {
        assertThat(actual.records).isEqualTo(expected.records);
        assertThat(actual.signals).isEqualTo(expected.signals);
        assertThat(actual.rates).isEqualTo(expected.rates);
        assertThat(actual.templates).isEqualTo(expected.templates);
    }

    /** What a stage emitted, as comparable text per service. */
    private static final class Outputs {
        final Map<String, List<String>> records = new TreeMap<>();
        final Map<String, List<String>> signals = new TreeMap<>();
        final Map<String, List<String>> rates = new TreeMap<>();
        final Map<String, List<String>> templates = new TreeMap<>();

        void add(Map<String, List<String>> kind, String service, String value) {
            kind.computeIfAbsent(service, k -> new ArrayList<>()).add(value);
        }
    }
}
