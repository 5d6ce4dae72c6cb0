package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogParseTest {

    @TempDir Path dir;

    @Test
    void writesOneRowPerLineWithTheTemplateAtTheEndOfTheRun() throws IOException {
        Path log = dir.resolve("app.log");
        Files.write(
                log,
                List.of(
                        "2024-01-01 INFO: user alice logged in, ok",
                        "2024-01-01 INFO: user bob logged in, ok",
                        "no header here",
                        "2024-01-01 INFO: user carol logged in, ok",
                        "2024-01-01 WARN: quota \"home\" at 91 %"),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out/app.csv");

        LogParse.Summary summary =
                LogParse.run(
                        LogFormat.compile("<Date> <Level>: <Content>"),
                        log,
                        out,
                        MinerConfig.defaults());

        assertThat(summary.lines()).isEqualTo(5);
        assertThat(summary.unmatchedHeaders()).isEqualTo(1);
        assertThat(summary.templates()).isEqualTo(3);

        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        String merged = Hashing.toHex(Hashing.hash("user <*> logged in, ok"));
        String quota = Hashing.toHex(Hashing.hash("quota \"home\" at <*> %"));
        assertThat(rows)
                .containsExactly(
                        "LineId,EventId,EventTemplate",
                        "1," + merged + ",\"user <*> logged in, ok\"",
                        "2," + merged + ",\"user <*> logged in, ok\"",
                        "3," + Hashing.toHex(Hashing.hash("no header here")) + ",no header here",
                        "4," + merged + ",\"user <*> logged in, ok\"",
                        "5," + quota + ",\"quota \"\"home\"\" at <*> %\"");
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenNeeded() {
        assertThat(LogParse.csv("plain <*>")).isEqualTo("plain <*>");
        assertThat(LogParse.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(LogParse.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
