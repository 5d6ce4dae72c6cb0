package io.forewarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void writesOneFilePerTopicAndTheGroundTruth(@TempDir Path dir) throws Exception {
        int exit =
                ForewarnCli.execute(
                        "simulate",
                        "--seed",
                        "4",
                        "--scenarios",
                        "bad-deployment,noisy-service",
                        "--duration",
                        "PT20M",
                        "--logs-per-minute",
                        "10",
                        "--out",
                        dir.toString());
        assertThat(exit).isZero();
        for (String file : List.of("logs.jsonl", "metrics.jsonl", "dependencies.jsonl")) {
            assertThat(Files.readAllLines(dir.resolve(file))).as(file).hasSizeGreaterThan(100);
        }
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        assertThat(truth.path("seed").asLong()).isEqualTo(4);
        assertThat(truth.path("start").asText()).isEqualTo("2026-11-30T06:00:00Z");
        assertThat(truth.path("end").asText()).isEqualTo("2026-11-30T06:20:00Z");
        assertThat(truth.at("/incidents/0/scenario").asText()).isEqualTo("bad-deployment");
        assertThat(truth.at("/incidents/0/failureType").asText()).isEqualTo("error-spike");
        assertThat(truth.at("/benign/0/disturbance").asText()).isEqualTo("noisy-service");
    }
}
