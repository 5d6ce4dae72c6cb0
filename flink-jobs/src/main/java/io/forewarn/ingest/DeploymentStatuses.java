package io.forewarn.ingest;

import io.forewarn.schema.DeploymentStatus;
import java.util.Locale;
import java.util.Map;

/**
 * Status spellings of the Forewarn deployment webhook, case-insensitive, {@code -} and spaces read
 * as {@code _}.
 */
final class DeploymentStatuses {

    static final Map<String, DeploymentStatus> WEBHOOK =
            Map.ofEntries(
                    Map.entry("started", DeploymentStatus.STARTED),
                    Map.entry("start", DeploymentStatus.STARTED),
                    Map.entry("pending", DeploymentStatus.STARTED),
                    Map.entry("queued", DeploymentStatus.STARTED),
                    Map.entry("in_progress", DeploymentStatus.IN_PROGRESS),
                    Map.entry("running", DeploymentStatus.IN_PROGRESS),
                    Map.entry("progressing", DeploymentStatus.IN_PROGRESS),
                    Map.entry("succeeded", DeploymentStatus.SUCCEEDED),
                    Map.entry("success", DeploymentStatus.SUCCEEDED),
                    Map.entry("successful", DeploymentStatus.SUCCEEDED),
                    Map.entry("completed", DeploymentStatus.SUCCEEDED),
                    Map.entry("failed", DeploymentStatus.FAILED),
                    Map.entry("failure", DeploymentStatus.FAILED),
                    Map.entry("error", DeploymentStatus.FAILED),
                    Map.entry("rolled_back", DeploymentStatus.ROLLED_BACK),
                    Map.entry("rollback", DeploymentStatus.ROLLED_BACK),
                    Map.entry("unknown", DeploymentStatus.UNKNOWN));

    private DeploymentStatuses() {}

    /** The status, or {@code null} when the spelling is not known. */
    static DeploymentStatus webhook(String raw) {
        return WEBHOOK.get(raw.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }
}
