package io.forewarn.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetrySimulatorTest {

    private static final long START = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<TelemetryEvent> run(long seed, long minutes, Scenario... scenarios)
            throws Exception {
        List<TelemetryEvent> events = new ArrayList<>();
        new TelemetrySimulator(SimulatorSettings.small(seed), List.of(scenarios))
                .run(START, START + minutes * MINUTE, events::add, Pacer.unpaced());
        return events;
    }

    @Test
    void theSameSeedGivesTheSameRecords() throws Exception {
        List<TelemetryEvent> a = run(7, 3);
        List<TelemetryEvent> b = run(7, 3);
        List<TelemetryEvent> c = run(8, 3);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).value()).isEqualTo(b.get(i).value());
        }
        assertThat(c.size()).isNotEqualTo(a.size());
    }

    @Test
    void aFullFleetIsDeterministicByteForByte() throws Exception {
        SimulatorSettings settings =
                SimulatorSettings.full(
                        11, List.of("checkout", "payments", "search", "billing"), 60);
        List<TelemetryEvent> a = new ArrayList<>();
        List<TelemetryEvent> b = new ArrayList<>();
        List<Scenario> scenarios =
                List.of(new TrafficPeak("search", START, Duration.ofMinutes(20), 2));
        new TelemetrySimulator(settings, scenarios)
                .run(START, START + 4 * MINUTE, a::add, Pacer.unpaced());
        new TelemetrySimulator(
                        settings,
                        List.of(new TrafficPeak("search", START, Duration.ofMinutes(20), 2)))
                .run(START, START + 4 * MINUTE, b::add, Pacer.unpaced());
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).topic()).isEqualTo(b.get(i).topic());
            assertThat(a.get(i).value()).isEqualTo(b.get(i).value());
        }
    }

    @Test
    void aFullFleetLogsInEveryFormatAndSendsEverySeries() throws Exception {
        SimulatorSettings settings =
                SimulatorSettings.full(5, List.of("checkout", "payments", "search", "billing"), 60);
        List<TelemetryEvent> events = new ArrayList<>();
        new TelemetrySimulator(settings, List.of())
                .run(START, START + 3 * MINUTE, events::add, Pacer.unpaced());

        List<Parsed.Log> logs = Parsed.logs(events);
        assertThat(logs)
                .extracting(Parsed.Log::service)
                .contains("checkout", "payments", "search", "billing");
        assertThat(logs)
                .allSatisfy(
                        log -> {
                            assertThat(log.level()).isIn("INFO", "WARN", "ERROR");
                            assertThat(log.message()).isNotBlank();
                            if (!log.service().equals("billing")) {
                                assertThat(log.host()).startsWith(log.service() + "-");
                            }
                        });
        String plain =
                events.stream()
                        .filter(e -> e.topic() == Topic.LOGS && e.key().equals("billing"))
                        .map(KafkaTelemetrySink::text)
                        .findFirst()
                        .orElseThrow();
        assertThat(plain)
                .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z [A-Z]+ \\[billing\\] .*");
        for (String name :
                List.of(
                        "node_cpu_utilisation",
                        "jvm_memory_heap_used_ratio",
                        "jvm_gc_pause_seconds",
                        "container_memory_working_set_ratio",
                        "disk_used_ratio",
                        "hikaricp_connections_usage_ratio",
                        "hikaricp_connections_pending",
                        "http_request_duration_p99_seconds")) {
            assertThat(Parsed.samples(events, name)).as(name).hasSize(4 * 2 * 6);
        }
        assertThat(Parsed.samples(events, "slo_latency_burn_rate")).hasSize(4 * 2 * 6);
        assertThat(Parsed.samples(events, "tls_certificate_expiry_seconds"))
                .hasSize(4 * 3)
                .allSatisfy(s -> assertThat(s.value()).isGreaterThan(30 * 86_400));
        assertThat(events)
                .filteredOn(e -> e.topic() == Topic.DEPENDENCIES)
                .hasSize(4 * 3 * 2)
                .allSatisfy(
                        e ->
                                assertThat(Parsed.json(e).path("status").asText())
                                        .isEqualTo("operational"));
        assertThat(logs).anySatisfy(log -> assertThat(log.message()).contains("Pause Young"));
    }

    @Test
    void fileSinkWritesOneLinePerRecordAndTopic(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SimulatorSettings settings = SimulatorSettings.full(5, List.of("checkout", "billing"), 60);
        List<TelemetryEvent> events = new ArrayList<>();
        try (FileTelemetrySink files = new FileTelemetrySink(dir)) {
            new TelemetrySimulator(settings, List.of())
                    .run(
                            START,
                            START + 2 * MINUTE,
                            e -> {
                                events.add(e);
                                files.send(e);
                            },
                            Pacer.unpaced());
        }
        for (Topic topic : List.of(Topic.LOGS, Topic.METRICS, Topic.DEPENDENCIES)) {
            List<String> lines =
                    java.nio.file.Files.readAllLines(FileTelemetrySink.file(dir, topic));
            List<String> expected =
                    events.stream()
                            .filter(e -> e.topic() == topic)
                            .map(KafkaTelemetrySink::text)
                            .toList();
            assertThat(lines).isEqualTo(expected);
        }
    }

    @Test
    void recordsAreValidJsonInTheirShippersShapes() throws Exception {
        for (TelemetryEvent event : run(1, 1)) {
            JsonNode node = JSON.readTree(event.value());
            if (event.topic() == Topic.LOGS) {
                assertThat(node.path("service.name").asText()).isNotEmpty();
                assertThat(Instant.parse(node.path("@timestamp").asText()).toEpochMilli())
                        .isEqualTo(event.timestamp());
            } else {
                assertThat(event.topic()).isEqualTo(Topic.METRICS);
                assertThat(node.path("labels").path("__name__").asText())
                        .isEqualTo(node.path("name").asText());
                Double.parseDouble(node.path("value").asText());
            }
        }
    }

    @Test
    void aBadDeploymentRaisesErrorsThenReportsTheIncident() throws Exception {
        BadDeploymentScenario scenario =
                new BadDeploymentScenario(
                        "checkout",
                        START + 5 * MINUTE,
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(20),
                        "2.0.0");
        List<TelemetryEvent> events = run(3, 30, scenario);

        assertThat(events).filteredOn(e -> e.topic() == Topic.DEPLOYMENTS).hasSize(2);
        assertThat(events)
                .filteredOn(e -> e.topic() == Topic.INCIDENTS)
                .singleElement()
                .satisfies(e -> assertThat(e.timestamp()).isEqualTo(START + 17 * MINUTE));
        double before = errorRatio(events, "checkout", START, START + 5 * MINUTE);
        double during = errorRatio(events, "checkout", START + 10 * MINUTE, START + 17 * MINUTE);
        double after = errorRatio(events, "checkout", START + 26 * MINUTE, START + 30 * MINUTE);
        assertThat(before).isLessThan(0.05);
        assertThat(during).isGreaterThan(0.25);
        assertThat(after).isLessThan(0.05);
        assertThat(errorRatio(events, "search", START + 10 * MINUTE, START + 17 * MINUTE))
                .isLessThan(0.05);
        GroundTruth truth = scenario.groundTruth();
        assertThat(truth.failureTime() - truth.precursorOnset()).isEqualTo(10 * MINUTE);
    }

    private static double errorRatio(
            List<TelemetryEvent> events, String service, long from, long to) throws Exception {
        int total = 0;
        int errors = 0;
        for (TelemetryEvent e : events) {
            if (e.topic() == Topic.LOGS
                    && e.key().equals(service)
                    && e.timestamp() >= from
                    && e.timestamp() < to) {
                total++;
                if (JSON.readTree(e.value()).path("log.level").asText().equals("error")) {
                    errors++;
                }
            }
        }
        assertThat(total).isGreaterThan(100);
        return (double) errors / total;
    }

    @Test
    void aFillingDiskClimbsOnItsHostOnlyThenReportsTheIncident() throws Exception {
        DiskFillScenario scenario =
                new DiskFillScenario("search", "search-2", START + 5 * MINUTE, 1.06);
        List<TelemetryEvent> events = run(4, 40, scenario);

        double[] last = new double[2];
        for (TelemetryEvent e : events) {
            if (e.topic() == Topic.METRICS) {
                JsonNode node = JSON.readTree(e.value());
                if (node.path("name").asText().equals("node_filesystem_used_ratio")) {
                    String instance = node.path("labels").path("instance").asText();
                    double value = Double.parseDouble(node.path("value").asText());
                    if (instance.startsWith("search-2:")) {
                        last[0] = value;
                    } else if (instance.startsWith("search-1:")) {
                        last[1] = value;
                    }
                }
            }
        }
        assertThat(last[0]).isGreaterThan(0.95);
        assertThat(last[1]).isBetween(0.40, 0.44);
        GroundTruth truth = scenario.groundTruth();
        assertThat(truth.host()).isEqualTo("search-2");
        assertThat(truth.failureTime() - truth.precursorOnset()).isEqualTo(30 * MINUTE);
        assertThat(events).filteredOn(e -> e.topic() == Topic.INCIDENTS).hasSize(1);
    }
}
