package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.rules.testing.InMemoryStateStore;
import io.forewarn.rules.testing.NoRuntimeContext;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link CountingMatcher} beside Flink CEP's NFA. That both find the same matches on random streams
 * is {@code DynamicVsStaticCepTest}'s (its {@code count-*} patterns); here: which rules count, the
 * hand-over from NFA state restored from an earlier checkpoint, and the window's bound and exit.
 */
class CountingMatcherTest {

    private static final String RETRIES =
            """
              - step: retry
                match: {log: [WARN, ERROR]}
                where: message.contains('retry')
                times: 5
            """;

    private static CompiledRule compile(String pattern, String skip) throws Exception {
        return new RuleCompiler()
                .compile(
                        new RuleParser()
                                .parse(
                                        "r.yaml",
                                        RuleFiles.rule("r", 1, "service", "1m", skip, pattern)));
    }

    @Test
    void rulesOfOneStepRepeatedAFixedNumberOfTimesCount() throws Exception {
        assertThat(CountingMatcher.of(compile(RETRIES, null))).isNotNull();
        assertThat(CountingMatcher.of(compile(RETRIES, "no-skip"))).isNotNull();
        assertThat(
                        CountingMatcher.of(
                                compile(
                                        "  - step: crash\n    match: {log: [ERROR]}\n",
                                        "skip-to-next")))
                .isNotNull();

        // Not counting: a range, strict or combined records, two steps, another skip. (A single
        // optional step does not compile.)
        assertThat(CountingMatcher.of(compile(RETRIES.replace("times: 5", "timesOrMore: 5"), null)))
                .isNull();
        assertThat(
                        CountingMatcher.of(
                                compile(
                                        RETRIES.replace("times: 5", "times: {min: 2, max: 5}"),
                                        null)))
                .isNull();
        assertThat(CountingMatcher.of(compile(RETRIES + "    consecutive: true\n", null))).isNull();
        assertThat(CountingMatcher.of(compile(RETRIES + "    allowCombinations: true\n", null)))
                .isNull();
        assertThat(
                        CountingMatcher.of(
                                compile(
                                        RETRIES + "  - step: down\n    match: {log: [ERROR]}\n",
                                        null)))
                .isNull();
        assertThat(CountingMatcher.of(compile(RETRIES, "{skip-to-first: retry}"))).isNull();
    }

    @Test
    void theBundledCountingRulesCount() throws Exception {
        Map<String, Boolean> counting = new java.util.TreeMap<>();
        for (RuleUpdate u : BundledRules.builtIn()) {
            CompiledRule rule =
                    new RuleCompiler()
                            .compile(
                                    new RuleParser()
                                            .parse(u.getRuleId() + ".yaml", u.getContent()));
            counting.put(rule.id(), CountingMatcher.of(rule) != null);
        }
        assertThat(counting)
                .containsEntry("retry-storm", true)
                .containsEntry("crash-loop", true)
                .containsEntry("dns-resolution-failures", true)
                .containsEntry("latency-creep", false)
                .containsEntry("connection-pool-exhaustion", false);
    }

    /**
     * A key restored from a checkpoint of a version that ran the rule with the NFA keeps its
     * partial matches: the NFA runs them until they are gone, then the key counts. Every match is
     * the one the NFA alone finds.
     */
    @Test
    void aKeyRestoredWithNfaStateFinishesItsPartialMatchesWithTheNfa() throws Exception {
        CompiledRule rule = compile(RETRIES, null);
        List<List<RuleRunner.Batch>> runs = randomRuns(new Random(11), 400);

        List<String> reference = new ArrayList<>();
        RuleState alone = new RuleState(new InMemoryStateStore(), new RuleRecordSerializer());
        try (RuleRunner nfa = RuleRunner.nfaOnly(rule, NoRuntimeContext.INSTANCE, () -> 0L)) {
            for (List<RuleRunner.Batch> run : runs) {
                runAndCollect(nfa, alone, run, reference);
            }
        }

        List<String> handedOver = new ArrayList<>();
        RuleState state = new RuleState(new InMemoryStateStore(), new RuleRecordSerializer());
        int switchAt = -1;
        boolean nfaAfterSwitch = false;
        boolean countedAfterSwitch = false;
        try (RuleRunner nfa = RuleRunner.nfaOnly(rule, NoRuntimeContext.INSTANCE, () -> 0L);
                RuleRunner current = new RuleRunner(rule, NoRuntimeContext.INSTANCE, () -> 0L)) {
            assertThat(current.counts()).isTrue();
            for (int i = 0; i < runs.size(); i++) {
                if (switchAt < 0 && i >= runs.size() / 3 && state.nfaState().value() != null) {
                    switchAt = i; // the upgrade: this key holds partial matches in the NFA's state
                }
                if (switchAt >= 0 && state.nfaState().value() != null) {
                    nfaAfterSwitch = true;
                }
                runAndCollect(switchAt < 0 ? nfa : current, state, runs.get(i), handedOver);
                if (switchAt >= 0) {
                    assertThat(
                                    state.nfaState().value() != null
                                            && state.countWindow().value() != null)
                            .as("NFA state and a count window at once")
                            .isFalse();
                    countedAfterSwitch |= state.countWindow().value() != null;
                }
            }
        }
        assertThat(switchAt).isPositive();
        assertThat(nfaAfterSwitch).isTrue();
        assertThat(countedAfterSwitch).isTrue();
        assertThat(reference).hasSizeGreaterThan(10);
        assertThat(handedOver).isEqualTo(reference);
    }

