package io.forewarn.benchmarks.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a job's checkpoints from the Flink REST API: the latest completed one and the history. */
final class CheckpointStats {

    /**
     * The latest completed checkpoint.
     *
     * @param id its id
     * @param stateSize full size of the state in it, bytes
     * @param checkpointedSize bytes written for it (equal to the state size without incremental
     *     checkpoints)
     * @param durationMillis end-to-end duration
     * @param completed checkpoints completed so far
     * @param failed checkpoints failed so far
     */
    record Latest(
            long id,
            long stateSize,
            long checkpointedSize,
            long durationMillis,
            long completed,
            long failed) {}

    /**
     * A completed checkpoint of the REST API's history.
     *
     * @param id its id
     * @param triggerMillis when it was triggered (epoch ms), to line predictions up with it
     * @param durationMillis end-to-end duration
     * @param stateSize full size of the state in it, bytes
     */
    record Completed(long id, long triggerMillis, long durationMillis, long stateSize) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    CheckpointStats(int restPort) {
        this.base = "http://127.0.0.1:" + restPort;
    }

    /**
     * What one request for the job's checkpoints says.
     *
     * @param latest the latest completed checkpoint, or null before the first one
     * @param history the completed checkpoints of the recent history (the REST API keeps the last
     *     few)
     */
    record Snapshot(Latest latest, List<Completed> history) {}

    /** The job's checkpoints, from one request. */
    Snapshot read(String jobId) throws IOException, InterruptedException {
        JsonNode root = JSON.readTree(get(jobId));
        return new Snapshot(latest(root), completedHistory(root));
    }

    static Latest latest(JsonNode root) {
        JsonNode completed = root.at("/latest/completed");
        if (completed.isMissingNode() || completed.isNull()) {
            return null;
        }
        return new Latest(
                completed.path("id").asLong(),
                completed.path("state_size").asLong(),
                completed.path("checkpointed_size").asLong(),
                completed.path("end_to_end_duration").asLong(),
                root.at("/counts/completed").asLong(),
                root.at("/counts/failed").asLong());
    }

    static List<Completed> completedHistory(JsonNode root) {
        List<Completed> out = new ArrayList<>();
        for (JsonNode c : root.path("history")) {
            if ("COMPLETED".equals(c.path("status").asText())) {
                out.add(
                        new Completed(
                                c.path("id").asLong(),
                                c.path("trigger_timestamp").asLong(),
                                c.path("end_to_end_duration").asLong(),
                                c.path("state_size").asLong()));
            }
        }
        return out;
    }

    private String get(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "/checkpoints"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "GET checkpoints: HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
