package io.forewarn.rules.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.rules.runtime.MatchHandler;
import io.forewarn.rules.runtime.RuleOperator;
import io.forewarn.rules.runtime.RuleSettings;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The semantics reference of the rules engine: for every pattern of {@link DifferentialPatterns},
 * the dynamic {@link RuleOperator} (all patterns active at once, published as rule updates) finds
 * exactly the same matches, at the same times, as Flink's static {@link CepOperator} (one per
 * pattern, as {@code CEP.pattern(...)} builds it) fed with the records the rule sees. Streams are
 * seeded and random, with equal timestamps, out-of-order and late records, several keys, and a
 * snapshot and restore of every operator in the middle.
 */
class DynamicVsStaticCepTest {

    private static final long SECOND = 1000;
    private static final long MAX_OUT_OF_ORDER = 20 * SECOND;
    private static final int EVENTS_PER_KEY = 120;
    private static final List<String> KEYS = List.of("s1", "s2", "s3");
    private static final long[] SEEDS = {7L, 42L, 1234L, 99_991L, 314_159L};

    private final Map<String, CompiledRule> rules = compile(DifferentialPatterns.all());
    private final Map<String, Integer> matchesPerPattern = new TreeMap<>();
    private final Map<Long, Map<String, List<String>>> fullStreamMatches = new HashMap<>();

    private static Map<String, CompiledRule> compile(Map<String, String> files) {
        Map<String, CompiledRule> out = new LinkedHashMap<>();
        files.forEach(
                (id, text) -> {
                    try {
                        out.put(
                                id,
                                new RuleCompiler()
                                        .compile(new RuleParser().parse(id + ".yaml", text)));
                    } catch (Exception e) {
                        throw new IllegalStateException("pattern " + id + " does not compile", e);
                    }
                });
        return out;
    }

