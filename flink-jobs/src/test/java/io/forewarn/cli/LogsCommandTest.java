package io.forewarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogsCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new ForewarnCli())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }

    @Test
    void parseWritesTheLoghubStructuredCsv() throws Exception {
        Path log = dir.resolve("app.log");
        Files.write(
                log,
                List.of(
                        "2024-01-01 10:00:00 INFO Worker: job alpha finished in 12 ms",
                        "2024-01-01 10:00:01 INFO Worker: job beta finished in 7 ms",
                        "2024-01-01 10:00:02 INFO Worker: job gamma finished in 9 ms",
                        "2024-01-01 10:00:03 WARN Pool: pool size 8 of 8"));
        Path csv = dir.resolve("out/app.csv");

        int exit =
                run(
                        "logs",
                        "parse",
                        "--format",
                        "<Date> <Time> <Level> <Component>: <Content>",
                        log.toString(),
                        "--out",
                        csv.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("4 lines, 2 templates");
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(5).first().isEqualTo("LineId,EventId,EventTemplate");
        assertThat(rows.subList(1, 4))
                .allSatisfy(row -> assertThat(row).endsWith(",job <*> finished in <*>"));
        assertThat(rows.get(4)).endsWith(",pool size <*> of <*>");
    }

    @Test
    void analyzeDecodesJsonLogsAsTheJobDoesAndPrintsTopErrorPatterns() throws Exception {
        Path log = dir.resolve("checkout.json");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(ecs(i, "info", "Processed order " + (1000 + i) + " in " + i + " ms"));
            if (i >= 30) {
                lines.add(ecs(i, "error", "Payment provider timeout after " + (i * 100) + " ms"));
            }
        }
        lines.add("not json and no header");
        Files.write(log, lines);

        int exit = run("logs", "analyze", log.toString(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("lines").asLong()).isEqualTo(91);
        assertThat(report.path("undecodedLines").asLong()).isEqualTo(1);
        assertThat(report.path("services").asInt())
                .as("the undecoded line belongs to the file name")
                .isEqualTo(1);
        JsonNode top = report.path("patterns").get(0);
        assertThat(top.path("service").asText()).isEqualTo("checkout");
        assertThat(top.path("template").asText()).isEqualTo("Payment provider timeout after <*>");
        assertThat(top.path("level").asText()).isEqualTo("ERROR");
        assertThat(top.path("count").asLong()).isEqualTo(30);
        assertThat(top.path("firstSeen").asText()).isEqualTo("2024-05-01T10:30:00Z");
        assertThat(top.path("lastSeen").asText()).isEqualTo("2024-05-01T10:59:00Z");
        assertThat(top.path("trend").asText()).isEqualTo("rising");
        assertThat(report.path("patterns")).hasSize(1);
    }

    @Test
    void analyzePrintsATableForPeople() throws Exception {
        Path log = dir.resolve("app.log");
        Files.write(
                log,
                List.of(
                        "2024-01-01 10:00:00 ERROR Db: connection to db-1 refused",
                        "2024-01-01 10:05:00 ERROR Db: connection to db-2 refused",
                        "2024-01-01 10:06:00 INFO Web: started"));

        int exit =
                run(
                        "logs",
                        "analyze",
                        "--format",
                        "<Date> <Time> <Level> <Component>: <Content>",
                        log.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Top ERROR+ patterns of 1 file: 3 lines, 1 service, 2 templates")
                .contains("2024-01-01 10:00:00  2024-01-01 10:05:00")
                .contains("connection to db-<*> refused")
                .contains("e.g. connection to db-1 refused")
                .doesNotContain("started");
    }

    @Test
    void badInputIsAOneLineError() {
        assertThat(run("logs", "parse", "--format", "<Date> <Time>", "x.log")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid --format").contains("<Content>");
        assertThat(run("logs", "analyze", dir.resolve("missing.log").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read log file");
    }

    private static String ecs(int minute, String level, String message) {
        return String.format(
                "{\"@timestamp\":\"2024-05-01T10:%02d:00Z\",\"log.level\":\"%s\",\"message\":\"%s\","
                        + "\"service.name\":\"checkout\"}",
                minute, level, message);
    }
}
