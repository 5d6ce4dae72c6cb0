package io.forewarn.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Renders simulated records the way real shippers write them: ECS JSON logs (Filebeat),
 * prometheus-kafka-adapter JSON metrics, Forewarn's deployment webhook shape, incident JSON. See
 * docs/reference/input-formats.md.
 */
public final class Formats {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** One prometheus-kafka-adapter sample (value as a string, as the adapter writes it). */
    public static TelemetryEvent metric(
            long time, String name, double value, Map<String, String> labels) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", Instant.ofEpochMilli(time).toString());
        node.put("value", formatValue(value));
        node.put("name", name);
        ObjectNode labelNode = node.putObject("labels");
        labelNode.put("__name__", name);
        labels.forEach(labelNode::put);
        return new TelemetryEvent(Topic.METRICS, time, labels.get("service"), bytes(node));
    }

    /** A deployment in Forewarn's webhook shape. */
    public static TelemetryEvent deployment(
            long time,
            String service,
            String version,
            String previousVersion,
            String status,
            String description) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", service + "-" + version + "-" + time);
        node.put("service", service);
        node.put("environment", "production");
        node.put("version", version);
        node.put("previous_version", previousVersion);
        node.put("status", status);
        node.put("timestamp", Instant.ofEpochMilli(time).toString());
        node.put("commit", Integer.toHexString((service + version).hashCode()) + "0c0ffee");
        node.put("actor", "ci-bot");
        node.put("description", description);
        return new TelemetryEvent(Topic.DEPLOYMENTS, time, service, bytes(node));
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

    private static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }
}