    @TestFactory
    Stream<DynamicTest> dynamicOperatorMatchesStaticCepOperatorOnRandomStreams() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(
                DynamicTest.dynamicTest(
                        "at least 30 patterns",
                        () -> assertThat(rules).hasSizeGreaterThanOrEqualTo(30)));
        for (long seed : SEEDS) {
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> compare(seed, false)));
        }
        // The router drops records that satisfy no condition of a rule that allows it; fed only
        // the records that remain, both sides must still find the matches of the full stream.
        tests.add(
                DynamicTest.dynamicTest(
                        "patterns that filter records by their conditions",
                        () ->
                                assertThat(
                                                rules.values().stream()
                                                        .filter(CompiledRule::filtersByCondition)
                                                        .count())
                                        .isGreaterThanOrEqualTo(10)));
        for (long seed : SEEDS) {
            tests.add(
                    DynamicTest.dynamicTest(
                            "seed " + seed + ", irrelevant records dropped",
                            () -> compare(seed, true)));
        }
        tests.add(
                DynamicTest.dynamicTest(
                        "every pattern matched something",
                        () -> {
                            for (String id : rules.keySet()) {
                                assertThat(matchesPerPattern.getOrDefault(id, 0))
                                        .as("matches of %s over all seeds", id)
                                        .isPositive();
                            }
                        }));
        return tests.stream();
    }

    private void compare(long seed, boolean dropIrrelevant) throws Exception {
        List<Object> stream = stream(new Random(seed));
        int dropped = 0;
        int restoreAt = stream.size() / 2;

        Map<String, List<String>> dynamicOut = new HashMap<>();
        Map<String, List<String>> staticOut = new HashMap<>();

        var dynamic = dynamicHarness(null);
        for (String text : DifferentialPatterns.all().values()) {
            dynamic.processElement2(new StreamRecord<>(RuleFiles.upsert(text)));
        }
        Map<String, KeyedOneInputStreamOperatorTestHarness<String, RuleRecord, String>> statics =
                new LinkedHashMap<>();
        for (Map.Entry<String, CompiledRule> r : rules.entrySet()) {
            statics.put(r.getKey(), staticHarness(r.getValue(), null));
        }

        for (int i = 0; i < stream.size(); i++) {
            if (i == restoreAt) {
                OperatorSubtaskState d = dynamic.snapshot(1, 1);
                collect(dynamic.extractOutputValues(), dynamicOut);
                dynamic.close();
                dynamic = dynamicHarness(d);
                for (Map.Entry<
                                String,
                                KeyedOneInputStreamOperatorTestHarness<String, RuleRecord, String>>
                        e : statics.entrySet()) {
                    OperatorSubtaskState s = e.getValue().snapshot(1, 1);
                    collect(e.getValue().extractOutputValues(), staticOut);
                    e.getValue().close();
                    e.setValue(staticHarness(rules.get(e.getKey()), s));
                }
            }
            Object item = stream.get(i);
            if (item instanceof Watermark w) {
                dynamic.processBothWatermarks(w);
                for (var h : statics.values()) {
                    h.processWatermark(w);
                }
            } else {
                RuleRecord r = (RuleRecord) item;
                if (!dropIrrelevant || rules.values().stream().anyMatch(c -> c.relevant(r))) {
                    dynamic.processElement1(new StreamRecord<>(r, r.getTimestamp()));
                }
                for (Map.Entry<String, CompiledRule> rule : rules.entrySet()) {
                    boolean sees =
                            dropIrrelevant
                                    ? rule.getValue().relevant(r)
                                    : rule.getValue().accepts(r);
                    if (dropIrrelevant && rule.getValue().accepts(r) && !sees) {
                        dropped++;
                    }
                    if (sees) {
                        statics.get(rule.getKey())
                                .processElement(new StreamRecord<>(r, r.getTimestamp()));
                    }
                }
            }
        }
        collect(dynamic.extractOutputValues(), dynamicOut);
        dynamic.close();
        for (var h : statics.values()) {
            collect(h.extractOutputValues(), staticOut);
            h.close();
        }

        List<String> differences = new ArrayList<>();
        if (!dropIrrelevant) {
            fullStreamMatches.put(seed, staticOut);
            for (String id : rules.keySet()) {
                matchesPerPattern.merge(
                        id, staticOut.getOrDefault(id, List.of()).size(), Integer::sum);
                differ(id, "static", staticOut, "dynamic", dynamicOut, false, differences);
            }
        } else {
            // The full stream's matches are the reference. Flink's CepOperator finds a match that
            // a timeout completes (notFollowedBy at the end) when time next advances for the key,
            // which is later when it sees fewer records: the same match, emitted later. The
            // dynamic operator advances at the match's deadline, so its times must not move.
            Map<String, List<String>> full = fullStreamMatches.get(seed);
            assertThat(full).as("the full stream of seed %d ran first", seed).isNotNull();
            assertThat(dropped).as("records some rule did not need").isPositive();
            for (String id : rules.keySet()) {
                differ(id, "full stream", full, "dynamic", dynamicOut, false, differences);
                differ(id, "full stream", full, "static", staticOut, true, differences);
            }
        }
        assertThat(differences).as("patterns whose matches differ (seed %d)", seed).isEmpty();
    }

    /** Adds a line to {@code differences} if the two sides' matches of a pattern differ. */
    private static void differ(
            String id,
            String leftName,
            Map<String, List<String>> left,
            String rightName,
            Map<String, List<String>> right,
            boolean ignoreTimes,
            List<String> differences) {
        List<String> l = sorted(left.getOrDefault(id, List.of()), ignoreTimes);
        List<String> r = sorted(right.getOrDefault(id, List.of()), ignoreTimes);
        if (!l.equals(r)) {
            List<String> onlyLeft = new ArrayList<>(l);
            r.forEach(onlyLeft::remove);
            List<String> onlyRight = new ArrayList<>(r);
            l.forEach(onlyRight::remove);
            differences.add(
                    String.format(
                            "%s: %s %d, %s %d; only %s: %s; only %s: %s",
                            id,
                            leftName,
                            l.size(),
                            rightName,
                            r.size(),
                            leftName,
                            onlyLeft.stream().limit(3).collect(Collectors.toList()),
                            rightName,
                            onlyRight.stream().limit(3).collect(Collectors.toList())));
        }
    }

    private static void collect(List<String> outputs, Map<String, List<String>> into) {
        for (String o : outputs) {
            into.computeIfAbsent(o.substring(0, o.indexOf('|')), k -> new ArrayList<>()).add(o);
        }
    }

    /** Sorted; without the emission time (third field of {@code id|key|time|steps}) if asked. */
    private static List<String> sorted(List<String> in, boolean ignoreTimes) {
        List<String> out = new ArrayList<>();
        for (String match : in) {
            out.add(ignoreTimes ? match.replaceFirst("^([^|]*\\|[^|]*\\|)[^|]*", "$1") : match);
        }
        Collections.sort(out);
        return out;
    }

    /**
     * Per key, a random walk of records (metrics a, b, c, d and noise x with values 0..9, INFO and
     * ERROR logs; equal timestamps happen), merged and shuffled within a bounded distance, with a
     * watermark every few records trailing the newest timestamp by less than the disorder, so some
     * records arrive late. Ends with a final watermark.
     */
    private static List<Object> stream(Random random) {
        List<RuleRecord> records = new ArrayList<>();
        int id = 0;
        for (String key : KEYS) {
            long ts = 1_000_000;
            for (int i = 0; i < EVENTS_PER_KEY; i++) {
                ts += random.nextInt(4) == 0 ? 0 : (1 + random.nextInt(12)) * SECOND;
                Object record;
                if (random.nextInt(8) == 0) {
                    record =
                            LogRecord.newBuilder()
                                    .setTimestamp(ts)
                                    .setService(key)
                                    .setLevel(random.nextBoolean() ? LogLevel.ERROR : LogLevel.INFO)
                                    .setMessage("log " + id)
                                    .setAttributes(Map.of("id", Integer.toString(id)))
                                    .build();
                } else {
                    String name = "abcdx".substring(random.nextInt(5)).substring(0, 1);
                    record =
                            MetricSample.newBuilder()
                                    .setTimestamp(ts)
                                    .setName(name)
                                    .setValue(random.nextInt(10))
                                    .setService(key)
                                    .setLabels(Map.of("id", Integer.toString(id)))
                                    .build();
                }
                id++;
                records.add(RuleFiles.routed(KeyKind.SERVICE, record));
            }
        }
        records.sort((x, y) -> Long.compare(x.getTimestamp(), y.getTimestamp()));
        for (int i = 0; i < records.size(); i++) {
            int j = Math.min(records.size() - 1, i + random.nextInt(6));
            Collections.swap(records, i, j);
        }
        List<Object> out = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < records.size(); i++) {
            out.add(records.get(i));
            newest = Math.max(newest, records.get(i).getTimestamp());
            if (i % 7 == 6) {
                out.add(new Watermark(newest - MAX_OUT_OF_ORDER + random.nextInt(15) * SECOND));
            }
        }
        out.add(new Watermark(Long.MAX_VALUE));
        return monotonic(out);
    }

    private static List<Object> monotonic(List<Object> items) {
        List<Object> out = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (Object o : items) {
            if (o instanceof Watermark w) {
                if (w.getTimestamp() > last) {
                    last = w.getTimestamp();
                    out.add(w);
                }
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, RuleRecord, RuleUpdate, String>
            dynamicHarness(OperatorSubtaskState restore) throws Exception {
        var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new RuleOperator<>(
                                new RuleSettings(1000, 0), List.of(), new CanonicalMatch()),
                        RuleRecord::getKey,
                        null,
                        Types.STRING);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, RuleRecord, String> staticHarness(
            CompiledRule rule, OperatorSubtaskState restore) throws Exception {
        CepOperator<RuleRecord, String, String> cep =
                new CepOperator<>(
                        new AvroSerializer<>(RuleRecord.class),
                        false,
                        NFACompiler.compileFactory(rule.pattern(), false),
                        null,
                        rule.pattern().getAfterMatchSkipStrategy(),
                        new CanonicalStaticMatch(rule.id()),
                        null);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(cep, RuleRecord::getKey, Types.STRING);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** {@code rule|key|time|step=ids;step=ids}: the same text for both operators. */
    static String canonical(
            String ruleId, String key, long time, Map<String, List<RuleRecord>> match) {
        StringBuilder out =
                new StringBuilder(ruleId)
                        .append('|')
                        .append(key)
                        .append('|')
                        .append(time)
                        .append('|');
        new TreeMap<>(match)
                .forEach(
                        (step, records) -> {
                            out.append(step).append('=');
                            out.append(
                                    records.stream()
                                            .map(DynamicVsStaticCepTest::idOf)
                                            .collect(Collectors.joining(",")));
                            out.append(';');
                        });
        return out.toString();
    }

    private static String idOf(RuleRecord r) {
        Object record = r.getRecord();
        return record instanceof MetricSample m
                ? m.getLabels().get("id")
                : ((LogRecord) record).getAttributes().get("id");
    }

    /** The dynamic operator's output. */
    static final class CanonicalMatch implements MatchHandler<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void onMatch(
                CompiledRule rule,
                String key,
                Map<String, List<RuleRecord>> match,
                long operatorTime,
                long matchTime,
                Collector<String> out) {
            out.collect(canonical(rule.id(), key, operatorTime, match));
        }
    }

    /** The static operator's output. */
    static final class CanonicalStaticMatch extends PatternProcessFunction<RuleRecord, String> {
        private static final long serialVersionUID = 1L;
        private final String ruleId;

        CanonicalStaticMatch(String ruleId) {
            this.ruleId = ruleId;
        }

        @Override
        public void processMatch(
                Map<String, List<RuleRecord>> match, Context ctx, Collector<String> out) {
            String key = match.values().iterator().next().get(0).getKey();
            out.collect(canonical(ruleId, key, ctx.timestamp(), match));
        }
    }
}
