package io.forewarn.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.DeploymentStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * GitHub {@code deployment_status} webhook payloads.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>field</th><th>from</th></tr>
 *   <tr><td>deploymentId</td><td>{@code deployment.id} (required)</td></tr>
 *   <tr><td>status</td><td>{@code deployment_status.state} (required): pending, queued →
 *       STARTED; in_progress → IN_PROGRESS; success → SUCCEEDED; failure, error → FAILED;
 *       inactive (superseded by a later deployment) → UNKNOWN</td></tr>
 *   <tr><td>service</td><td>{@code deployment.payload.service}, else {@code repository.name}
 *       (one required)</td></tr>
 *   <tr><td>timestamp</td><td>{@code deployment_status.updated_at}, else {@code created_at}
 *       (one required)</td></tr>
 *   <tr><td>environment</td><td>{@code deployment_status.environment}, else {@code
 *       deployment.environment}</td></tr>
 *   <tr><td>version</td><td>{@code deployment.payload.version}, else {@code deployment.ref}</td></tr>
 *   <tr><td>previousVersion</td><td>{@code deployment.payload.previous_version}</td></tr>
 *   <tr><td>commitSha</td><td>{@code deployment.sha}</td></tr>
 *   <tr><td>actor</td><td>{@code deployment_status.creator.login}, else {@code sender.login}</td></tr>
 *   <tr><td>url</td><td>{@code deployment_status.target_url}, {@code log_url}, {@code
 *       environment_url}</td></tr>
 *   <tr><td>description</td><td>{@code deployment_status.description}, else {@code
 *       deployment.description}</td></tr>
 *   <tr><td>labels</td><td>{@code repository} (full name), {@code ref}, {@code task}, {@code
 *       github.state}</td></tr>
 * </table>
 *
 * <p>{@code deployment.payload} may be an object or a string holding a JSON object. Source {@code
 * github}.
 */
final class GitHubDeployments {

    private static final Map<String, DeploymentStatus> STATES =
            Map.of(
                    "pending", DeploymentStatus.STARTED,
                    "queued", DeploymentStatus.STARTED,
                    "in_progress", DeploymentStatus.IN_PROGRESS,
                    "success", DeploymentStatus.SUCCEEDED,
                    "failure", DeploymentStatus.FAILED,
                    "error", DeploymentStatus.FAILED,
                    "inactive", DeploymentStatus.UNKNOWN);

    private GitHubDeployments() {}

    static boolean matches(JsonObject json) {
        return json.node().has("deployment_status");
    }

    static DeploymentEvent map(JsonObject json, DecoderSettings settings) throws DecodeException {
        JsonObject status = json.requiredObject("deployment_status");
        JsonObject deployment = json.requiredObject("deployment");
        JsonObject repository = json.object("repository");
        JsonObject payload = payload(deployment, settings);

        String state = status.requiredText("state");
        DeploymentStatus mapped = STATES.get(state);
        if (mapped == null) {
            throw DecodeException.wrongType(
                    status.pathOf("state"), "one of " + new TreeSet<>(STATES.keySet()), state);
        }
        String service = payload == null ? null : payload.text("service");
        if (service == null && repository != null) {
            service = repository.text("name");
        }
        if (service == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "required field 'deployment.payload.service' (or 'repository.name') is"
                            + " missing");
        }
        Long time = status.timestamp("updated_at", Style.ISO_8601);
        if (time == null) {
            time = status.requiredTimestamp("created_at", Style.ISO_8601);
        }
        JsonObject creator = status.object("creator");
        JsonObject sender = json.object("sender");
        String actor = creator == null ? null : creator.text("login");
        if (actor == null && sender != null) {
            actor = sender.text("login");
        }
        String version = payload == null ? null : payload.text("version");
        Map<String, String> labels = new LinkedHashMap<>();
        if (repository != null && repository.text("full_name") != null) {
            labels.put("repository", repository.text("full_name"));
        }
        putIfPresent(labels, "ref", deployment.text("ref"));
        putIfPresent(labels, "task", deployment.text("task"));
        labels.put("github.state", state);
        return DeploymentEvent.newBuilder()
                .setDeploymentId(deployment.requiredText("id"))
                .setService(service)
                .setTimestamp(time)
                .setEnvironment(firstOf(status.text("environment"), deployment.text("environment")))
                .setVersion(firstOf(version, deployment.text("ref")))
                .setPreviousVersion(payload == null ? null : payload.text("previous_version"))
                .setStatus(mapped)
                .setCommitSha(deployment.text("sha"))
                .setActor(actor)
                .setDescription(firstOf(status.text("description"), deployment.text("description")))
                .setUrl(
                        firstOf(
                                status.text("target_url"),
                                firstOf(status.text("log_url"), status.text("environment_url"))))
                .setLabels(labels)
                .setSource("github")
                .build();
    }

    /** {@code deployment.payload}: an object, a string holding one, or absent. */
    private static JsonObject payload(JsonObject deployment, DecoderSettings settings)
            throws DecodeException {
        JsonNode raw = deployment.node().get("payload");
        if (raw != null && raw.isTextual() && raw.asText().trim().startsWith("{")) {
            try {
                JsonNode parsed = JsonPayload.MAPPER.readTree(raw.asText());
                return JsonObject.root((ObjectNode) parsed, settings);
            } catch (JacksonException e) {
                throw DecodeException.wrongType(
                        deployment.pathOf("payload"), "an object or a JSON object string", raw);
            }
        }
        if (raw != null && raw.isTextual()) {
            return null;
        }
        return deployment.object("payload");
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static void putIfPresent(Map<String, String> labels, String key, String value) {
        if (value != null) {
            labels.put(key, value);
        }
    }
}
