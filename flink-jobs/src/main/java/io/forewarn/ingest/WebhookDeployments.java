package io.forewarn.ingest;

import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.DeploymentStatus;
import java.util.TreeSet;

/**
 * Forewarn's own deployment webhook shape (snake_case, camelCase accepted): {@code id}, {@code
 * service} and {@code timestamp} are required; {@code environment}, {@code version}, {@code
 * previous_version}, {@code status} (see {@link DeploymentStatuses}; UNKNOWN when absent), {@code
 * commit} (or {@code commit_sha}), {@code actor}, {@code description}, {@code url} and {@code
 * labels} (object of strings) are optional. Source {@code webhook}.
 */
final class WebhookDeployments {

    private WebhookDeployments() {}

    static DeploymentEvent map(JsonObject json, DecoderSettings settings) throws DecodeException {
        String rawStatus = json.text("status");
        DeploymentStatus status = DeploymentStatus.UNKNOWN;
        if (rawStatus != null) {
            status = DeploymentStatuses.webhook(rawStatus);
            if (status == null) {
                throw DecodeException.wrongType(
                        "status",
                        "one of " + new TreeSet<>(DeploymentStatuses.WEBHOOK.keySet()),
                        rawStatus);
            }
        }
        String commit = json.text("commit");
        return DeploymentEvent.newBuilder()
                .setDeploymentId(json.requiredText("id"))
                .setService(json.requiredText("service"))
                .setTimestamp(json.requiredTimestamp("timestamp", Style.ISO_OR_EPOCH))
                .setEnvironment(json.text("environment"))
                .setVersion(json.text("version"))
                .setPreviousVersion(json.text("previous_version"))
                .setStatus(status)
                .setCommitSha(commit != null ? commit : json.text("commit_sha"))
                .setActor(json.text("actor"))
                .setDescription(json.text("description"))
                .setUrl(json.text("url"))
                .setLabels(json.stringMap("labels", settings.maxAttributeValueChars()))
                .setSource("webhook")
                .build();
    }
}
