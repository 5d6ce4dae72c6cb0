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
