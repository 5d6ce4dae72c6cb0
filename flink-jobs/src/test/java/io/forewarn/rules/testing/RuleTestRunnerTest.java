package io.forewarn.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.testutils.RuleFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RuleTestRunnerTest {

    private static final String RULE =
            RuleFiles.rule(
                    "r",
                    1,
                    "service",
                    "5m",
                    null,
                    """
                      - step: a
                        match: {metric: a}
                        where: value > 5
                      - step: b
                        match: {metric: b}
                    """);

    private static String report(FileResult result) {
        StringWriter out = new StringWriter();
        RuleTestReport.print(result, new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void passingCasesArePrintedOnOneLine() {
        FileResult result =
                new RuleTestRunner()
                        .run(
                                "r.yaml",
                                RULE
                                        + """
                                          tests:
                                            - name: a then b
                                              input: |
                                                0s  metric a 7
                                                30s metric a 1
                                                1m  metric b 0
                                              expect:
                                                - at: 1m
                                                  evidence: [a@0s, b@1m]
                                                  summary: r matched on app
                                                  probability: 0.5
                                          """);
        assertThat(result.passed()).isTrue();
        assertThat(report(result)).isEqualTo("PASS r / a then b\n");
    }

    @Test
    void failingCasesShowWhatWasMissingAndWhatWasFound() {
        FileResult result =
                new RuleTestRunner()
                        .run(
                                "r.yaml",
                                RULE
                                        + """
                                          tests:
                                            - name: wrong expectations
                                              input: |
                                                0s  metric a 7
                                                1m  metric b 0
                                                2m  metric a 9
                                                3m  metric b 0
                                              expect:
                                                - at: 1m
                                                  evidence: [a@0s, b@1m]
                                                  summary: something else
                                                - at: 2m
                                                  evidence: [a@0s, b@2m]
                                          """);
        assertThat(result.passed()).isFalse();
        assertThat(report(result))
                .isEqualTo(
"""
FAIL r / wrong expectations
  at r.yaml:18:5
  expected 2 match(es), got 2:
    ~ at 1m: a@0s b@1m   summary: expected "something else", got "r matched on app"
    - at 2m: a@0s b@2m   (expected, not found)
    + at 3m: a@2m b@3m   (found, not expected)
  all matches found:
    at 1m: a@0s b@1m   summary: "r matched on app"
    at 3m: a@2m b@3m   summary: "r matched on app"
""");
    }

    @Test
    void rulesThatDoNotCompileReportTheirProblems() {
        FileResult result =
                new RuleTestRunner().run("r.yaml", RULE.replace("value > 5", "value > five"));
        assertThat(result.passed()).isFalse();
        assertThat(report(result))
                .startsWith(
                        "FAIL r.yaml\n"
                                + "  r.yaml:10:20: rule r: in 'value > five': undeclared reference to"
                                + " 'five'");
    }

    @Test
    void recordsOfOtherKeysAreMatchedSeparately() {
        FileResult result =
                new RuleTestRunner()
                        .run(
                                "r.yaml",
                                RULE
                                        + """
                                          tests:
                                            - name: two services
                                              input: |
                                                0s  metric a 7 service=checkout
                                                10s metric a 8 service=search
                                                1m  metric b 0 service=search
                                              expect:
                                                - at: 1m
                                                  evidence: [a@10s, b@1m]
                                          """);
        assertThat(result.passed()).as(report(result)).isTrue();
    }
}
