package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Signal;
import io.forewarn.simulator.BadDeploymentScenario;
import io.forewarn.simulator.GroundTruth;
import io.forewarn.testutils.ElasticsearchTestNode.StoredDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Telemetry in, predictions out: simulated shippers' JSON on the input topics, the whole job in a
 * mini cluster, predictions in the Kafka topic (read_committed) and in Elasticsearch.
 */
class TelemetryToPredictionsITCase extends DetectJobITCaseBase {

    private static final long MINUTE = 60_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBadDeploymentIsPredictedBeforeTheIncidentInKafkaAndElasticsearch() throws Exception {
        BadDeploymentScenario scenario =
                new BadDeploymentScenario(
                        "checkout",
                        start + 30 * MINUTE,
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(20),
                        "2.4.0");
        simulate(42, start, start + 75 * MINUTE, scenario);
        GroundTruth truth = scenario.groundTruth();

        runToEnd(config(Map.of()));

        List<Prediction> predictions = predictions();
        assertThat(predictions).as("predictions in Kafka").isNotEmpty();
        assertThat(predictions)
                .as("no prediction for a healthy service")
                .allSatisfy(p -> assertThat(p.getService()).isEqualTo("checkout"));
        var episodes = byId(predictions);
        assertThat(episodes).hasSize(1);
        List<Prediction> episode = episodes.values().iterator().next();
        Prediction first = episode.get(0);
        Prediction last = episode.get(episode.size() - 1);
        assertThat(first.getStatus()).isEqualTo(PredictionStatus.OPEN);
        assertThat(first.getFailureType()).isEqualTo(FailureTypes.ERROR_SPIKE);
        assertThat(first.getTimestamp())
                .as("predicted before the failure")
                .isGreaterThan(truth.precursorOnset())
                .isLessThan(truth.failureTime());
        assertThat(first.getRankScore()).isPositive();
        assertThat(first.getRecommendedActions()).isNotEmpty();
        assertThat(first.getEvidence()).isNotEmpty();
        assertThat(last.getStatus())
                .as("resolved after the rollback")
                .isEqualTo(PredictionStatus.RESOLVED);
        assertThat(episode.subList(1, episode.size() - 1))
                .allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(PredictionStatus.UPDATED));

        String index = prefix + "-predictions";
        assertThat(elasticsearch.count(index)).as("one document per prediction").isEqualTo(1);
        StoredDocument document =
                elasticsearch.document(index, first.getPredictionId()).orElseThrow();
        assertThat(document.source().toString()).contains("\"RESOLVED\"").contains("checkout");

        List<Signal> signals = signals();
        assertThat(signals).isNotEmpty();
        assertThat(elasticsearch.count(prefix + "-signals")).isEqualTo(signals.size());
        assertThat(deadLetters()).as("valid input leaves no dead letters").isEmpty();
    }
}
