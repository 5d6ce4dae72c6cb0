package io.forewarn.rules.parse;

import io.forewarn.rules.model.RuleTestCase;
import io.forewarn.rules.model.SourceLocation;
import io.forewarn.schema.DependencyState;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.DeploymentStatus;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compact notation of test inputs, one record (or a repeated series) per line:
 *
 * <pre>
 * 0s   metric jvm_memory_heap_used_ratio 0.93 host=web-1
 * 30s  every 30s x4 metric disk_used_ratio{mount="/data"} 0.80+0.02
 * 1m   log ERROR "Connection refused to db:5432" logger=pool
 * 2m   deploy SUCCEEDED version=1.4.2
 * 3m   dependency payments-api DEGRADED latencyMs=2300
 * 4m   signal error-burst score=0.8 source=error-rate
 * </pre>
 *
 * Times are relative to {@link RuleTestCase#EPOCH}. {@code every D xN} repeats the record N times,
 * D apart; a metric value {@code a+b} grows by b on each repetition. {@code key=value} pairs set
 * further fields; values may be double-quoted.
 */
final class TestInputParser {

    private static final Set<String> METRIC_KEYS = Set.of("service", "host", "unit", "kind");
    private static final Set<String> LOG_KEYS =
            Set.of(
                    "service",
                    "host",
                    "logger",
                    "thread",
                    "traceId",
                    "environment",
                    "templateId",
                    "template");
    private static final Set<String> DEPLOY_KEYS =
            Set.of(
                    "service",
                    "id",
                    "version",
                    "previousVersion",
                    "environment",
                    "commit",
                    "actor",
                    "source");
    private static final Set<String> DEPENDENCY_KEYS =
            Set.of("service", "latencyMs", "errorRate", "component", "region", "message");
    private static final Set<String> SIGNAL_KEYS =
            Set.of("service", "host", "source", "score", "failureType", "probability", "severity");

    private final String service;
    private final String host;
    private final Problems problems;

    TestInputParser(String service, String host, Problems problems) {
        this.service = service;
        this.host = host;
        this.problems = problems;
    }

    /** The records of one line; empty (and problems reported) when it cannot be read. */
    List<RuleRecord> parse(String line, SourceLocation at) {
        List<Token> tokens;
        try {
            tokens = tokenize(line);
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage() + " in input line '" + line + "'", null);
            return List.of();
        }
        Cursor c = new Cursor(line, tokens, at);
        try {
            Duration time = c.duration("a time like 0s, 30s or 1m30s");
            Duration every = Duration.ZERO;
            int count = 1;
            if (c.peekIs("every")) {
                c.next();
                every = c.duration("the repetition interval, e.g. every 30s");
                String times = c.next("the repetition count, e.g. x5");
                if (!times.matches("x\\d+")) {
                    throw c.error(
                            "expected a repetition count like x5 after 'every', not '"
                                    + times
                                    + "'");
                }
                count = Integer.parseInt(times.substring(1));
            }
            String kind = c.next("a record kind: metric, log, deploy, dependency or signal");
            List<RuleRecord> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long ts = RuleTestCase.EPOCH + time.toMillis() + i * every.toMillis();
                Cursor args = c.copy();
                out.add(new RuleRecord("", RuleKeyKind.SERVICE, ts, record(kind, args, ts, i)));
            }
            return out;
        } catch (InputError e) {
            problems.add(
                    e.location,
                    e.getMessage(),
                    "see the input notation in docs/rules.md#testing-rules");
            return List.of();
        }
    }

    private Object record(String kind, Cursor c, long ts, int repetition) {
        switch (kind) {
            case "metric":
                return metric(c, ts, repetition);
            case "log":
                return log(c, ts);
            case "deploy":
            case "deployment":
                return deployment(c, ts);
            case "dependency":
                return dependency(c, ts);
            case "signal":
                return signal(c, ts);
            default:
                throw c.error(
                        "unknown record kind '"
                                + kind
                                + "': use metric, log, deploy, dependency or signal");
        }
    }

    private MetricSample metric(Cursor c, long ts, int repetition) {
        String nameAndLabels =
                c.next("a metric name, e.g. jvm_gc_pause_seconds or disk_used_ratio{mount=\"/\"}");
        Map<String, String> labels = new TreeMap<>();
        String name = nameAndLabels;
        int brace = nameAndLabels.indexOf('{');
        if (brace >= 0) {
            if (!nameAndLabels.endsWith("}")) {
                throw c.error("labels of '" + nameAndLabels + "' must end with }");
            }
            name = nameAndLabels.substring(0, brace);
            for (Token t :
                    tokenizeLabels(
                            nameAndLabels.substring(brace + 1, nameAndLabels.length() - 1))) {
                int eq = t.text.indexOf('=');
                if (eq <= 0) {
                    throw c.error("label '" + t.text + "' must be name=\"value\"");
                }
                labels.put(t.text.substring(0, eq), unquote(t.text.substring(eq + 1)));
            }
        }
        String valueText = c.next("a value, e.g. 0.93 or 0.80+0.02 for a growing series");
        double value = seriesValue(valueText, repetition, c);
        Map<String, String> kv = c.keyValues(METRIC_KEYS);
        MetricKind metricKind = MetricKind.UNKNOWN;
        if (kv.containsKey("kind")) {
            metricKind = enumValue(MetricKind.class, kv.get("kind"), c);
        }
        return MetricSample.newBuilder()
                .setTimestamp(ts)
                .setName(name)
                .setValue(value)
                .setLabels(labels)
                .setService(kv.getOrDefault("service", service))
                .setHost(kv.getOrDefault("host", host))
                .setUnit(kv.get("unit"))
                .setKind(metricKind)
                .build();
    }

    private LogRecord log(Cursor c, long ts) {
        LogLevel level = enumValue(LogLevel.class, c.next("a log level, e.g. ERROR"), c);
        Map<String, String> kv = c.keyValues(LOG_KEYS);
        String message = c.rest("a log message");
        return LogRecord.newBuilder()
                .setTimestamp(ts)
                .setService(kv.getOrDefault("service", service))
                .setHost(kv.getOrDefault("host", host))
                .setLevel(level)
                .setMessage(message)
                .setLogger(kv.get("logger"))
                .setThread(kv.get("thread"))
                .setTraceId(kv.get("traceId"))
                .setEnvironment(kv.get("environment"))
                .setTemplateId(kv.get("templateId"))
                .setTemplate(kv.get("template"))
                .build();
    }

    private DeploymentEvent deployment(Cursor c, long ts) {
        DeploymentStatus status =
                enumValue(DeploymentStatus.class, c.next("a deployment status, e.g. SUCCEEDED"), c);
        Map<String, String> kv = c.keyValues(DEPLOY_KEYS);
        String svc = kv.getOrDefault("service", service);
        return DeploymentEvent.newBuilder()
                .setTimestamp(ts)
                .setDeploymentId(
                        kv.getOrDefault("id", "deploy-" + svc + "-" + (ts - RuleTestCase.EPOCH)))
                .setService(svc)
                .setEnvironment(kv.get("environment"))
                .setVersion(kv.get("version"))
                .setPreviousVersion(kv.get("previousVersion"))
                .setStatus(status)
                .setCommitSha(kv.get("commit"))
                .setActor(kv.get("actor"))
                .setSource(kv.getOrDefault("source", "test"))
                .build();
    }

    private DependencyStatus dependency(Cursor c, long ts) {
        String name = c.next("a dependency name, e.g. payments-api");
        DependencyState state =
                enumValue(DependencyState.class, c.next("a status, e.g. DEGRADED"), c);
        Map<String, String> kv = c.keyValues(DEPENDENCY_KEYS);
        return DependencyStatus.newBuilder()
                .setTimestamp(ts)
                .setDependency(name)
                .setService(kv.getOrDefault("service", service))
                .setComponent(kv.get("component"))
                .setStatus(state)
                .setLatencyMs(kv.containsKey("latencyMs") ? number(kv.get("latencyMs"), c) : null)
                .setErrorRate(kv.containsKey("errorRate") ? number(kv.get("errorRate"), c) : null)
                .setRegion(kv.get("region"))
                .setMessage(kv.get("message"))
                .build();
    }

    private Signal signal(Cursor c, long ts) {
        String kind = c.next("a signal kind, e.g. error-burst");
        Map<String, String> kv = c.keyValues(SIGNAL_KEYS);
        String source = kv.getOrDefault("source", "test");
        double score = kv.containsKey("score") ? number(kv.get("score"), c) : 1.0;
        String svc = kv.getOrDefault("service", service);
        return Signal.newBuilder()
                .setSignalId("test-" + source + "-" + kind + "-" + (ts - RuleTestCase.EPOCH))
                .setTimestamp(ts)
                .setService(svc)
                .setHost(kv.getOrDefault("host", host))
                .setSource(source)
                .setKind(kind)
                .setScore(score)
                .setFailureType(kv.get("failureType"))
                .setProbability(
                        kv.containsKey("probability") ? number(kv.get("probability"), c) : null)
                .setSeverity(
                        kv.containsKey("severity")
                                ? enumValue(Severity.class, kv.get("severity"), c)
                                : Severity.MEDIUM)
                .setProducer(new Producer(ProducerKind.DETECTOR, source, "test"))
                .build();
    }

    private static double seriesValue(String text, int repetition, Cursor c) {
        int op = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (op > 0 && Character.toLowerCase(text.charAt(op - 1)) != 'e') {
            double start = number(text.substring(0, op), c);
            double step = number(text.substring(op + 1), c);
            return start + (text.charAt(op) == '+' ? step : -step) * repetition;
        }
        return number(text, c);
    }

    private static double number(String text, Cursor c) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw c.error("'" + text + "' is not a number");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, Cursor c) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E v : type.getEnumConstants()) {
                names.add(v.name());
            }
            throw c.error("'" + text + "' is not one of " + String.join(", ", names));
        }
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return text;
    }

    /** A problem with one input line, located at the token it is about. */
    private static final class InputError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient SourceLocation location;

        InputError(String message, SourceLocation location) {
            super(message);
            this.location = location;
        }
    }

    /** A token and its start offset in the line. */
    private record Token(String text, int start) {}

    private static List<Token> tokenize(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= line.length()) {
                break;
            }
            int start = i;
            boolean quoted = false;
            int braces = 0;
            while (i < line.length()
                    && (quoted || braces > 0 || !Character.isWhitespace(line.charAt(i)))) {
                char ch = line.charAt(i);
                if (ch == '\\' && quoted) {
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (!quoted && ch == '{') {
                    braces++;
                } else if (!quoted && ch == '}') {
                    braces--;
                }
                i++;
            }
            if (quoted) {
                throw new IllegalArgumentException("unclosed quote");
            }
            out.add(new Token(line.substring(start, i), start));
        }
        return out;
    }

    private static List<Token> tokenizeLabels(String labels) {
        List<Token> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < labels.length(); i++) {
            char ch = labels.charAt(i);
            if (ch == '"' && (i == 0 || labels.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                if (!cur.toString().isBlank()) {
                    out.add(new Token(cur.toString().trim(), 0));
                }
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(new Token(cur.toString().trim(), 0));
        }
        return out;
    }

    /** Reads tokens of one line left to right. */
    private static final class Cursor {
        private final String line;
        private final List<Token> tokens;
        private final SourceLocation at;
        private int pos;
        private int lastStart;

        Cursor(String line, List<Token> tokens, SourceLocation at) {
            this.line = line;
            this.tokens = tokens;
            this.at = at;
        }

        Cursor copy() {
            Cursor c = new Cursor(line, tokens, at);
            c.pos = pos;
            c.lastStart = lastStart;
            return c;
        }

        /** Where the token read last starts: the one a problem is about. */
        SourceLocation location() {
            return at.shifted(0, at.column() + lastStart);
        }

        InputError error(String message) {
            return new InputError(message + " in input line '" + line + "'", location());
        }

        boolean peekIs(String word) {
            return pos < tokens.size() && tokens.get(pos).text.equals(word);
        }

        String next() {
            return next("a word");
        }

        String next(String expected) {
            if (pos >= tokens.size()) {
                lastStart = line.length();
                throw error("expected " + expected);
            }
            lastStart = tokens.get(pos).start;
            return tokens.get(pos++).text;
        }

        Duration duration(String expected) {
            String text = next(expected);
            Duration d = Durations.parse(text);
            if (d == null) {
                throw error("expected " + expected + ", not '" + text + "'");
            }
            return d;
        }

        /** Leading key=value tokens whose key is one of {@code keys}. */
        Map<String, String> keyValues(Set<String> keys) {
            Map<String, String> out = new LinkedHashMap<>();
            while (pos < tokens.size()) {
                String t = tokens.get(pos).text;
                int eq = t.indexOf('=');
                if (eq <= 0 || t.startsWith("\"")) {
                    break;
                }
                String key = t.substring(0, eq);
                lastStart = tokens.get(pos).start;
                if (!keys.contains(key)) {
                    throw error(
                            "unknown field '"
                                    + key
                                    + "': use one of "
                                    + String.join(", ", keys.stream().sorted().toList()));
                }
                out.put(key, unquote(t.substring(eq + 1)));
                pos++;
            }
            return out;
        }

        /** The rest of the line as one text: a quoted token, or everything left as written. */
        String rest(String expected) {
            if (pos >= tokens.size()) {
                throw error("expected " + expected);
            }
            if (pos == tokens.size() - 1 && tokens.get(pos).text.startsWith("\"")) {
                return unquote(tokens.get(pos++).text);
            }
            String text = line.substring(tokens.get(pos).start).trim();
            pos = tokens.size();
            return text;
        }
    }
}