    @Test
    void theWindowHoldsFewerRecordsThanAMatchAndEmptiesWhenTimePassesThem() throws Exception {
        CompiledRule rule = compile(RETRIES, null);
        RuleState state = new RuleState(new InMemoryStateStore(), new RuleRecordSerializer());
        List<Long> deadlines = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        try (RuleRunner runner = new RuleRunner(rule, NoRuntimeContext.INSTANCE, () -> 0L)) {
            List<RuleRunner.Batch> batches = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                batches.add(batch(1_000 + i * 1_000L, retry(1_000 + i * 1_000L, i)));
            }
            RuleRunner.Result result =
                    runner.run(state, batches, 9_000, 0, listener(matches, deadlines));
            assertThat(matches).containsExactly("5000:0,1,2,3,4");
            assertThat(result.partialMatchesAfter()).isEqualTo(4);
            assertThat(CountWindow.size(state.countWindow().value())).isEqualTo(4);
            assertThat(deadlines).containsExactly(6_000L + 60_000);

            // The watermark passes the oldest record's deadline: it goes; then all of them.
            result = runner.run(state, List.of(), 66_000, 0, listener(matches, deadlines));
            assertThat(result.partialMatchesAfter()).isEqualTo(3);
            result = runner.run(state, List.of(), 70_000, 0, listener(matches, deadlines));
            assertThat(result.partialMatchesAfter()).isZero();
            assertThat(state.countWindow().value()).isNull();
        }
    }

    @Test
    void aStoredWindowOfAnotherFormatIsRefused() {
        assertThatThrownBy(() -> CountWindow.size(new byte[] {9, 0, 0}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown count window format 9");
    }

    // ------------------------------------------------------------------ helpers

    private static RuleRecord retry(long time, int id) {
        return RuleFiles.routed(
                KeyKind.SERVICE,
                RuleFiles.log(time, "checkout", LogLevel.WARN, "retry " + id + " of 3"));
    }

    private static RuleRunner.Batch batch(long time, RuleRecord... records) {
        return new RuleRunner.Batch(time, new ArrayList<>(List.of(records)));
    }

    /**
     * Runs of one key as the operator makes them: a few timestamps per watermark, retries (which
     * match), other warnings (which do not), gaps that let partial matches time out.
     */
    private static List<List<RuleRunner.Batch>> randomRuns(Random random, int records) {
        List<List<RuleRunner.Batch>> runs = new ArrayList<>();
        long time = 1_000_000;
        int id = 0;
        while (id < records) {
            List<RuleRunner.Batch> run = new ArrayList<>();
            for (int t = random.nextInt(3) + 1; t > 0 && id < records; t--) {
                time += random.nextInt(10) == 0 ? 50_000 : (1 + random.nextInt(8)) * 1_000L;
                RuleRunner.Batch b = batch(time);
                for (int n = random.nextInt(2) + 1; n > 0; n--, id++) {
                    b.records()
                            .add(
                                    random.nextInt(4) == 0
                                            ? RuleFiles.routed(
                                                    KeyKind.SERVICE,
                                                    RuleFiles.log(
                                                            time,
                                                            "checkout",
                                                            LogLevel.WARN,
                                                            "slow query " + id))
                                            : retry(time, id));
                }
                run.add(b);
            }
            runs.add(run);
        }
        return runs;
    }

    private static void runAndCollect(
            RuleRunner runner, RuleState state, List<RuleRunner.Batch> run, List<String> out)
            throws Exception {
        long watermark = run.get(run.size() - 1).timestamp();
        runner.run(state, run, watermark, 0, listener(out, new ArrayList<>()));
    }

    private static RuleRunner.Listener listener(List<String> matches, List<Long> deadlines) {
        return new RuleRunner.Listener() {
            @Override
            public void onMatch(
                    Map<String, List<RuleRecord>> match, long operatorTime, long matchTime) {
                matches.add(
                        matchTime
                                + ":"
                                + match.get("retry").stream()
                                        .map(
                                                r ->
                                                        r.getRecord()
                                                                .toString()
                                                                .replaceAll(
                                                                        ".*retry (\\d+).*", "$1"))
                                        .collect(Collectors.joining(",")));
            }

            @Override
            public void onDeadline(long time) {
                deadlines.add(time);
            }
        };
    }
}
