package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleTestCase;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.rules.testing.ActualMatch;
import io.forewarn.rules.testing.RuleTestRunner;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in library, packaged in the job jar, activates in the rule operator at start, and every
 * test case run through the operator (router keys, shared buffer, watermarks) gives the same
 * Signals as the rule test runner that {@code forewarn rules test} and the build use.
 */
class BundledRulesInOperatorTest {

    @TestFactory
    Stream<DynamicTest> everyTestCaseGivesTheSameSignalsInTheOperator() throws Exception {
        List<RuleUpdate> bundled = BundledRules.builtIn();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(
                DynamicTest.dynamicTest(
                        "the job jar bundles the library",
                        () -> assertThat(bundled).hasSizeGreaterThanOrEqualTo(15)));
        for (RuleUpdate update : bundled) {
            Rule rule = new RuleParser().parse(update.getSourceFile(), update.getContent());
            for (RuleTestCase tc : rule.tests()) {
                tests.add(
                        DynamicTest.dynamicTest(
                                rule.id() + " / " + tc.name(), () -> compare(update, rule, tc)));
            }
        }
        return tests.stream();
    }

    private static void compare(RuleUpdate update, Rule rule, RuleTestCase tc) throws Exception {
        List<Signal> expected =
                new RuleTestRunner()
                        .matches(new RuleCompiler().compile(rule), tc.input()).stream()
                                .map(ActualMatch::signal)
                                .sorted(Comparator.comparing(Signal::getSignalId))
                                .toList();
        var harness = RuleOperatorTest.open(new RuleSettings(100, 1000), List.of(update), null);
        for (RuleRecord r : tc.input()) {
            String key = RuleKeys.keyOf(rule.key(), r.getRecord());
            if (key != null) {
                RuleRecord routed =
                        new RuleRecord(
                                key,
                                RuleKeys.toRecord(rule.key()),
                                r.getTimestamp(),
                                r.getRecord());
                harness.processElement1(new StreamRecord<>(routed, r.getTimestamp()));
            }
        }
        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        List<Signal> actual =
                harness.extractOutputValues().stream()
                        .sorted(Comparator.comparing(Signal::getSignalId))
                        .toList();
        harness.close();
        assertThat(actual).isEqualTo(expected);
    }
}
