package io.forewarn.rules.compile;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import io.forewarn.detect.Ids;
import io.forewarn.rules.model.Action;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleOutput;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.Evidence;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a match of a compiled rule into a {@link Signal}: probability, summary and evidence from
 * the rule's output section, evaluated over the matched records.
 */
public final class CompiledOutput {

    /** Evidence items per step at most: the first two and the last three matched records. */
    static final int MAX_EVIDENCE_PER_STEP = 5;

    static final double PROBABILITY_ON_ERROR = 0.5;

    private static final int MAX_MESSAGE = 300;

    private final Rule rule;
    private final List<String> stepOrder;
    private final Map<String, RecordKind> stepKinds;
    private final CelProgram probability;
    private final TemplateProgram summary;
    private final Map<String, TemplateProgram> evidence;
    private final List<RecommendedAction> actions;
    private final EvaluationErrors errors;

    CompiledOutput(
            Rule rule,
            Map<String, RecordKind> stepKinds,
            CelProgram probability,
            TemplateProgram summary,
            Map<String, TemplateProgram> evidence,
            EvaluationErrors errors) {
        this.rule = rule;
        this.stepOrder = List.copyOf(stepKinds.keySet());
        this.stepKinds = stepKinds;
        this.probability = probability;
        this.summary = summary;
        this.evidence = evidence;
        this.errors = errors;
        List<RecommendedAction> a = new ArrayList<>();
        for (Action action : rule.output().actions()) {
            a.add(new RecommendedAction(action.title(), action.detail(), action.runbook()));
        }
        this.actions = List.copyOf(a);
    }

