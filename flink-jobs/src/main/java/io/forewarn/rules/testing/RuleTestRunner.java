package io.forewarn.rules.testing;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.model.RuleTestCase;
import io.forewarn.rules.model.Step;
import io.forewarn.rules.parse.Durations;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.rules.runtime.RuleKeys;
import io.forewarn.rules.runtime.RuleRecordSerializer;
import io.forewarn.rules.runtime.RuleRunner;
import io.forewarn.rules.runtime.RuleState;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses and compiles a rule file and runs its test cases through the engine's {@link RuleRunner}:
 * records are keyed as the job keys them, filtered to those the rule sees, fed in time order, and
 * time then advances past the end, so matches waiting for a {@code within} deadline complete. The
 * matches are compared with the expected ones.
 */
public final class RuleTestRunner {

    private static final double PROBABILITY_TOLERANCE = 1e-6;

    private final RuleParser parser = new RuleParser();
    private final RuleCompiler compiler = new RuleCompiler();

    /** Tests one rule file. */
    public FileResult run(Path file) throws IOException {
        return run(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Tests the text of one rule file. */
    public FileResult run(String file, String text) {
        Rule rule;
        CompiledRule compiled;
        try {
            rule = parser.parse(file, text);
        } catch (RuleException e) {
            return new FileResult(file, null, e.problems(), List.of(), List.of());
        }
        try {
            compiled = compiler.compile(rule);
        } catch (RuleException e) {
            return new FileResult(file, rule, e.problems(), List.of(), List.of());
        }
        List<CaseResult> cases = new ArrayList<>();
        for (RuleTestCase tc : rule.tests()) {
            List<ActualMatch> actual = matches(compiled, tc.input());
            cases.add(new CaseResult(tc, actual, compare(rule, tc.expected(), actual)));
        }
        return new FileResult(file, rule, List.of(), cases, compiled.costNote().stream().toList());
    }

    /** The matches a compiled rule finds in the records (timestamps relative to the test epoch). */
    public List<ActualMatch> matches(CompiledRule rule, List<RuleRecord> input) {
        Map<String, List<RuleRecord>> byKey = new LinkedHashMap<>();
        for (RuleRecord r : input) {
            String key = RuleKeys.keyOf(rule.rule().key(), r.getRecord());
            if (key == null) {
                continue;
            }
            RuleRecord keyed = new RuleRecord(key, r.getKeyKind(), r.getTimestamp(), r.getRecord());
            if (rule.accepts(keyed)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(keyed);
            }
        }
        List<ActualMatch> out = new ArrayList<>();
        Map<String, Integer> stepOrder = stepOrder(rule.rule());
        RuleRecordSerializer serializer = new RuleRecordSerializer();
        for (Map.Entry<String, List<RuleRecord>> e : byKey.entrySet()) {
            List<RuleRecord> records = new ArrayList<>(e.getValue());
            records.sort(Comparator.comparingLong(RuleRecord::getTimestamp));
            List<RuleRunner.Batch> batches = new ArrayList<>();
            for (RuleRecord r : records) {
                if (batches.isEmpty()
                        || batches.get(batches.size() - 1).timestamp() != r.getTimestamp()) {
                    batches.add(new RuleRunner.Batch(r.getTimestamp(), new ArrayList<>()));
                }
                batches.get(batches.size() - 1).records().add(r);
            }
            try (RuleRunner runner = new RuleRunner(rule, NoRuntimeContext.INSTANCE, () -> 0L)) {
                RuleState state = new RuleState(new InMemoryStateStore(), serializer);
                runner.run(
                        state,
                        batches,
                        Long.MAX_VALUE,
                        0,
                        new RuleRunner.Listener() {
                            @Override
                            public void onMatch(
                                    Map<String, List<RuleRecord>> match,
                                    long operatorTime,
                                    long matchTime) {
                                Signal signal = rule.output().signal(e.getKey(), match, matchTime);
                                out.add(
                                        new ActualMatch(
                                                matchTime - RuleTestCase.EPOCH,
                                                evidence(match, stepOrder),
                                                signal));
                            }

                            @Override
                            public void onDeadline(long time) {
                                // Time advances past every deadline at the end of the run.
                            }
                        });
            } catch (Exception ex) {
                throw new IllegalStateException(
                        "Rule " + rule.id() + " failed on its test input", ex);
            }
        }
        out.sort(
                Comparator.comparingLong(ActualMatch::at)
                        .thenComparing(m -> String.join(" ", m.evidence())));
        return out;
    }

    private static Map<String, Integer> stepOrder(Rule rule) {
        Map<String, Integer> order = new HashMap<>();
        List<Step> steps = rule.steps();
        for (int i = 0; i < steps.size(); i++) {
            order.put(steps.get(i).name(), i);
        }
        return order;
    }

    private static List<String> evidence(
            Map<String, List<RuleRecord>> match, Map<String, Integer> order) {
        List<String[]> items = new ArrayList<>();
        match.forEach(
                (step, records) -> {
                    for (RuleRecord r : records) {
                        items.add(
                                new String[] {
                                    step, Long.toString(r.getTimestamp() - RuleTestCase.EPOCH)
                                });
                    }
                });
        return canonical(items, order);
    }

    private static List<String> canonical(List<String[]> items, Map<String, Integer> order) {
        items.sort(
                Comparator.<String[]>comparingInt(i -> order.getOrDefault(i[0], Integer.MAX_VALUE))
                        .thenComparingLong(i -> Long.parseLong(i[1])));
        List<String> out = new ArrayList<>();
        for (String[] i : items) {
            out.add(
                    i[0]
                            + "@"
                            + Durations.format(java.time.Duration.ofMillis(Long.parseLong(i[1]))));
        }
        return out;
    }

    private static List<String> compare(
            Rule rule, List<RuleTestCase.ExpectedMatch> expected, List<ActualMatch> actual) {
        Map<String, Integer> order = stepOrder(rule);
        List<String> differences = new ArrayList<>();
        List<ActualMatch> unmatched = new ArrayList<>(actual);
        for (RuleTestCase.ExpectedMatch e : expected) {
            List<String[]> items = new ArrayList<>();
            for (String ev : e.evidence()) {
                int at = ev.indexOf('@');
                items.add(
                        new String[] {
                            ev.substring(0, at),
                            Long.toString(Durations.parse(ev.substring(at + 1)).toMillis())
                        });
            }
            List<String> wanted = canonical(items, order);
            ActualMatch found = null;
            for (ActualMatch a : unmatched) {
                if (a.at() == e.at() && a.evidence().equals(wanted)) {
                    found = a;
                    break;
                }
            }
            String line = describe(e.at(), wanted);
            if (found == null) {
                differences.add("- " + line + "   (expected, not found)");
                continue;
            }
            unmatched.remove(found);
            if (e.summary() != null
                    && !e.summary().equals(found.signal().getEvidence().get(0).getSummary())) {
                differences.add(
                        "~ "
                                + line
                                + "   summary: expected \""
                                + e.summary()
                                + "\", got \""
                                + found.signal().getEvidence().get(0).getSummary()
                                + "\"");
            }
            if (e.probability() != null
                    && Math.abs(e.probability() - found.signal().getProbability())
                            > PROBABILITY_TOLERANCE) {
                differences.add(
                        "~ "
                                + line
                                + "   probability: expected "
                                + e.probability()
                                + ", got "
                                + String.format(
                                        Locale.ROOT, "%.6f", found.signal().getProbability()));
            }
        }
        for (ActualMatch a : unmatched) {
            differences.add("+ " + describe(a.at(), a.evidence()) + "   (found, not expected)");
        }
        return differences;
    }

    /** {@code at 1m30s: heap@0s gc@30s}. */
    public static String describe(long at, List<String> evidence) {
        return "at "
                + Durations.format(java.time.Duration.ofMillis(at))
                + ": "
                + String.join(" ", evidence);
    }
}
