package io.forewarn.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Benign disturbances change the telemetry visibly but cause no incident. */
class BenignDisturbancesTest {

    private static final long START = Instant.parse("2026-12-01T08:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static List<TelemetryEvent> run(long minutes, Scenario scenario) throws Exception {
        List<TelemetryEvent> events = new ArrayList<>();
        new TelemetrySimulator(
                        SimulatorSettings.full(9, List.of("checkout", "payments"), 60),
                        List.of(scenario))
                .run(START, START + minutes * MINUTE, events::add, Pacer.unpaced());
        assertThat(scenario.groundTruth()).isNull();
        assertThat(scenario.benign()).isNotNull();
        assertThat(events).noneMatch(e -> e.topic() == Topic.INCIDENTS);
        return events;
    }

    private static long lines(List<Parsed.Log> logs, String service, long from, long to) {
        return logs.stream()
                .filter(l -> l.service().equals(service) && l.time() >= from && l.time() < to)
                .count();
    }

    private static double errorRatio(List<Parsed.Log> logs, String service, long from, long to) {
        return logs.stream()
                        .filter(
                                l ->
                                        l.service().equals(service)
                                                && l.time() >= from
                                                && l.time() < to)
                        .filter(l -> l.level().equals("ERROR"))
                        .count()
                / (double) lines(logs, service, from, to);
    }

    @Test
    void aTrafficPeakMultipliesTheVolumeButNotTheErrorRatio() throws Exception {
        TrafficPeak peak =
                new TrafficPeak("payments", START + 10 * MINUTE, Duration.ofMinutes(40), 2.5);
        List<Parsed.Log> logs = Parsed.logs(run(60, peak));
        long before = lines(logs, "payments", START, START + 10 * MINUTE);
        long during = lines(logs, "payments", START + 25 * MINUTE, START + 35 * MINUTE);
        assertThat((double) during / before).isBetween(2.2, 2.8);
        assertThat(errorRatio(logs, "payments", START + 20 * MINUTE, START + 40 * MINUTE))
                .isLessThan(0.02);
        assertThat(peak.benign())
                .isEqualTo(
                        new BenignWindow(
                                "traffic-peak",
                                "payments",
                                null,
                                START + 10 * MINUTE,
                                START + 50 * MINUTE));
    }

    @Test
    void aPlannedRestartTakesEachHostAwayBriefly() throws Exception {
        PlannedRestart restart = new PlannedRestart("checkout", START + 5 * MINUTE, 2);
        List<TelemetryEvent> events = run(20, restart);
        List<Parsed.Log> logs = Parsed.logs(events);
        for (int h = 0; h < 2; h++) {
            String host = "checkout-" + (h + 1);
            long stop = START + (5 + 4 * h) * MINUTE;
            assertThat(logs)
                    .filteredOn(
                            l ->
                                    host.equals(l.host())
                                            && l.time() > stop + 1000
                                            && l.time() < stop + 50_000)
                    .isEmpty();
            assertThat(logs)
                    .filteredOn(
                            l ->
                                    host.equals(l.host())
                                            && l.message().startsWith("Started ShopApplication"))
                    .singleElement()
                    .satisfies(l -> assertThat(l.time()).isBetween(stop + 50_000, stop + 51_000));
        }
        assertThat(logs).noneMatch(l -> l.level().equals("ERROR") && l.message().contains("Shop"));
    }

    @Test
    void aNoisyServiceWandersWithinHealthyBounds() throws Exception {
        NoisyService noisy = new NoisyService("payments", START, START + 60 * MINUTE);
        List<TelemetryEvent> events = run(60, noisy);
        double ratio = errorRatio(Parsed.logs(events), "payments", START, START + 60 * MINUTE);
        assertThat(ratio).isBetween(0.02, 0.05);
        assertThat(Parsed.samples(events, "node_cpu_utilisation"))
                .extracting(Parsed.Sample::value)
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Test
    void aRoutineDeploymentReportsItsChangeAndRollsThroughTheHosts() throws Exception {
        RoutineDeployment deployment =
                new RoutineDeployment("checkout", START + 5 * MINUTE, "1.1.0");
        List<TelemetryEvent> events = run(30, deployment);
        List<JsonNode> deployments =
                events.stream()
                        .filter(e -> e.topic() == Topic.DEPLOYMENTS)
                        .map(Parsed::json)
                        .toList();
        assertThat(deployments)
                .extracting(n -> n.path("status").asText())
                .containsExactly("in_progress", "succeeded");
        assertThat(deployments)
                .extracting(n -> n.path("id").asText())
                .containsOnly("checkout-1.1.0-" + (START + 5 * MINUTE));
        assertThat(deployments)
                .extracting(n -> n.path("previous_version").asText())
                .containsOnly("1.0.0");
        JsonNode vcs =
                events.stream()
                        .filter(e -> e.topic() == Topic.VCS)
                        .map(Parsed::json)
                        .findFirst()
                        .orElseThrow();
        assertThat(vcs.path("deployment_id").asText())
                .isEqualTo(deployments.get(0).path("id").asText());
        assertThat(vcs.path("commit_sha").asText())
                .isEqualTo(deployments.get(0).path("commit").asText());
        assertThat(vcs.path("tests_failed").asInt()).isZero();
        assertThat(
                        errorRatio(
                                Parsed.logs(events),
                                "checkout",
                                START + 5 * MINUTE,
                                START + 25 * MINUTE))
                .isLessThan(0.02);
    }
}
