package io.forewarn.testutils;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.runtime.RuleKeys;
import io.forewarn.rules.runtime.RuleUpdates;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.Map;

/** Rule files, rule updates and rule records for tests. */
public final class RuleFiles {

    private RuleFiles() {}

    /**
     * A complete rule file around a pattern.
     *
     * @param pattern the lines under {@code pattern:}, indented by two spaces
     */
    public static String rule(
            String id, int version, String key, String within, String skip, String pattern) {
        return "id: "
                + id
                + "\n"
                + "version: "
                + version
                + "\n"
                + "description: test rule "
                + id
                + "\n"
                + "owner: tests\n"
                + "key: "
                + key
                + "\n"
                + (within == null ? "" : "within: " + within + "\n")
                + (skip == null ? "" : "skip: " + skip + "\n")
                + "pattern:\n"
                + pattern
                + "output:\n"
                + "  failureType: test-failure\n"
                + "  probability: 0.5\n"
                + "  summary: \""
                + id
                + " matched on {{key}}\"\n";
    }

    /** A rule over metrics: {@code a} (name a) followed by {@code b} (name b), per service. */
    public static String aThenB(String id, int version) {
        return rule(
                id,
                version,
                "service",
                "10m",
                "skip-past-last-event",
                "  - step: a\n    match: {metric: a}\n  - step: b\n    match: {metric: b}\n");
    }

    public static RuleUpdate upsert(String content) {
        String id =
                content.lines()
                        .filter(l -> l.startsWith("id: "))
                        .findFirst()
                        .orElseThrow()
                        .substring(4)
                        .trim();
        int version =
                Integer.parseInt(
                        content.lines()
                                .filter(l -> l.startsWith("version: "))
                                .findFirst()
                                .orElseThrow()
                                .substring(9)
                                .trim());
        return RuleUpdates.upsert(id, version, content, id + ".yaml", 0L, "test");
    }

    public static RuleUpdate delete(String id, int version) {
        return RuleUpdates.delete(id, version, 0L, "test");
    }

    public static MetricSample metric(long timestamp, String service, String name, double value) {
        return MetricSample.newBuilder()
                .setTimestamp(timestamp)
                .setService(service)
                .setHost(service + "-1")
                .setName(name)
                .setValue(value)
                .setLabels(Map.of())
                .build();
    }

    public static LogRecord log(long timestamp, String service, LogLevel level, String message) {
        return Records.log(timestamp, service, level, message);
    }

    /** The record routed for a key kind, as the router emits it. */
    public static RuleRecord routed(KeyKind kind, Object record) {
        RuleRecord r = io.forewarn.rules.runtime.RuleRecords.of(record);
        return new RuleRecord(
                RuleKeys.keyOf(kind, record),
                RuleKeyKind.valueOf(kind.name()),
                r.getTimestamp(),
                record);
    }

    /** A service-keyed metric as the router emits it. */
    public static RuleRecord serviceMetric(
            long timestamp, String service, String name, double value) {
        return routed(KeyKind.SERVICE, metric(timestamp, service, name, value));
    }
}
