package io.forewarn.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.time.Duration;
import java.util.List;
import org.apache.flink.cep.nfa.aftermatch.SkipToLastStrategy;
import org.apache.flink.cep.pattern.GroupPattern;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.Quantifier;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    private static CompiledRule compile(String text) throws RuleException {
        return new RuleCompiler().compile(new RuleParser().parse("r.yaml", text));
    }

    private static List<String> problems(String text) {
        return catchThrowableOfType(RuleException.class, () -> compile(text)).problems().stream()
                .map(RuleProblem::toString)
                .toList();
    }

    private static String steps(String pattern) {
        return RuleFiles.rule("r", 1, "service", "10m", null, pattern);
    }

    @Test
    void buildsTheFlinkPatternTheRuleDescribes() throws Exception {
        CompiledRule rule =
                compile(
                        RuleFiles.rule(
                                "r",
                                1,
                                "host",
                                "15m",
                                "{skip-to-last: b}",
                                """
                                  - step: a
                                    match: {metric: a}
                                    timesOrMore: 2
                                    consecutive: true
                                  - step: b
                                    contiguity: next
                                    match: {metric: b}
                                    times: {min: 1, max: 3}
                                    optional: true
                                    greedy: true
                                  - group:
                                      - step: c
                                        match: {metric: c}
                                      - step: d
                                        contiguity: notFollowedBy
                                        match: {metric: d}
                                      - step: e
                                        match: {log: ERROR}
                                    contiguity: followedByAny
                                    oneOrMore: true
                                """));
        Pattern<?, ?> group = rule.pattern();
        assertThat(group).isInstanceOf(GroupPattern.class);
        assertThat(group.getQuantifier().getConsumingStrategy())
                .isEqualTo(Quantifier.ConsumingStrategy.SKIP_TILL_ANY);
        assertThat(group.getQuantifier().hasProperty(Quantifier.QuantifierProperty.LOOPING))
                .isTrue();
        assertThat(group.getWindowSize()).contains(Duration.ofMinutes(15));
        Pattern<?, ?> inner = ((GroupPattern<?, ?>) group).getRawPattern();
        assertThat(inner.getName()).isEqualTo("e");
        assertThat(inner.getPrevious().getName()).isEqualTo("d");
        assertThat(inner.getPrevious().getQuantifier().getConsumingStrategy())
                .isEqualTo(Quantifier.ConsumingStrategy.NOT_FOLLOW);
        Pattern<?, ?> b = group.getPrevious();
        assertThat(b.getName()).isEqualTo("b");
        assertThat(b.getQuantifier().getConsumingStrategy())
                .isEqualTo(Quantifier.ConsumingStrategy.STRICT);
        assertThat(b.getQuantifier().hasProperty(Quantifier.QuantifierProperty.OPTIONAL)).isTrue();
        assertThat(b.getQuantifier().hasProperty(Quantifier.QuantifierProperty.GREEDY)).isTrue();
        assertThat(b.getTimes().getFrom()).isEqualTo(1);
        assertThat(b.getTimes().getTo()).isEqualTo(3);
        Pattern<?, ?> a = b.getPrevious();
        assertThat(a.getQuantifier().getInnerConsumingStrategy())
                .isEqualTo(Quantifier.ConsumingStrategy.STRICT);
        assertThat(a.getTimes().getFrom()).isEqualTo(2);
        assertThat(rule.skipStrategy()).isInstanceOf(SkipToLastStrategy.class);
        assertThat(rule.skipStrategy().getPatternName()).contains("b");
        assertThat(rule.rule().key()).isEqualTo(KeyKind.HOST);
    }

    @Test
    void aRuleSeesOnlyTheRecordsItsStepsSelect() throws Exception {
        CompiledRule rule =
                compile(
                        steps(
                                """
                                  - step: a
                                    match: {metric: a, service: [checkout]}
                                  - step: b
                                    match: {log: [ERROR]}
                                """));
        assertThat(rule.accepts(RuleFiles.serviceMetric(1, "checkout", "a", 1))).isTrue();
        assertThat(rule.accepts(RuleFiles.serviceMetric(1, "search", "a", 1))).isFalse();
        assertThat(rule.accepts(RuleFiles.serviceMetric(1, "checkout", "b", 1))).isFalse();
        assertThat(
                        rule.accepts(
                                RuleFiles.routed(
                                        KeyKind.SERVICE,
                                        RuleFiles.log(1, "x", LogLevel.ERROR, "boom"))))
                .isTrue();
        assertThat(
                        rule.accepts(
                                RuleFiles.routed(
                                        KeyKind.SERVICE,
                                        RuleFiles.log(1, "x", LogLevel.INFO, "ok"))))
                .isFalse();
    }

    @Test
    void aRuleThatKeepsEveryLogLineCarriesACostNote() throws Exception {
        String strict =
                steps(
                        """
                          - step: a
                            match: {log: [ERROR]}
                            where: message.contains('boom')
                          - step: b
                            contiguity: next
                            match: {log: any}
                        """);
        assertThat(compile(strict).costNote())
                .hasValueSatisfying(
                        note ->
                                assertThat(note)
                                        .contains("sees every log record of each service")
                                        .contains("'log: any'"));
        // Relaxed contiguity: the conditions filter the log lines, whatever the selector.
        assertThat(compile(strict.replace("contiguity: next", "contiguity: followedBy")).costNote())
                .isEmpty();
        // Strict contiguity over selected levels only keeps those levels: no note.
        assertThat(compile(strict.replace("{log: any}", "{log: [ERROR]}")).costNote()).isEmpty();
        // A service selector narrows what the rule sees.
        assertThat(
                        compile(strict.replace("{log: any}", "{log: any, service: [checkout]}"))
                                .costNote())
                .isEmpty();
    }

    @Test
    void aRelaxedRuleEndingInNotFollowedBySeesEveryRecordItsSelectorsAccept() throws Exception {
        String pattern =
                """
                  - step: a
                    match: {metric: a}
                    where: value > 4
                  - step: notB
                    contiguity: notFollowedBy
                    match: {metric: b}
                    where: value > 1
                """;
        // The match completes when time passes the window and is emitted as the next record the
        // rule sees arrives: every record it sees times its output.
        CompiledRule endsInNot = compile(steps(pattern));
        assertThat(endsInNot.filtersByCondition()).isFalse();
        assertThat(endsInNot.relevant(RuleFiles.serviceMetric(1, "checkout", "a", 1))).isTrue();
        CompiledRule followed =
                compile(
                        steps(
                                pattern
                                        + """
                                          - step: c
                                            match: {metric: c}
                                        """));
        assertThat(followed.filtersByCondition()).isTrue();
        assertThat(followed.relevant(RuleFiles.serviceMetric(1, "checkout", "a", 1))).isFalse();
    }

    @Test
    void insideTheNfaAConditionOnTheRecordAloneRunsOncePerRecord() throws Exception {
        CompiledRule rule =
                compile(
                        steps(
                                """
                                  - step: retry
                                    match: {log: any}
                                    where: message.contains('retry')
                                    times: 3
                                """));
        StepCondition where = rule.relevance().get(0);
        IterativeCondition.Context<RuleRecord> nfa =
                new IterativeCondition.Context<>() {
                    @Override
                    public Iterable<RuleRecord> getEventsForPattern(String name) {
                        return List.of();
                    }

                    @Override
                    public long timestamp() {
                        return 1;
                    }

                    @Override
                    public long currentProcessingTime() {
                        return 1;
                    }
                };
        RuleRecord retry = log("retry 1");
        RuleRecord other = log("ok");
        // The NFA tests a record against each partial match, and negated for skipping.
        for (int i = 0; i < 3; i++) {
            assertThat(where.filter(retry, nfa)).isTrue();
            assertThat(where.filter(other, nfa)).isFalse();
        }
        assertThat(where.evaluations()).isEqualTo(6);
        for (int i = 0; i < 3; i++) {
            assertThat(where.filter(retry, nfa)).isTrue();
        }
        assertThat(where.evaluations()).isEqualTo(7);
        for (int i = 0; i < 3; i++) {
            assertThat(where.filter(other, nfa)).isFalse();
        }
        assertThat(where.evaluations()).isEqualTo(8);
        // Another record object with the same content is evaluated, and outside the NFA (the
        // router's filter, whose input objects may be reused) every call is.
        assertThat(where.filter(log("ok"), nfa)).isFalse();
        assertThat(where.testRecord(retry)).isTrue();
        assertThat(where.testRecord(retry)).isTrue();
        assertThat(where.evaluations()).isEqualTo(11);
    }

    private static RuleRecord log(String message) {
        return RuleFiles.routed(KeyKind.SERVICE, RuleFiles.log(1, "x", LogLevel.WARN, message));
    }

    @Test
    void unknownFieldsInConditionsAreLocatedAndNamed() {
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            where: valu > 0.9
                                        """)))
                .containsExactly(
                        "r.yaml:10:12: rule r: in 'valu > 0.9': undeclared reference to 'valu' (in"
                                + " container ''). Fix: did you mean 'value'? fields of a metric"
                                + " record: timestamp, service, host, name, value, labels, unit,"
                                + " metricKind; earlier steps: steps.NAME");
    }

    @Test
    void fieldsOfAnotherRecordKindAreNotAvailable() {
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            where: message.contains('x')
                                        """)))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("undeclared reference to 'message'"));
    }

    @Test
    void typeMismatchesAreExplained() {
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            where: value > 'high'
                                          - step: b
                                            match: {metric: b}
                                            where: value
                                        """)))
                .anyMatch(
                        p ->
                                p.startsWith("r.yaml:10:18:")
                                        && p.contains("no matching overload for '_>_'")
                                        && p.contains(
                                                "compare and combine values of the same type"))
                .anyMatch(
                        p ->
                                p.contains("expected type 'bool' but found 'double'")
                                        && p.contains("a condition must be true or false"));
    }

    @Test
    void conditionsMayReferToEarlierStepsButNotLaterOnes() throws Exception {
        compile(
                steps(
                        """
                          - step: a
                            match: {metric: a}
                          - step: b
                            match: {log: ERROR}
                            where: message.contains(steps.a[0].name) && steps.a[0].value > 1
                        """));
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            where: size(steps.b) > 0
                                          - step: b
                                            match: {metric: b}
                                          - step: c
                                            match: {metric: c}
                                            where: steps.a[0].mesage == ''
                                        """)))
                .anyMatch(
                        p ->
                                p.contains("undefined field 'b'")
                                        && p.contains("steps you can refer to here: [a]"))
                .anyMatch(p -> p.contains("undefined field 'mesage'"));
    }

    @Test
    void expressionsInBlockScalarsAreLocatedOnTheirLine() {
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            where: |
                                              value > 0.5 &&
                                                nme == 'a'
                                        """)))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("r.yaml:12:9:"));
    }

    @Test
    void outputsAreTypeChecked() {
        String rule =
                steps("  - step: a\n    match: {metric: a}\n")
                        .replace("probability: 0.5", "probability: \"size(steps.a)\"")
                        .replace(
                                "summary: \"r matched on {{key}}\"",
                                "summary: \"{{steps.a[0].valeu}}\"");
        assertThat(problems(rule))
                .anyMatch(
                        p ->
                                p.contains("expected type 'double' but found 'int'")
                                        && p.contains("the probability must be a double"))
                .anyMatch(p -> p.contains("undefined field 'valeu'"));
    }

    @Test
    void patternsFlinkCepRejectsAreReportedAsUnsupportedCombinations() {
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            oneOrMore: true
                                            greedy: true
                                          - step: b
                                            match: {metric: b}
                                            optional: true
                                          - step: c
                                            match: {metric: c}
                                        """)))
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p)
                                        .contains(
                                                "unsupported combination: Flink CEP rejects the"
                                                        + " pattern")
                                        .contains(
                                                "Optional pattern cannot be preceded by greedy"
                                                        + " pattern"));
        assertThat(
                        problems(
                                steps(
                                        """
                                          - step: a
                                            match: {metric: a}
                                            optional: true
                                        """)))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("every step is optional"));
    }
}
