package io.forewarn.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders simulated records the way real shippers write them: logs as ECS JSON (Filebeat), Vector
 * JSON, Fluent Bit JSON or plain text lines; prometheus-kafka-adapter JSON metrics; Forewarn's
 * deployment webhook, VCS statistics, dependency status and incident shapes. See
 * docs/reference/input-formats.md.
 */
public final class Formats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private Formats() {}

    /** An ECS JSON log line (Filebeat / Elastic Agent style, dotted keys). */
    public static TelemetryEvent ecsLog(
            long time,
            String service,
            String host,
            String level,
            String logger,
            String thread,
            String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@timestamp", Instant.ofEpochMilli(time).toString());
        node.put("log.level", level.toLowerCase(Locale.ROOT));
        node.put("message", message);
        node.put("service.name", service);
        node.put("host.name", host);
        node.put("log.logger", logger);
        node.put("process.thread.name", thread);
        node.put("ecs.version", "8.11.0");
        return new TelemetryEvent(Topic.LOGS, time, service, bytes(node));
    }

    /**
     * A Vector JSON log line from its {@code kubernetes_logs} source, remapped with the
     * application's level and logger.
     */
    public static TelemetryEvent vectorLog(
            long time,
            String service,
            String host,
            String level,
            String logger,
            String thread,
            String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", timestamp(time));
        node.put("message", message);
        node.put("host", host);
        node.put("level", vectorLevel(level));
        node.put("logger", logger);
        node.put("thread", thread);
        node.put("source_type", "kubernetes_logs");
        ObjectNode kubernetes = node.putObject("kubernetes");
        kubernetes.put("container_name", service);
        kubernetes.put("pod_name", host);
        kubernetes.putObject("pod_labels").put("app.kubernetes.io/name", service);
        kubernetes.put("pod_node_name", host);
        return new TelemetryEvent(Topic.LOGS, time, service, bytes(node));
    }

    /**
     * A Fluent Bit JSON record from its kubernetes filter: {@code date} in fractional epoch
     * seconds, the raw line in {@code log} (with its line break) and the level a parser filter
     * extracted.
     */
    public static TelemetryEvent fluentBitLog(
            long time,
            String service,
            String host,
            String level,
            String logger,
            String thread,
            String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("date", time / 1000.0);
        node.put("log", message + "\n");
        node.put("stream", "ERROR".equals(level) || "FATAL".equals(level) ? "stderr" : "stdout");
        node.put("level", level);
        node.put("logger", logger);
        ObjectNode kubernetes = node.putObject("kubernetes");
        kubernetes.put("pod_name", host);
        kubernetes.putObject("labels").put("app", service);
        kubernetes.put("host", host);
        kubernetes.put("container_name", service);
        return new TelemetryEvent(Topic.LOGS, time, service, bytes(node));
    }

    /**
     * A plain text line as Logback's default layout writes it ({@code timestamp LEVEL [service]
     * [thread] logger - message}); plain lines name no host.
     */
    public static TelemetryEvent plainLog(
            long time, String service, String level, String logger, String thread, String message) {
        String line =
                timestamp(time)
                        + " "
                        + level
                        + " ["
                        + service
                        + "] ["
                        + thread
                        + "] "
                        + logger
                        + " - "
                        + message;
        return new TelemetryEvent(Topic.LOGS, time, service, line.getBytes(StandardCharsets.UTF_8));
    }

    /** One prometheus-kafka-adapter sample (value as a string, as the adapter writes it). */
    public static TelemetryEvent metric(
            long time, String name, double value, Map<String, String> labels) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", Instant.ofEpochMilli(time).toString());
        node.put("value", formatValue(value));
        node.put("name", name);
        ObjectNode labelNode = node.putObject("labels");
        labelNode.put("__name__", name);
        new TreeMap<>(labels).forEach(labelNode::put);
        return new TelemetryEvent(Topic.METRICS, time, labels.get("service"), bytes(node));
    }

    /** A deployment in Forewarn's webhook shape, its own id (one per status update). */
    public static TelemetryEvent deployment(
            long time,
            String service,
            String version,
            String previousVersion,
            String status,
            String description) {
        return deployment(
                time,
                deploymentId(service, version, time),
                service,
                version,
                previousVersion,
                status,
                "ci-bot",
                description);
    }

    /** A deployment status update in Forewarn's webhook shape. */
    public static TelemetryEvent deployment(
            long time,
            String id,
            String service,
            String version,
            String previousVersion,
            String status,
            String actor,
            String description) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("service", service);
        node.put("environment", "production");
        node.put("version", version);
        node.put("previous_version", previousVersion);
        node.put("status", status);
        node.put("timestamp", Instant.ofEpochMilli(time).toString());
        node.put("commit", commitSha(service, version));
        node.put("actor", actor);
        node.put("description", description);
        return new TelemetryEvent(Topic.DEPLOYMENTS, time, service, bytes(node));
    }

    /** A stable, plausible commit id of a version of a service. */
    public static String commitSha(String service, String version) {
        return Integer.toHexString((service + version).hashCode()) + "0c0ffee";
    }

    /** Statistics of the change a deployment rolls out, as a CI pipeline would report them. */
    public static TelemetryEvent vcsStats(
            long time, String service, String deploymentId, Change c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", timestamp(time));
        node.put("repository", "shop/" + service);
        node.put("service", service);
        node.put("commit_sha", c.commitSha());
        node.put("deployment_id", deploymentId);
        node.put("commits", c.commits());
        node.put("lines_added", c.linesAdded());
        node.put("lines_deleted", c.linesDeleted());
        node.put("files_touched", c.filesTouched());
        node.put("complexity_delta", c.complexityDelta());
        node.put("tests_passed", c.testsPassed());
        node.put("tests_failed", c.testsFailed());
        node.put("tests_skipped", c.testsSkipped());
        node.put("coverage", c.coverage());
        c.authors().forEach(node.putArray("authors")::add);
        return new TelemetryEvent(Topic.VCS, time, service, bytes(node));
    }

    /**
     * The status of an external dependency as one service's client sees it (Statuspage vocabulary).
     */
    public static TelemetryEvent dependencyStatus(
            long time,
            String service,
            String dependency,
            String status,
            double latencyMs,
            double errorRate,
            String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", timestamp(time));
        node.put("dependency", dependency);
        node.put("service", service);
        node.put("status", status);
        node.put("latency_ms", Math.round(latencyMs * 10) / 10.0);
        node.put("error_rate", Math.round(errorRate * 10_000) / 10_000.0);
        node.put("region", "eu-west-1");
        if (message != null) {
            node.put("message", message);
        }
        return new TelemetryEvent(Topic.DEPENDENCIES, time, service, bytes(node));
    }

    /** An incident as an incident tool would record it. */
    public static TelemetryEvent incident(
            long time,
            String service,
            String host,
            String failureType,
            String title,
            long startedAt) {
        ObjectNode node = JSON.createObjectNode();
        node.put(
                "incident_id",
                "INC-" + Integer.toHexString((service + failureType + startedAt).hashCode()));
        node.put("timestamp", Instant.ofEpochMilli(time).toString());
        node.put("service", service);
        if (host != null) {
            node.put("host", host);
        }
        node.put("failure_type", failureType);
        node.put("severity", "high");
        node.put("started_at", Instant.ofEpochMilli(startedAt).toString());
        node.put("title", title);
        node.put("source", "simulator");
        return new TelemetryEvent(Topic.INCIDENTS, time, service, bytes(node));
    }

    /**
     * Deployment ids as the webhook carries them: the same id on every status update of one
     * deployment.
     */
    public static String deploymentId(String service, String version, long startedAt) {
        return service + "-" + version + "-" + startedAt;
    }

    /** ISO-8601 with milliseconds, always 24 characters. */
    public static String timestamp(long time) {
        return MILLIS.format(Instant.ofEpochMilli(time));
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String vectorLevel(String level) {
        return "WARN".equals(level) ? "warning" : level.toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }
}
