package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.detect.metrics.MetricSignals;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Signal;
import io.forewarn.simulator.BadDeploymentScenario;
import io.forewarn.simulator.DiskFillScenario;
import io.forewarn.simulator.GroundTruth;
import io.forewarn.simulator.SimulatorSettings;
import io.forewarn.testutils.ElasticsearchTestNode.StoredDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Metrics in, predictions out: the simulated fleet's prometheus-kafka-adapter JSON on the metrics
 * topic, the whole job in a mini cluster (parallelism 2), signals and predictions in Kafka and
 * Elasticsearch. A disk filling up on one host is forecast before it is full; a bad deployment's
 * latency is an anomaly of the service's hosts that predicts an SLO breach and resolves after the
 * rollback.
 */
class MetricsToPredictionsITCase extends DetectJobITCaseBase {

    private static final long MINUTE = 60_000;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aFillingDiskAndASlowServiceArePredictedFromTheMetricsTopic() throws Exception {
        // detectors warm after 150 intervals of 30 s (75 min); the disk is full at minute 170
        DiskFillScenario disk =
                new DiskFillScenario("search", "search-2", start + 20 * MINUTE, 0.53 / 2.5);
        BadDeploymentScenario deployment =
                new BadDeploymentScenario(
                        "checkout",
                        start + 100 * MINUTE,
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(25),
                        "2.4.0");
        SimulatorSettings fleet =
                new SimulatorSettings(
                        42,
                        List.of("checkout", "payments", "search", "inventory", "frontend"),
                        2,
                        12,
                        0.01,
                        Duration.ofSeconds(30));
        simulate(fleet, start, start + 178 * MINUTE, disk, deployment);
        GroundTruth full = disk.groundTruth();
        GroundTruth slow = deployment.groundTruth();

        runToEnd(
                config(
                        Map.of(
                                "metrics.interval", "30 s",
                                "metrics.anomaly.detector", "warmupPoints:150",
                                "metrics.forecast.bucket", "5 min",
                                "metrics.forecast.min-history", "30 min",
                                "metrics.forecast.min-confidence", "0",
                                "metrics.forecast.horizon", "1 d")));

        var episodes = byId(predictions());
        List<List<Prediction>> diskFull =
                episodes.values().stream()
                        .filter(e -> e.get(0).getFailureType().equals(FailureTypes.DISK_FULL))
                        .toList();
        assertThat(diskFull).as("one disk-full prediction, for the filling host").hasSize(1);
        Prediction firstDisk = diskFull.get(0).get(0);
        assertThat(firstDisk.getHost()).isEqualTo("search-2");
        assertThat(firstDisk.getService()).isEqualTo("search");
        assertThat(firstDisk.getStatus()).isEqualTo(PredictionStatus.OPEN);
        assertThat(firstDisk.getTimestamp())
                .as("predicted before the disk is full")
                .isGreaterThan(full.precursorOnset())
                .isLessThan(full.failureTime());
        assertThat(firstDisk.getTimeToImpact()).isNotNull();
        assertThat(firstDisk.getEvidence().get(0).getSummary()).contains("above 0.95 expected in");
        Prediction lastForecast =
                diskFull.get(0).stream()
                        .filter(p -> p.getTimeToImpact() != null)
                        .filter(p -> p.getTimestamp() < full.failureTime())
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(lastForecast.getTimestamp() + lastForecast.getTimeToImpact().getExpectedMillis())
                .as("the last forecast before the breach expects it within 15 minutes of it")
                .isCloseTo(full.failureTime(), org.assertj.core.data.Offset.offset(15 * MINUTE));

        List<List<Prediction>> sloBreach =
                episodes.values().stream()
                        .filter(e -> e.get(0).getFailureType().equals(FailureTypes.SLO_BREACH))
                        .toList();
        assertThat(sloBreach).as("SLO-breach predictions").isNotEmpty();
        assertThat(sloBreach)
                .allSatisfy(e -> assertThat(e.get(0).getService()).isEqualTo("checkout"));
        for (List<Prediction> episode : sloBreach) {
            assertThat(episode.get(0).getTimestamp())
                    .as("the latency anomaly is seen before users feel it")
                    .isGreaterThan(slow.precursorOnset())
                    .isLessThan(slow.failureTime());
            assertThat(episode.get(episode.size() - 1).getStatus())
                    .as("resolved after the rollback")
                    .isEqualTo(PredictionStatus.RESOLVED);
        }

        List<Signal> signals = signals();
        List<Signal> anomalies =
                signals.stream()
                        .filter(s -> s.getSource().equals(MetricSignals.ANOMALY_SOURCE))
                        .filter(s -> s.getKind().equals(SignalKinds.ANOMALY))
                        .toList();
        assertThat(anomalies).isNotEmpty();
        assertThat(anomalies)
                .filteredOn(s -> FailureTypes.SLO_BREACH.equals(s.getFailureType()))
                .isNotEmpty()
                .allSatisfy(
                        s -> {
                            assertThat(s.getAnomaly().getContributors())
                                    .as("the latency series is among the drivers")
                                    .anyMatch(
                                            c ->
                                                    c.getMetric()
                                                            .equals(
                                                                    "http_request_duration_p99_seconds"));
                            assertThat(s.getAnomaly().getConfidence()).isEqualTo(1.0);
                        });
        Signal forecast =
                signals.stream()
                        .filter(s -> s.getKind().equals(SignalKinds.BREACH_FORECAST))
                        .findFirst()
                        .orElseThrow();
        assertThat(forecast.getForecast().getSeries()).startsWith("node_filesystem_used_ratio{");

        assertThat(elasticsearch.count(prefix + "-signals")).isEqualTo(signals.size());
        StoredDocument document =
                elasticsearch.document(prefix + "-signals", forecast.getSignalId()).orElseThrow();
        assertThat(document.source().toString()).contains("breach_at").contains("search-2");
        assertThat(elasticsearch.count(prefix + "-predictions")).isEqualTo(episodes.size());
        assertThat(deadLetters()).as("valid input leaves no dead letters").isEmpty();
    }
}
