package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Argo CD notifications rendered with Forewarn's recommended webhook template (see {@code
 * docs/reference/input-formats.md}): {@code app}, {@code operationPhase} and {@code finishedAt} or
 * {@code startedAt} are required.
 *
 * <p>Status: phase {@code Running} → IN_PROGRESS; {@code Failed}/{@code Error} → FAILED; {@code
 * Succeeded} → FAILED when health is {@code Degraded} or {@code Missing}, IN_PROGRESS when {@code
 * Progressing} or {@code Suspended}, else SUCCEEDED; {@code Terminating} → UNKNOWN. The id is
 * {@code <app>@<operation start, epoch ms>}, stable across the notifications of one sync. A
 * revision of 40 hex digits is also the commit. Values Go templates render for missing data ({@code
 * ""}, {@code <no value>}) count as absent. Source {@code argocd}.
 */
final class ArgoCdDeployments {

    private static final Pattern GIT_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    private ArgoCdDeployments() {}

    static boolean matches(JsonObject json) {
        return json.has("operation_phase");
    }

    static DeploymentEvent map(JsonObject json, DecoderSettings settings) throws DecodeException {
        dropTemplateNoValues(json.node());
        String app = json.requiredText("app");
        String phase = json.requiredText("operation_phase");
        String health = json.text("health_status");
        Long startedAt = json.timestamp("started_at", Style.ISO_8601);
        Long finishedAt = json.timestamp("finished_at", Style.ISO_8601);
        if (startedAt == null && finishedAt == null) {
            throw new DecodeException(
                    DeadLetterReason.MISSING_FIELD,
                    "required field 'finishedAt' (or 'startedAt') is missing");
        }
        String revision = json.text("revision");
        Map<String, String> labels = json.stringMap("labels", settings.maxAttributeValueChars());
        putIfPresent(labels, "argocd.project", json.text("project"));
        putIfPresent(labels, "argocd.namespace", json.text("namespace"));
        putIfPresent(labels, "argocd.cluster", json.text("cluster"));
        putIfPresent(labels, "argocd.phase", phase);
        putIfPresent(labels, "argocd.health", health);
        putIfPresent(labels, "argocd.sync", json.text("sync_status"));
        putIfPresent(labels, "argocd.repo", json.text("repo_url"));
        String environment = json.text("environment");
        if (environment == null) {
            environment = labels.getOrDefault("environment", labels.get("env"));
        }
        return DeploymentEvent.newBuilder()
                .setDeploymentId(app + "@" + (startedAt != null ? startedAt : finishedAt))
                .setService(app)
                .setTimestamp(finishedAt != null ? finishedAt : startedAt)
                .setEnvironment(environment)
                .setVersion(revision)
                .setCommitSha(
                        revision != null && GIT_SHA.matcher(revision).matches() ? revision : null)
                .setStatus(status(phase, health))
                .setActor(json.text("initiated_by"))
                .setDescription(json.text("message"))
                .setUrl(json.text("app_url"))
                .setLabels(labels)
                .setSource("argocd")
                .build();
    }

    private static DeploymentStatus status(String phase, String health) throws DecodeException {
        String h = health == null ? "" : health.toLowerCase(Locale.ROOT);
        switch (phase.toLowerCase(Locale.ROOT)) {
            case "running":
                return DeploymentStatus.IN_PROGRESS;
            case "failed":
            case "error":
                return DeploymentStatus.FAILED;
            case "terminating":
                return DeploymentStatus.UNKNOWN;
            case "succeeded":
                if (h.equals("degraded") || h.equals("missing")) {
                    return DeploymentStatus.FAILED;
                }
                if (h.equals("progressing") || h.equals("suspended")) {
                    return DeploymentStatus.IN_PROGRESS;
                }
                return DeploymentStatus.SUCCEEDED;
            default:
                throw DecodeException.wrongType(
                        "operationPhase",
                        "one of Running, Succeeded, Failed, Error, Terminating",
                        phase);
        }
    }

    /** Go templates render missing values as {@code <no value>}. */
    private static void dropTemplateNoValues(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value.isTextual() && value.asText().trim().equals("<no value>")) {
                node.set(name, NullNode.getInstance());
            }
        }
    }

    private static void putIfPresent(Map<String, String> labels, String key, String value) {
        if (value != null) {
            labels.put(key, value);
        }
    }
}
