package io.forewarn.rules.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.forewarn.rules.model.Rule;
import io.forewarn.rules.testing.CaseResult;
import io.forewarn.rules.testing.FileResult;
import io.forewarn.rules.testing.RuleTestReport;
import io.forewarn.rules.testing.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule file of the built-in library parses, compiles and passes its own test cases; the
 * library as a whole keeps its promises (size, tests on both sides, runbooks).
 */
class BundledRulesTest {

    private static final Path RULES = Path.of("rules");
    private static final Path DOCS = Path.of("../docs/rules.md");

    static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    static List<FileResult> results() throws IOException {
        RuleTestRunner runner = new RuleTestRunner();
        List<FileResult> out = new ArrayList<>();
        for (Path f : ruleFiles()) {
            out.add(runner.run(f));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicNode> everyRuleFilePassesItsTests() throws IOException {
        return results().stream()
                .map(
                        r -> {
                            List<DynamicNode> tests = new ArrayList<>();
                            tests.add(
                                    dynamicTest(
                                            "parses and compiles",
                                            () ->
                                                    assertThat(r.problems())
                                                            .as("problems of %s", r.file())
                                                            .isEmpty()));
                            for (CaseResult c : r.cases()) {
                                tests.add(
                                        dynamicTest(
                                                c.testCase().name(),
                                                () ->
                                                        assertThat(c.passed())
                                                                .as(report(r))
                                                                .isTrue()));
                            }
                            return dynamicContainer(r.file(), tests);
                        });
    }

    @Test
    void theLibraryHasAtLeastFifteenRulesEachTestedBothWays() throws IOException {
        List<FileResult> results = results();
        assertThat(results.size()).as("rules in the library").isGreaterThanOrEqualTo(15);
        Set<String> ids = new HashSet<>();
        for (FileResult r : results) {
            assertThat(r.problems()).as(report(r)).isEmpty();
            Rule rule = r.rule();
            assertThat(ids.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
            assertThat(Path.of(r.file()).getFileName().toString()).isEqualTo(rule.id() + ".yaml");
            assertThat(rule.tests())
                    .as("%s has a case that matches", rule.id())
                    .anyMatch(t -> !t.expected().isEmpty());
            assertThat(rule.tests())
                    .as("%s has a case that must not match", rule.id())
                    .anyMatch(t -> t.expected().isEmpty());
            assertThat(Files.readString(DOCS))
                    .as("docs/rules.md lists %s in the built-in library", rule.id())
                    .contains("| `" + rule.id() + "` |");
            assertThat(rule.output().actions())
                    .as("%s recommends an action with a runbook", rule.id())
                    .anyMatch(a -> a.runbook() != null);
        }
    }

    private static String report(FileResult r) {
        StringWriter out = new StringWriter();
        RuleTestReport.print(r, new PrintWriter(out, true));
        return out.toString();
    }
}