    /**
     * The Signal of a match.
     *
     * @param key the routing key the match was found for, e.g. {@code host:web-1}
     * @param match matched records per step name
     * @param time event time of the match
     */
    public Signal signal(String key, Map<String, List<RuleRecord>> match, long time) {
        RuleOutput out = rule.output();
        String entity = KeyKind.entityOf(key);
        StepsView steps = new StepsView(stepKinds.keySet(), s -> match.getOrDefault(s, List.of()));
        CelVariableResolver outputVars =
                name ->
                        "steps".equals(name)
                                ? Optional.of(steps)
                                : "key".equals(name) ? Optional.of(entity) : Optional.empty();
        double p = probability(out, outputVars);
        String text = summary.render(outputVars, errors);

        List<Evidence> items = new ArrayList<>();
        List<String> timestamps = new ArrayList<>();
        items.add(
                new Evidence(
                        "rule-match",
                        text,
                        time,
                        rule.id(),
                        rule.id() + "@" + rule.version(),
                        p,
                        Map.of(
                                "rule",
                                rule.id(),
                                "version",
                                Integer.toString(rule.version()),
                                "key",
                                entity)));
        for (String step : stepOrder) {
            List<RuleRecord> records = match.getOrDefault(step, List.of());
            for (int i = 0; i < records.size(); i++) {
                RuleRecord r = records.get(i);
                timestamps.add(step + "@" + r.getTimestamp());
                if (i >= 2 && i < records.size() - (MAX_EVIDENCE_PER_STEP - 2)) {
                    continue;
                }
                items.add(evidenceOf(step, r, steps, entity));
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("rule", rule.id());
        attributes.put("ruleVersion", Integer.toString(rule.version()));
        attributes.put("key", entity);
        attributes.put("keyKind", rule.key().yamlName());
        attributes.put("owner", rule.owner());
        rule.labels().forEach((k, v) -> attributes.put("label." + k, v));

        TimeToImpact tti =
                out.timeToImpact() == null
                        ? null
                        : new TimeToImpact(
                                out.timeToImpact().expected().toMillis(),
                                out.timeToImpact().lower().toMillis(),
                                out.timeToImpact().upper().toMillis());
        return Signal.newBuilder()
                .setSignalId(
                        Ids.stable(
                                "rule",
                                rule.id(),
                                Integer.toString(rule.version()),
                                key,
                                Long.toString(time),
                                String.join(",", timestamps)))
                .setTimestamp(time)
                .setService(serviceOf(key, match))
                .setHost(hostOf(key, match))
                .setSource("rule")
                .setKind(out.signalKind())
                .setScore(p)
                .setFailureType(out.failureType())
                .setProbability(p)
                .setSeverity(rule.severity())
                .setTimeToImpact(tti)
                .setEvidence(items)
                .setRecommendedActions(actions)
                .setProducer(
                        new Producer(
                                ProducerKind.RULE, rule.id(), Integer.toString(rule.version())))
                .setAttributes(attributes)
                .build();
    }

    private double probability(RuleOutput out, CelVariableResolver vars) {
        if (probability == null) {
            return out.probability().fixed();
        }
        try {
            Object v = probability.eval(vars);
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? PROBABILITY_ON_ERROR : Math.max(0, Math.min(1, d));
        } catch (CelEvaluationException | RuntimeException e) {
            errors.record("probability", e);
            return PROBABILITY_ON_ERROR;
        }
    }

    private Evidence evidenceOf(String step, RuleRecord r, StepsView steps, String entity) {
        Object record = r.getRecord();
        TemplateProgram t = evidence.get(step);
        String text;
        if (t != null) {
            Map<String, RecordFields.Field> fields = RecordFields.of(stepKinds.get(step));
            text =
                    t.render(
                            name -> {
                                RecordFields.Field f = fields.get(name);
                                if (f != null) {
                                    return Optional.of(f.getter().apply(record));
                                }
                                return "steps".equals(name)
                                        ? Optional.of(steps)
                                        : "key".equals(name)
                                                ? Optional.of(entity)
                                                : Optional.empty();
                            },
                            errors);
        } else {
            text = defaultSummary(record);
        }
        return new Evidence(
                stepKinds.get(step).yamlName(),
                text,
                r.getTimestamp(),
                rule.id(),
                refOf(record),
                valueOf(record),
                Map.of("step", step));
    }

    static String defaultSummary(Object record) {
        if (record instanceof MetricSample m) {
            String labels =
                    m.getLabels().isEmpty()
                            ? ""
                            : m.getLabels().entrySet().stream()
                                    .sorted(Map.Entry.comparingByKey())
                                    .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                                    .collect(Collectors.joining(",", "{", "}"));
            return m.getName() + labels + " = " + TemplateProgram.format(m.getValue());
        } else if (record instanceof LogRecord l) {
            String msg =
                    l.getMessage().length() > MAX_MESSAGE
                            ? l.getMessage().substring(0, MAX_MESSAGE) + "…"
                            : l.getMessage();
            return "[" + l.getLevel() + "] " + msg;
        } else if (record instanceof DeploymentEvent d) {
            return "deployment "
                    + d.getDeploymentId()
                    + " of "
                    + d.getService()
                    + (d.getVersion() == null ? "" : " " + d.getVersion())
                    + " "
                    + d.getStatus();
        } else if (record instanceof DependencyStatus d) {
            return d.getDependency()
                    + " "
                    + d.getStatus()
                    + (d.getLatencyMs() == null
                            ? ""
                            : ", latency " + TemplateProgram.format(d.getLatencyMs()) + " ms")
                    + (d.getErrorRate() == null
                            ? ""
                            : ", error rate " + TemplateProgram.format(d.getErrorRate()));
        }
        Signal s = (Signal) record;
        return s.getSource()
                + " "
                + s.getKind()
                + " (score "
                + TemplateProgram.format(s.getScore())
                + ")";
    }

    private static String refOf(Object record) {
        if (record instanceof MetricSample m) {
            return m.getName();
        } else if (record instanceof LogRecord l) {
            return l.getTraceId() != null ? l.getTraceId() : l.getTemplateId();
        } else if (record instanceof DeploymentEvent d) {
            return d.getDeploymentId();
        } else if (record instanceof DependencyStatus d) {
            return d.getDependency();
        }
        return ((Signal) record).getSignalId();
    }

    private static Double valueOf(Object record) {
        if (record instanceof MetricSample m) {
            return m.getValue();
        } else if (record instanceof DependencyStatus d) {
            return d.getLatencyMs();
        } else if (record instanceof Signal s) {
            return s.getScore();
        }
        return null;
    }

    private String serviceOf(String key, Map<String, List<RuleRecord>> match) {
        if (rule.key() == KeyKind.SERVICE) {
            return KeyKind.entityOf(key);
        }
        String service = "";
        for (String step : stepOrder) {
            for (RuleRecord r : match.getOrDefault(step, List.of())) {
                String s = RecordFields.serviceOf(r.getRecord());
                if (!s.isEmpty()) {
                    service = s;
                }
            }
        }
        return service.isEmpty() ? KeyKind.entityOf(key) : service;
    }

    private String hostOf(String key, Map<String, List<RuleRecord>> match) {
        if (rule.key() == KeyKind.HOST) {
            return KeyKind.entityOf(key);
        }
        String host = null;
        for (List<RuleRecord> records : match.values()) {
            for (RuleRecord r : records) {
                String h = RecordFields.hostOf(r.getRecord());
                if (h.isEmpty() || (host != null && !host.equals(h))) {
                    return null;
                }
                host = h;
            }
        }
        return host;
    }
}
