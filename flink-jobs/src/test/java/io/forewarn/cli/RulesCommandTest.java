package io.forewarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.testutils.RuleFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new ForewarnCli())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true))
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private static String passing(String id) {
        return RuleFiles.aThenB(id, 1)
                + """
                  tests:
                    - name: a then b
                      input: |
                        0s metric a 1
                        1m metric b 1
                      expect:
                        - at: 1m
                          evidence: [a@0s, b@1m]
                  """;
    }

    @Test
    void validateListsEveryFileAndFailsOnInvalidOnes() throws Exception {
        write("good.yaml", passing("good"));
        assertThat(run("rules", "validate", dir.toString())).isZero();
        assertThat(out.toString())
                .contains(
                        "OK good v1 (" + dir.resolve("good.yaml") + ")",
                        "1 rule file(s), 0 invalid");

        write("bad.yaml", RuleFiles.aThenB("bad", 1).replace("within: 10m\n", ""));
        assertThat(run("rules", "validate", dir.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains(
                        "INVALID " + dir.resolve("bad.yaml"),
                        "the rule has no 'within'",
                        "2 rule file(s), 1 invalid");
    }

    @Test
    void validateNotesARuleThatKeepsEveryLogLine() throws Exception {
        write(
                "every-log.yaml",
                RuleFiles.aThenB("every-log", 1)
                        .replace("match: {metric: b}", "contiguity: next\n    match: {log: any}"));
        assertThat(run("rules", "validate", dir.toString())).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "OK every-log v1",
                        "  note: rule every-log sees every log record of each service");

        write("every-log.yaml", passing("every-log"));
        out.getBuffer().setLength(0);
        assertThat(run("rules", "validate", dir.toString())).isZero();
        assertThat(out.toString()).contains("OK every-log v1").doesNotContain("note:");
    }

    @Test
    void testPrintsEveryCaseAndFailsWhenOneFails() throws Exception {
        write("good.yaml", passing("good"));
        assertThat(run("rules", "test", dir.toString())).isZero();
        assertThat(out.toString())
                .contains("PASS good / a then b", "1 test case(s), 1 passed, 0 failed");

        write("wrong.yaml", passing("wrong").replace("at: 1m", "at: 2m"));
        assertThat(run("rules", "test", dir.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains(
                        "FAIL wrong / a then b",
                        "- at 2m: a@0s b@1m   (expected, not found)",
                        "+ at 1m: a@0s b@1m   (found, not expected)",
                        "2 test case(s), 1 passed, 1 failed");
    }

    @Test
    void publishRefusesRulesWhoseTestsFail() throws Exception {
        write("wrong.yaml", passing("wrong").replace("at: 1m", "at: 2m"));
        assertThat(run("rules", "publish", dir.toString(), "-Dkafka.bootstrap-servers=127.0.0.1:1"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("nothing published");
    }

    @Test
    void theBuiltInLibraryPassesItsTests() {
        assertThat(run("rules", "test", "../cep-rules/rules")).as(out.toString()).isZero();
    }

    @Test
    void everyRulesCommandHasHelp() {
        for (String command : new String[] {"validate", "test", "publish"}) {
            assertThat(run("rules", command, "--help")).isZero();
        }
        assertThat(out.toString())
                .contains(
                        "Usage: forewarn rules validate",
                        "Usage: forewarn rules test",
                        "Usage: forewarn rules publish",
                        "--config",
                        "-D");
    }

    @Test
    void missingPathsAreOneLineErrors() {
        assertThat(run("rules", "validate", dir.resolve("nope").toString()))
                .isEqualTo(ErrorHandler.EXIT_USAGE);
        assertThat(out.toString()).contains("error: no such file or directory");
    }
}
