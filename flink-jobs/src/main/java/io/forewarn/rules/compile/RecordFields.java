package io.forewarn.rules.compile;

import io.forewarn.rules.model.RecordKind;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields each record kind offers to conditions and templates, with their CEL types and how to
 * read them. Absent texts read as {@code ""}, absent numbers as NaN (every comparison with NaN is
 * false), enums as their names.
 */
public final class RecordFields {

    /** CEL types of fields. */
    public enum Type {
        STRING("string"),
        INT("int"),
        DOUBLE("double"),
        STRING_MAP("map(string, string)"),
        STRING_LIST("list(string)");

        private final String celName;

        Type(String celName) {
            this.celName = celName;
        }

        public String celName() {
            return celName;
        }
    }

    /**
     * One field.
     *
     * @param name the name in conditions
     * @param type its CEL type
     * @param doc what it holds
     * @param getter reads it from the record
     */
    public record Field(String name, Type type, String doc, Function<Object, Object> getter) {}

    private static final Map<RecordKind, Map<String, Field>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(
                RecordKind.LOG,
                table(
                        List.of(
                                timestamp(),
                                str("service", "service name", r -> ((LogRecord) r).getService()),
                                str("host", "host name", r -> ((LogRecord) r).getHost()),
                                str(
                                        "level",
                                        "TRACE, DEBUG, INFO, WARN, ERROR, FATAL or UNKNOWN",
                                        r -> ((LogRecord) r).getLevel().name()),
                                str(
                                        "message",
                                        "the log message",
                                        r -> ((LogRecord) r).getMessage()),
                                str("logger", "logger name", r -> ((LogRecord) r).getLogger()),
                                str("thread", "thread name", r -> ((LogRecord) r).getThread()),
                                str("traceId", "trace id", r -> ((LogRecord) r).getTraceId()),
                                str(
                                        "environment",
                                        "deployment environment",
                                        r -> ((LogRecord) r).getEnvironment()),
                                map(
                                        "attributes",
                                        "other fields of the source record, flattened",
                                        r -> ((LogRecord) r).getAttributes()),
                                str(
                                        "templateId",
                                        "id of the mined log template",
                                        r -> ((LogRecord) r).getTemplateId()),
                                str(
                                        "template",
                                        "mined template text, variable parts as <*>",
                                        r -> ((LogRecord) r).getTemplate()),
                                list(
                                        "templateParams",
                                        "values of the template's variable parts",
                                        r -> ((LogRecord) r).getTemplateParams()))));
        FIELDS.put(
                RecordKind.METRIC,
                table(
                        List.of(
                                timestamp(),
                                str(
                                        "service",
                                        "service name",
                                        r -> ((MetricSample) r).getService()),
                                str("host", "host name", r -> ((MetricSample) r).getHost()),
                                str("name", "metric name", r -> ((MetricSample) r).getName()),
                                dbl(
                                        "value",
                                        "the sample's value",
                                        r -> ((MetricSample) r).getValue()),
                                map(
                                        "labels",
                                        "the series' labels",
                                        r -> ((MetricSample) r).getLabels()),
                                str("unit", "unit, where known", r -> ((MetricSample) r).getUnit()),
                                str(
                                        "metricKind",
                                        "GAUGE, COUNTER, SUMMARY, HISTOGRAM or UNKNOWN",
                                        r -> ((MetricSample) r).getKind().name()))));
        FIELDS.put(
                RecordKind.DEPLOYMENT,
                table(
                        List.of(
                                timestamp(),
                                str(
                                        "service",
                                        "deployed service",
                                        r -> ((DeploymentEvent) r).getService()),
                                str("host", "always empty: deployments are per service", r -> null),
                                str(
                                        "deploymentId",
                                        "deployment id",
                                        r -> ((DeploymentEvent) r).getDeploymentId()),
                                str(
                                        "environment",
                                        "target environment",
                                        r -> ((DeploymentEvent) r).getEnvironment()),
                                str(
                                        "version",
                                        "deployed version",
                                        r -> ((DeploymentEvent) r).getVersion()),
                                str(
                                        "previousVersion",
                                        "version before",
                                        r -> ((DeploymentEvent) r).getPreviousVersion()),
                                str(
                                        "status",
                                        "STARTED, IN_PROGRESS, SUCCEEDED, FAILED, ROLLED_BACK or"
                                                + " UNKNOWN",
                                        r -> ((DeploymentEvent) r).getStatus().name()),
                                str(
                                        "commitSha",
                                        "deployed commit",
                                        r -> ((DeploymentEvent) r).getCommitSha()),
                                str("actor", "who deployed", r -> ((DeploymentEvent) r).getActor()),
                                str(
                                        "source",
                                        "webhook, argocd, github or avro",
                                        r -> ((DeploymentEvent) r).getSource()),
                                str(
                                        "description",
                                        "free text",
                                        r -> ((DeploymentEvent) r).getDescription()),
                                str(
                                        "url",
                                        "link to the deployment",
                                        r -> ((DeploymentEvent) r).getUrl()),
                                map(
                                        "labels",
                                        "labels of the deployment",
                                        r -> ((DeploymentEvent) r).getLabels()))));
        FIELDS.put(
                RecordKind.DEPENDENCY,
                table(
                        List.of(
                                timestamp(),
                                str(
                                        "service",
                                        "the service that depends on it, where the status is per"
                                                + " consumer",
                                        r -> ((DependencyStatus) r).getService()),
                                str("host", "always empty", r -> null),
                                str(
                                        "dependency",
                                        "dependency name",
                                        r -> ((DependencyStatus) r).getDependency()),
                                str(
                                        "component",
                                        "component of the dependency",
                                        r -> ((DependencyStatus) r).getComponent()),
                                str(
                                        "status",
                                        "OPERATIONAL, DEGRADED, PARTIAL_OUTAGE, MAJOR_OUTAGE,"
                                                + " MAINTENANCE or UNKNOWN",
                                        r -> ((DependencyStatus) r).getStatus().name()),
                                dbl(
                                        "latencyMs",
                                        "observed latency in milliseconds",
                                        r -> ((DependencyStatus) r).getLatencyMs()),
                                dbl(
                                        "errorRate",
                                        "observed error rate 0..1",
                                        r -> ((DependencyStatus) r).getErrorRate()),
                                str("region", "region", r -> ((DependencyStatus) r).getRegion()),
                                str(
                                        "message",
                                        "status message",
                                        r -> ((DependencyStatus) r).getMessage()))));
        FIELDS.put(
                RecordKind.SIGNAL,
                table(
                        List.of(
                                timestamp(),
                                str(
                                        "service",
                                        "service of the signal",
                                        r -> ((Signal) r).getService()),
                                str("host", "host of the signal", r -> ((Signal) r).getHost()),
                                str(
                                        "source",
                                        "producing stage, e.g. error-rate",
                                        r -> ((Signal) r).getSource()),
                                str(
                                        "kind",
                                        "what was seen, e.g. error-burst, anomaly",
                                        r -> ((Signal) r).getKind()),
                                dbl("score", "strength 0..1", r -> ((Signal) r).getScore()),
                                str(
                                        "failureType",
                                        "predicted failure type",
                                        r -> ((Signal) r).getFailureType()),
                                dbl(
                                        "probability",
                                        "probability of the failure",
                                        r -> ((Signal) r).getProbability()),
                                str(
                                        "severity",
                                        "INFO, LOW, MEDIUM, HIGH or CRITICAL",
                                        r -> ((Signal) r).getSeverity().name()),
                                map(
                                        "attributes",
                                        "further details",
                                        r -> ((Signal) r).getAttributes()),
                                str(
                                        "producer",
                                        "KIND:id:version of the producer",
                                        r -> {
                                            var p = ((Signal) r).getProducer();
                                            return p.getKind()
                                                    + ":"
                                                    + p.getId()
                                                    + ":"
                                                    + p.getVersion();
                                        }))));
    }

    private RecordFields() {}

    /** The fields of a record kind, in documentation order. */
    public static Map<String, Field> of(RecordKind kind) {
        return FIELDS.get(kind);
    }

    /** The record kind of an input record (the value of {@code RuleRecord.record}). */
    public static RecordKind kindOf(Object record) {
        if (record instanceof MetricSample) {
            return RecordKind.METRIC;
        } else if (record instanceof LogRecord) {
            return RecordKind.LOG;
        } else if (record instanceof DeploymentEvent) {
            return RecordKind.DEPLOYMENT;
        } else if (record instanceof DependencyStatus) {
            return RecordKind.DEPENDENCY;
        } else if (record instanceof Signal) {
            return RecordKind.SIGNAL;
        }
        throw new IllegalArgumentException("not a record rules can match: " + record);
    }

    /**
     * The value selectors filter on besides the kind: the level of a log, the name of a metric, the
     * status of a deployment, the name of a dependency, the kind of a signal.
     */
    public static String discriminatorOf(Object record) {
        if (record instanceof MetricSample m) {
            return m.getName();
        } else if (record instanceof LogRecord l) {
            return l.getLevel().name();
        } else if (record instanceof DeploymentEvent d) {
            return d.getStatus().name();
        } else if (record instanceof DependencyStatus d) {
            return d.getDependency();
        }
        return ((Signal) record).getKind();
    }

    /** The service a record belongs to, or "" when it names none. */
    public static String serviceOf(Object record) {
        String s;
        if (record instanceof MetricSample m) {
            s = m.getService();
        } else if (record instanceof LogRecord l) {
            s = l.getService();
        } else if (record instanceof DeploymentEvent d) {
            s = d.getService();
        } else if (record instanceof DependencyStatus d) {
            s = d.getService();
        } else {
            s = ((Signal) record).getService();
        }
        return s == null ? "" : s;
    }

    /** The host a record names, or "" when it names none. */
    public static String hostOf(Object record) {
        String h = null;
        if (record instanceof MetricSample m) {
            h = m.getHost();
        } else if (record instanceof LogRecord l) {
            h = l.getHost();
        } else if (record instanceof Signal s) {
            h = s.getHost();
        }
        return h == null ? "" : h;
    }

    private static Map<String, Field> table(List<Field> fields) {
        Map<String, Field> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), f));
        return Collections.unmodifiableMap(out);
    }

    private static Field timestamp() {
        return new Field(
                "timestamp", Type.INT, "event time, epoch milliseconds", RecordFields::timestampOf);
    }

    private static Object timestampOf(Object r) {
        if (r instanceof LogRecord l) {
            return l.getTimestamp();
        } else if (r instanceof MetricSample m) {
            return m.getTimestamp();
        } else if (r instanceof DeploymentEvent d) {
            return d.getTimestamp();
        } else if (r instanceof DependencyStatus d) {
            return d.getTimestamp();
        }
        return ((Signal) r).getTimestamp();
    }

    private static Field str(String name, String doc, Function<Object, Object> getter) {
        return new Field(
                name,
                Type.STRING,
                doc,
                r -> {
                    Object v = getter.apply(r);
                    return v == null ? "" : v.toString();
                });
    }

    private static Field dbl(String name, String doc, Function<Object, Object> getter) {
        return new Field(
                name,
                Type.DOUBLE,
                doc,
                r -> {
                    Object v = getter.apply(r);
                    return v == null ? Double.NaN : ((Number) v).doubleValue();
                });
    }

    private static Field map(String name, String doc, Function<Object, Object> getter) {
        return new Field(
                name,
                Type.STRING_MAP,
                doc,
                r -> {
                    Object v = getter.apply(r);
                    return v == null ? Map.of() : v;
                });
    }

    private static Field list(String name, String doc, Function<Object, Object> getter) {
        return new Field(
                name,
                Type.STRING_LIST,
                doc,
                r -> {
                    Object v = getter.apply(r);
                    return v == null ? List.of() : v;
                });
    }
}
