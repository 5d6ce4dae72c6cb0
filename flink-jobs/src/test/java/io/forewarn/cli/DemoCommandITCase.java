package io.forewarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's main command end to end: {@code forewarn demo} starts its own Kafka broker and
 * Elasticsearch node, runs the job on simulated telemetry, shows predictions, and leaves nothing
 * running when it stops.
 */
class DemoCommandITCase {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theDemoShowsPredictionsAndStopsEverything() throws Exception {
        Path work = Files.createTempDirectory("forewarn-demo-it");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Set<Long> before = descendants();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit =
                    ForewarnCli.execute(
                            "demo",
                            "--duration",
                            "PT75S",
                            "--refresh",
                            "PT1S",
                            "--web-port",
                            "0",
                            "--prometheus-port",
                            "0",
                            "--kafka-port",
                            "0",
                            "--elasticsearch-port",
                            "0",
                            "--work-dir",
                            work.toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.println(output);

        assertThat(exit).isZero();
        assertThat(output)
                .contains("Starting Kafka (KRaft broker) ... ready on")
                .contains("Starting Elasticsearch")
                .contains("Flink web UI:")
                .contains("error-spike")
                .contains("Stopping the job, Elasticsearch and Kafka ... done");
        assertThat(output)
                .containsPattern("Summary: \\d+ telemetry records, [1-9]\\d* predictions");
        Set<Long> started = descendants();
        started.removeAll(before);
        assertThat(started).as("no broker or node of the demo left running").isEmpty();
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
