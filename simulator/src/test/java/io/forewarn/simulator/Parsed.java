package io.forewarn.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads simulated records back, whatever shape they have, for assertions. */
final class Parsed {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN =
            Pattern.compile(
                    "^(\\S+) ([A-Z]+) \\[([^\\]]*)\\] \\[([^\\]]*)\\] (\\S+) - (.*)$",
                    Pattern.DOTALL);

    private Parsed() {}

    static JsonNode json(TelemetryEvent event) {
        try {
            return JSON.readTree(event.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log record in any of the simulator's formats. */
    record Log(long time, String service, String host, String level, String message) {}

    static Log log(TelemetryEvent event) {
        String text = new String(event.value(), StandardCharsets.UTF_8);
        if (!text.startsWith("{")) {
            Matcher m = PLAIN.matcher(text);
            if (!m.matches()) {
                throw new AssertionError("not a plain log line: " + text);
            }
            return new Log(event.timestamp(), m.group(3), null, m.group(2), m.group(6));
        }
        JsonNode node = json(event);
        if (node.has("service.name")) {
            return new Log(
                    event.timestamp(),
                    node.path("service.name").asText(),
                    node.path("host.name").asText(),
                    node.path("log.level").asText().toUpperCase(java.util.Locale.ROOT),
                    node.path("message").asText());
        }
        if (node.has("source_type")) {
            String level = node.path("level").asText().toUpperCase(java.util.Locale.ROOT);
            return new Log(
                    event.timestamp(),
                    node.at("/kubernetes/pod_labels/app.kubernetes.io~1name").asText(),
                    node.path("host").asText(),
                    level.equals("WARNING") ? "WARN" : level,
                    node.path("message").asText());
        }
        return new Log(
                event.timestamp(),
                node.at("/kubernetes/labels/app").asText(),
                node.at("/kubernetes/host").asText(),
                node.path("level").asText(),
                node.path("log").asText().stripTrailing());
    }

    /** A metric sample. */
    record Sample(long time, String name, String service, String instance, double value) {}

    static Sample sample(TelemetryEvent event) {
        JsonNode node = json(event);
        return new Sample(
                event.timestamp(),
                node.path("name").asText(),
                node.at("/labels/service").asText(),
                node.at("/labels/instance").asText(),
                Double.parseDouble(node.path("value").asText()));
    }

    static List<Log> logs(List<TelemetryEvent> events) {
        return events.stream()
                .filter(e -> e.topic() == Topic.LOGS)
                .map(Parsed::log)
                .collect(Collectors.toList());
    }

    static List<Sample> samples(List<TelemetryEvent> events, String name) {
        return events.stream()
                .filter(e -> e.topic() == Topic.METRICS)
                .map(Parsed::sample)
                .filter(s -> s.name().equals(name))
                .collect(Collectors.toList());
    }
}
