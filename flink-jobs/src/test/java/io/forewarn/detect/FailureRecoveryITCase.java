package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.schema.Prediction;
import io.forewarn.simulator.BadDeploymentScenario;
import io.forewarn.simulator.SimulatorSettings;
import io.forewarn.testutils.ElasticsearchTestNode.StoredDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task manager dies in the middle of the stream; the job restarts from its last checkpoint. The
 * predictions committed to Kafka (read_committed) and the documents in Elasticsearch must be
 * exactly those of an uninterrupted run over the same input: nothing missing, nothing twice.
 */
class FailureRecoveryITCase extends DetectJobITCaseBase {

    private static final long MINUTE = 60_000;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aTaskManagerFailureLosesAndDuplicatesNothing(@InjectMiniCluster MiniCluster miniCluster)
            throws Exception {
        // A busy fleet (five times the usual log volume), so the job is still reading its input
        // well after its first checkpoint, when the task manager dies.
        SimulatorSettings small = SimulatorSettings.small(7);
        SimulatorSettings busy =
                new SimulatorSettings(
                        small.seed(),
                        small.services(),
                        small.hostsPerService(),
                        5 * small.logsPerHostPerMinute(),
                        small.baseErrorRatio(),
                        small.metricInterval());
        simulate(
                busy,
                start,
                start + 100 * MINUTE,
                new BadDeploymentScenario(
                        "checkout",
                        start + 20 * MINUTE,
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(18),
                        "2.0.0"),
                new BadDeploymentScenario(
                        "search",
                        start + 55 * MINUTE,
                        Duration.ofMinutes(12),
                        Duration.ofMinutes(18),
                        "5.1.0"));

        // The reference: the same input without failure, into its own outputs.
        String failurePrefix = prefix;
        ForewarnConfig reference =
                config(
                        Map.of(
                                "topics.predictions", prefix + ".reference-predictions",
                                "topics.signals", prefix + ".reference-signals",
                                "elasticsearch.index-prefix", prefix + "-reference",
                                "kafka.group-id", prefix + "-reference",
                                "kafka.transactional-id-prefix", prefix + "-reference"));
        kafka.createTopicsNamed(
                PARALLELISM,
                List.of(prefix + ".reference-predictions", prefix + ".reference-signals"));
        runToEnd(reference);
        List<Prediction> expected = readPredictions(prefix + ".reference-predictions");
        assertThat(byId(expected))
                .as("the input makes several predictions")
                .hasSizeGreaterThanOrEqualTo(2);

        JobClient job = start(config(Map.of("job.bounded", "true")));
        JobID id = job.getJobID();
        await("a completed checkpoint before the failure")
                .atMost(Duration.ofMinutes(2))
                .until(() -> completedCheckpoints(miniCluster, id) >= 1);
        assertThat(runningSources(miniCluster, id))
                .as("sources still reading when the task manager dies")
                .isPositive();
        // Standby task managers register first, as a cluster with spare capacity would have: the
        // job then restarts on them at once, instead of waiting for a replacement to come up or
        // for the surviving task manager's slot, whose tasks may take a while to cancel (a Kafka
        // transaction being aborted).
        for (int i = 0; i < PARALLELISM; i++) {
            miniCluster.startTaskManager();
        }
        await("the standby task managers registered")
                .atMost(Duration.ofMinutes(1))
                .until(
                        () ->
                                miniCluster
                                                .requestClusterOverview()
                                                .get()
                                                .getNumTaskManagersConnected()
                                        == 2 * PARALLELISM);
        miniCluster.terminateTaskManager(0).get();
        job.getJobExecutionResult().get();
        assertThat(restartedTasks(miniCluster.getArchivedExecutionGraph(id).get()))
                .as("tasks that ran again after the failure")
                .isPositive();

        List<Prediction> actual = readPredictions(failurePrefix + ".predictions");
        assertThat(fingerprints(actual))
                .containsExactlyInAnyOrderElementsOf(fingerprints(expected));

        String index = failurePrefix + "-predictions";
        Map<String, Prediction> finalStates =
                byId(expected).entrySet().stream()
                        .collect(
                                Collectors.toMap(
                                        Map.Entry::getKey,
                                        e -> e.getValue().get(e.getValue().size() - 1)));
        assertThat(elasticsearch.count(index)).isEqualTo(finalStates.size());
        for (Prediction last : finalStates.values()) {
            StoredDocument document =
                    elasticsearch.document(index, last.getPredictionId()).orElseThrow();
            assertThat(document.version())
                    .as("external version = time of the last update")
                    .isEqualTo(last.getTimestamp());
            assertThat(document.source().toString()).contains("\"" + last.getStatus() + "\"");
        }
        assertThat(deadLetters()).isEmpty();
    }

    private List<Prediction> readPredictions(String topic) throws Exception {
        return kafka.readAll(topic).stream()
                .map(
                        r -> {
                            try {
                                return Prediction.getDecoder().decode(r.value());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                .collect(Collectors.toList());
    }

    /** What makes one prediction update distinct. */
    private static List<String> fingerprints(List<Prediction> predictions) {
        return predictions.stream()
                .map(
                        p ->
                                p.getPredictionId()
                                        + "|"
                                        + p.getTimestamp()
                                        + "|"
                                        + p.getStatus()
                                        + "|"
                                        + p.getSignalCount()
                                        + "|"
                                        + p.getProbability())
                .collect(Collectors.toList());
    }

    private static long runningSources(MiniCluster miniCluster, JobID id) throws Exception {
        long running = 0;
        for (var vertex : miniCluster.getExecutionGraph(id).get().getAllExecutionVertices()) {
            if (vertex.getTaskNameWithSubtaskIndex().startsWith("Source: Kafka")
                    && vertex.getExecutionState() == ExecutionState.RUNNING) {
                running++;
            }
        }
        return running;
    }

    private static long restartedTasks(AccessExecutionGraph graph) {
        long restarted = 0;
        for (var vertex : graph.getAllExecutionVertices()) {
            if (vertex.getCurrentExecutionAttempt().getAttemptNumber() > 0) {
                restarted++;
            }
        }
        return restarted;
    }

    private static long completedCheckpoints(MiniCluster miniCluster, JobID id) throws Exception {
        AccessExecutionGraph graph = miniCluster.getExecutionGraph(id).get();
        var stats = graph.getCheckpointStatsSnapshot();
        return stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints();
    }
}
