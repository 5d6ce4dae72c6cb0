package io.forewarn.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each incident scenario: its precursors show up in metrics and logs of the right entity only, the
 * incident record is written once at the failure time, and the ground truth says so.
 */
class IncidentScenariosTest {

    private static final long START = Instant.parse("2026-12-01T08:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final List<String> SERVICES = List.of("checkout", "payments", "search");

    private static List<TelemetryEvent> run(long minutes, Scenario scenario) throws Exception {
        List<TelemetryEvent> events = new ArrayList<>();
        new TelemetrySimulator(SimulatorSettings.full(3, SERVICES, 20), List.of(scenario))
                .run(START, START + minutes * MINUTE, events::add, Pacer.unpaced());
        return events;
    }

    /** The one incident record agrees with the ground truth; returns the ground truth. */
    private static GroundTruth assertIncident(List<TelemetryEvent> events, Scenario scenario) {
        GroundTruth truth = scenario.groundTruth();
        assertThat(truth.failureTime()).isGreaterThan(truth.precursorOnset());
        List<TelemetryEvent> incidents =
                events.stream().filter(e -> e.topic() == Topic.INCIDENTS).toList();
        assertThat(incidents).hasSize(1);
        TelemetryEvent incident = incidents.get(0);
        JsonNode node = Parsed.json(incident);
        assertThat(incident.timestamp()).isEqualTo(truth.failureTime());
        assertThat(node.path("service").asText()).isEqualTo(truth.service());
        assertThat(node.path("failure_type").asText()).isEqualTo(truth.failureType());
        assertThat(Instant.parse(node.path("started_at").asText()).toEpochMilli())
                .isEqualTo(truth.precursorOnset());
        if (truth.host() != null) {
            assertThat(node.path("host").asText()).isEqualTo(truth.host());
        } else {
            assertThat(node.has("host")).isFalse();
        }
        return truth;
    }

    private static double max(
            List<Parsed.Sample> samples, String instancePrefix, long from, long to) {
        return samples.stream()
                .filter(s -> s.instance().startsWith(instancePrefix))
                .filter(s -> s.time() >= from && s.time() < to)
                .mapToDouble(Parsed.Sample::value)
                .max()
                .orElseThrow();
    }

    private static List<Parsed.Log> logs(List<TelemetryEvent> events, String service, String text) {
        return Parsed.logs(events).stream()
                .filter(l -> l.service().equals(service) && l.message().contains(text))
                .collect(Collectors.toList());
    }

    @Test
    void aMemoryLeakFillsOneHeapWithLongerGcPausesUntilTheJvmDies() throws Exception {
        MemoryLeakScenario leak =
                new MemoryLeakScenario(
                        "payments", "payments-2", START + 20 * MINUTE, Duration.ofMinutes(90));
        List<TelemetryEvent> events = run(130, leak);
        GroundTruth truth = assertIncident(events, leak);
        assertThat(truth.host()).isEqualTo("payments-2");
        assertThat(truth.failureType()).isEqualTo("oom");
        long failure = truth.failureTime();

        List<Parsed.Sample> heap = Parsed.samples(events, "jvm_memory_heap_used_ratio");
        assertThat(max(heap, "payments-2:", START, START + 20 * MINUTE)).isLessThan(0.7);
        assertThat(max(heap, "payments-2:", failure - 10 * MINUTE, failure)).isGreaterThan(0.95);
        assertThat(max(heap, "payments-1:", START, START + 130 * MINUTE)).isLessThan(0.7);
        List<Parsed.Sample> gc = Parsed.samples(events, "jvm_gc_pause_seconds");
        assertThat(max(gc, "payments-2:", failure - 20 * MINUTE, failure)).isGreaterThan(1.0);
        assertThat(max(gc, "payments-1:", START, START + 130 * MINUTE)).isLessThan(0.1);
        assertThat(logs(events, "payments", "Pause Full"))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.time()).isBetween(truth.precursorOnset(), failure));
        assertThat(logs(events, "payments", "OutOfMemoryError: Java heap space"))
                .hasSize(4)
                .allSatisfy(l -> assertThat(l.time()).isBetween(failure, failure + 1000));
        assertThat(Parsed.logs(events))
                .filteredOn(l -> "payments-2".equals(l.host()))
                .filteredOn(l -> l.time() >= failure + 1000 && l.time() < failure + 50_000)
                .isEmpty();
        assertThat(max(heap, "payments-2:", failure + 2 * MINUTE, START + 130 * MINUTE))
                .isLessThan(0.7);
    }

    @Test
    void aFillingDiskWarnsThenFailsWritesOnItsHostOnly() throws Exception {
        DiskFillScenario disk =
                new DiskFillScenario("search", "search-1", START + 5 * MINUTE, 0.53);
        List<TelemetryEvent> events = run(150, disk);
        GroundTruth truth = assertIncident(events, disk);
        assertThat(truth.failureTime() - truth.precursorOnset()).isEqualTo(60 * MINUTE);
        long failure = truth.failureTime();
        for (String name : List.of("node_filesystem_used_ratio", "disk_used_ratio")) {
            List<Parsed.Sample> used = Parsed.samples(events, name);
            assertThat(max(used, "search-1:", START, START + 5 * MINUTE)).isBetween(0.40, 0.44);
            assertThat(max(used, "search-1:", failure - MINUTE, failure + MINUTE))
                    .isGreaterThan(0.94);
            assertThat(max(used, "search-2:", START, START + 150 * MINUTE)).isBetween(0.40, 0.44);
            assertThat(max(used, "search-1:", failure + 25 * MINUTE, START + 150 * MINUTE))
                    .isBetween(0.40, 0.44);
        }
        List<Parsed.Log> writeErrors = logs(events, "search", "No space left on device");
        assertThat(writeErrors).allSatisfy(l -> assertThat(l.host()).isEqualTo("search-1"));
        assertThat(writeErrors.get(0).time()).isBetween(failure - 10 * MINUTE, failure);
        assertThat(logs(events, "search", "Low disk space").get(0).time())
                .isLessThan(writeErrors.get(0).time());
    }

    @Test
    void aDependencyOutageDegradesThenTimesOutItsCallers() throws Exception {
        DependencyOutageScenario outage =
                new DependencyOutageScenario(
                        "checkout",
                        START + 10 * MINUTE,
                        Duration.ofMinutes(25),
                        Duration.ofMinutes(45));
        List<TelemetryEvent> events = run(60, outage);
        GroundTruth truth = assertIncident(events, outage);
        String dependency = Dependencies.external("checkout");
        List<JsonNode> statuses =
                events.stream()
                        .filter(e -> e.topic() == Topic.DEPENDENCIES)
                        .map(Parsed::json)
                        .filter(n -> n.path("dependency").asText().equals(dependency))
                        .toList();
        assertThat(statuses)
                .allSatisfy(n -> assertThat(n.path("service").asText()).isEqualTo("checkout"));
        assertThat(statusAt(statuses, START + 5 * MINUTE)).isEqualTo("operational");
        assertThat(statusAt(statuses, START + 11 * MINUTE)).isEqualTo("degraded_performance");
        assertThat(statusAt(statuses, truth.failureTime() + MINUTE)).isEqualTo("major_outage");
        assertThat(statusAt(statuses, START + 56 * MINUTE)).isEqualTo("operational");
        List<Parsed.Log> timeouts =
                logs(events, "checkout", "Call to " + dependency + " timed out");
        assertThat(timeouts.get(0).time()).isBetween(START + 16 * MINUTE, START + 17 * MINUTE);
        assertThat(timeouts.stream().filter(l -> l.time() < truth.failureTime()).count())
                .isGreaterThan(20);
        assertThat(Parsed.logs(events))
                .filteredOn(l -> !l.service().equals("checkout"))
                .noneSatisfy(l -> assertThat(l.message()).contains(dependency));
    }

    private static String statusAt(List<JsonNode> statuses, long time) {
        return statuses.stream()
                .filter(n -> Instant.parse(n.path("timestamp").asText()).toEpochMilli() <= time)
                .reduce((a, b) -> b)
                .orElseThrow()
                .path("status")
                .asText();
    }

    @Test
    void aConnectionLeakSaturatesThePoolBeforeRequestsFail() throws Exception {
        ConnectionPoolExhaustionScenario pool =
                new ConnectionPoolExhaustionScenario(
                        "search",
                        START + 10 * MINUTE,
                        Duration.ofMinutes(40),
                        Duration.ofMinutes(52),
                        Duration.ofMinutes(70));
        List<TelemetryEvent> events = run(90, pool);
        GroundTruth truth = assertIncident(events, pool);
        List<Parsed.Sample> usage = Parsed.samples(events, "hikaricp_connections_usage_ratio");
        assertThat(max(usage, "search-", START, START + 10 * MINUTE)).isLessThan(0.5);
        for (String host : List.of("search-1:", "search-2:")) {
            assertThat(max(usage, host, START + 50 * MINUTE, truth.failureTime())).isEqualTo(1.0);
        }
        assertThat(max(usage, "checkout-", START, START + 90 * MINUTE)).isLessThan(0.5);
        assertThat(max(usage, "search-", START + 85 * MINUTE, START + 90 * MINUTE)).isLessThan(0.5);
        List<Parsed.Log> unavailable = logs(events, "search", "Connection is not available");
        assertThat(unavailable.get(0).time()).isBetween(START + 50 * MINUTE, START + 52 * MINUTE);
        assertThat(logs(events, "search", "Connection leak detection triggered").get(0).time())
                .isLessThan(START + 20 * MINUTE);
    }

    @Test
    void anExpiringCertificateShowsInItsProbeAndRenewalWarnings() throws Exception {
        CertificateExpiryScenario cert =
                new CertificateExpiryScenario(
                        "checkout",
                        START + 10 * MINUTE,
                        Duration.ofHours(2),
                        Duration.ofMinutes(20));
        List<TelemetryEvent> events = run(160, cert);
        GroundTruth truth = assertIncident(events, cert);
        assertThat(truth.failureTime()).isEqualTo(START + 130 * MINUTE);
        List<Parsed.Sample> left =
                Parsed.samples(events, "tls_certificate_expiry_seconds").stream()
                        .filter(s -> s.service().equals("checkout"))
                        .toList();
        assertThat(left)
                .allSatisfy(s -> assertThat(s.instance()).isEqualTo("checkout.shop.example:443"));
        assertThat(valueAt(left, START + 5 * MINUTE)).isGreaterThan(30 * 86_400);
        assertThat(valueAt(left, START + 10 * MINUTE)).isEqualTo(7200);
        assertThat(valueAt(left, START + 129 * MINUTE)).isEqualTo(60);
        assertThat(valueAt(left, START + 155 * MINUTE)).isGreaterThan(89 * 86_400);
        List<Parsed.Sample> deadline = Parsed.samples(events, "probe_ssl_earliest_cert_expiry");
        assertThat(deadline)
                .anySatisfy(s -> assertThat(s.value()).isEqualTo(truth.failureTime() / 1000.0));
        assertThat(logs(events, "checkout", "Certificate renewal for checkout.shop.example failed"))
                .as("every 15 minutes until it is renewed")
                .hasSize(9)
                .filteredOn(l -> l.time() < truth.failureTime())
                .hasSize(8);
        assertThat(logs(events, "checkout", "certificate_expired"))
                .isNotEmpty()
                .allSatisfy(
                        l ->
                                assertThat(l.time())
                                        .isBetween(truth.failureTime(), START + 150 * MINUTE));
    }

    private static double valueAt(List<Parsed.Sample> samples, long time) {
        return samples.stream().filter(s -> s.time() == time).findFirst().orElseThrow().value();
    }

    @Test
    void latencyCreepsUntilTheP99CrossesTheObjective() throws Exception {
        LatencyCreepScenario creep =
                new LatencyCreepScenario(
                        "payments",
                        START + 10 * MINUTE,
                        Duration.ofMinutes(80),
                        Duration.ofMinutes(20));
        List<TelemetryEvent> events = run(130, creep);
        GroundTruth truth = assertIncident(events, creep);
        assertThat(truth.failureTime()).isBetween(START + 80 * MINUTE, START + 100 * MINUTE);
        List<Parsed.Sample> p99 =
                Parsed.samples(events, "http_request_duration_p99_seconds").stream()
                        .filter(s -> s.service().equals("payments"))
                        .toList();
        assertThat(max(p99, "payments-", START, START + 10 * MINUTE)).isLessThan(0.3);
        assertThat(
                        max(
                                p99,
                                "payments-",
                                truth.failureTime() - 10 * MINUTE,
                                truth.failureTime() - 5 * MINUTE))
                .isBetween(0.6, 1.0);
        assertThat(max(p99, "payments-", truth.failureTime(), truth.failureTime() + 5 * MINUTE))
                .isGreaterThan(0.97);
        assertThat(max(p99, "payments-", START + 125 * MINUTE, START + 130 * MINUTE))
                .isLessThan(0.3);
        List<Parsed.Sample> burn =
                Parsed.samples(events, "slo_latency_burn_rate").stream()
                        .filter(s -> s.service().equals("payments"))
                        .toList();
        assertThat(
                        burn.stream()
                                .filter(s -> s.time() < START + 10 * MINUTE)
                                .mapToDouble(Parsed.Sample::value)
                                .max()
                                .orElseThrow())
                .isLessThan(0.2);
        assertThat(
                        burn.stream()
                                .filter(s -> s.time() > truth.failureTime())
                                .mapToDouble(Parsed.Sample::value)
                                .max()
                                .orElseThrow())
                .isGreaterThan(1);
        long slowBefore =
                logs(events, "payments", "Slow query").stream()
                        .filter(l -> l.time() < START + 10 * MINUTE)
                        .count();
        long slowLate =
                logs(events, "payments", "Slow query").stream()
                        .filter(
                                l ->
                                        l.time() >= truth.failureTime() - 10 * MINUTE
                                                && l.time() < truth.failureTime())
                        .count();
        assertThat(slowLate).isGreaterThan(slowBefore);
    }
}
