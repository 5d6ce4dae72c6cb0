package io.forewarn.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.demo.Progress;
import io.forewarn.testutils.KafkaTestCluster;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorecard end to end, short: a simulated timeline of a few hours with the incidents the job's
 * detectors predict and the benign disturbances of the issue, a real Kafka broker, the job in a
 * mini cluster in bounded mode. Every incident must be detected with a positive lead time and no
 * benign disturbance may draw a prediction.
 */
class ScenarioEvaluationITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(noRestarts())
                            .build());

    /** Incidents whose precursors are logs and fast metrics (the capacity ones need hours). */
    private static final List<String> DETECTED =
            List.of(
                    "bad-deployment",
                    "dependency-outage",
                    "connection-pool-exhaustion",
                    "latency-creep");

    private static final List<String> BENIGN =
            List.of("noisy-service", "traffic-peak", "planned-restart");

    private final KafkaTestCluster kafka = KafkaTestCluster.get();

    private static Configuration noRestarts() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return configuration;
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void incidentsAreDetectedAheadAndBenignDisturbancesStayQuiet(@TempDir Path out)
            throws Exception {
        ForewarnConfig config =
                ForewarnConfig.of(
                        Map.of(
                                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                                "kafka.transaction-timeout", "2 min",
                                "elasticsearch.enabled", "false",
                                "job.parallelism", "2",
                                "checkpoint.interval", "5 s"));
        List<String> scenarios =
                java.util.stream.Stream.concat(DETECTED.stream(), BENIGN.stream()).toList();
        ScenarioEvaluation.Result result =
                new ScenarioEvaluation(
                                config,
                                new ScenarioEvaluation.Settings(
                                        3,
                                        scenarios,
                                        Instant.parse("2026-11-30T06:00:00Z").toEpochMilli(),
                                        60,
                                        2,
                                        false),
                                out)
                        .run(new Progress(new PrintStream(System.out, true)));

        Scorecard card = result.scorecard();
        assertThat(card.hours()).isBetween(3.0, 6.0);
        assertThat(card.incidents())
                .extracting(Scorecard.IncidentResult::scenario)
                .containsExactlyElementsOf(DETECTED);
        assertThat(card.incidents())
                .allSatisfy(
                        r -> {
                            assertThat(r.detected()).as(r.scenario() + " detected").isTrue();
                            assertThat(r.leadTimeMinutes()).as(r.scenario()).isPositive();
                            assertThat(out.resolve(r.chart())).isNotEmptyFile();
                        });
        assertThat(card.benign())
                .extracting(Scorecard.BenignResult::disturbance)
                .containsAll(BENIGN);
        assertThat(card.benign())
                .allSatisfy(
                        b ->
                                assertThat(b.falsePredictions())
                                        .as(b.disturbance() + " on " + b.service())
                                        .isEmpty());
        assertThat(card.overall().recall()).isEqualTo(1.0);

        JsonNode json = new ObjectMapper().readTree(result.json().toFile());
        assertThat(json.at("/overall/recall").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/incidents/0/firstPrediction/failureType").asText())
                .isEqualTo("error-spike");
        assertThat(Files.readAllBytes(out.resolve("charts/bad-deployment.png")))
                .startsWith(0x89, 'P', 'N', 'G');
    }
}
