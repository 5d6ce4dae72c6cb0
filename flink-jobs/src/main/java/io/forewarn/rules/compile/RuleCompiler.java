package io.forewarn.rules.compile;

import io.forewarn.rules.model.Contiguity;
import io.forewarn.rules.model.Group;
import io.forewarn.rules.model.PatternNode;
import io.forewarn.rules.model.Quantifier;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.model.SkipStrategy;
import io.forewarn.rules.model.SourceLocation;
import io.forewarn.rules.model.Step;
import io.forewarn.rules.model.Template;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.pattern.MalformedPatternException;
import org.apache.flink.cep.pattern.Pattern;

/**
 * Compiles a parsed {@link Rule} into a {@link CompiledRule}: a Flink CEP {@link Pattern} whose
 * step conditions are {@link StepCondition}s, type-checked CEL for conditions, probability and
 * templates, and the NFA factory, which Flink CEP validates. Every CEL expression is compiled here,
 * once per rule version. Problems name the file, rule, line and column.
 */
public final class RuleCompiler {

    /** Compiles the rule, or throws with every problem found. */
    public CompiledRule compile(Rule rule) throws RuleException {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RecordKind> kinds = new LinkedHashMap<>();
        Map<String, Step> steps = new LinkedHashMap<>();
        flatten(rule.pattern(), kinds, steps);
        EvaluationErrors errors = new EvaluationErrors();

        Map<String, StepPrograms> conditions = new LinkedHashMap<>();
        Set<String> visible = new LinkedHashSet<>();
        List<SelectorMatcher> selectors = new ArrayList<>();
        for (Step step : steps.values()) {
            visible.add(step.name());
            Map<String, RecordKind> scopeSteps = new LinkedHashMap<>();
            visible.forEach(n -> scopeSteps.put(n, kinds.get(n)));
            CelScope scope = new CelScope(step.selector().kind(), scopeSteps, CelScope.Result.BOOL);
            CelProgram where =
                    step.where() == null
                            ? null
                            : CelProgram.compile(step.where(), scope, rule.id(), problems);
            CelProgram until =
                    step.until() == null
                            ? null
                            : CelProgram.compile(step.until(), scope, rule.id(), problems);
            SelectorMatcher selector = new SelectorMatcher(step.selector());
            selectors.add(selector);
            Set<String> names = Set.copyOf(scopeSteps.keySet());
            conditions.put(
                    step.name(),
                    new StepPrograms(
                            new StepCondition(step.name(), selector, where, names, errors),
                            step.until() == null
                                    ? null
                                    : new StepCondition(
                                            step.name(), selector, until, names, errors)));
        }

        CelScope outputScope = new CelScope(null, kinds, CelScope.Result.ANY);
        CelProgram probability = null;
        if (rule.output().probability().expression() != null) {
            probability =
                    CelProgram.compile(
                            rule.output().probability().expression(),
                            new CelScope(null, kinds, CelScope.Result.DOUBLE),
                            rule.id(),
                            problems);
        }
        TemplateProgram summary =
                TemplateProgram.compile(rule.output().summary(), outputScope, rule.id(), problems);
        Map<String, TemplateProgram> evidence = new LinkedHashMap<>();
        for (Map.Entry<String, Template> e : rule.output().evidence().entrySet()) {
            CelScope scope = new CelScope(kinds.get(e.getKey()), kinds, CelScope.Result.ANY);
            evidence.put(
                    e.getKey(), TemplateProgram.compile(e.getValue(), scope, rule.id(), problems));
        }
        if (!problems.isEmpty()) {
            throw new RuleException(problems);
        }

        Pattern<RuleRecord, RuleRecord> pattern;
        NFACompiler.NFAFactory<RuleRecord> factory;
        try {
            pattern = sequence(rule.pattern(), conditions, skip(rule.skip()));
            pattern.within(rule.within());
            if (NFACompiler.canProduceEmptyMatches(pattern)) {
                throw new RuleException(
                        List.of(
                                new RuleProblem(
                                        rule.pattern().get(0).location(),
                                        rule.id(),
                                        "unsupported combination: every step is optional, so the"
                                                + " rule could match no record",
                                        "make at least one step required")));
            }
            factory = NFACompiler.compileFactory(pattern, false);
        } catch (MalformedPatternException
                | UnsupportedOperationException
                | IllegalArgumentException e) {
            throw new RuleException(
                    List.of(
                            new RuleProblem(
                                    locate(e.getMessage(), rule),
                                    rule.id(),
                                    "unsupported combination: Flink CEP rejects the pattern: "
                                            + e.getMessage(),
                                    "see 'Combinations Flink CEP does not support' in"
                                            + " docs/rules.md")));
        }
        CompiledOutput output =
                new CompiledOutput(rule, kinds, probability, summary, evidence, errors);
        return new CompiledRule(
                rule,
                pattern,
                factory,
                List.copyOf(selectors),
                output,
                errors,
                relevance(rule.pattern(), steps.values(), conditions),
                start(rule.pattern(), conditions));
    }

    /** The condition every match's first record satisfies, if the record alone decides it. */
    private static StepCondition start(
            List<PatternNode> nodes, Map<String, StepPrograms> conditions) {
        if (!(nodes.get(0) instanceof Step first) || first.quantifier().optional()) {
            return null;
        }
        StepCondition where = conditions.get(first.name()).where();
        return where.readsOnlyTheRecord() ? where : null;
    }

    /**
     * The conditions a record must satisfy one of to matter to the rule, when that is decidable on
     * the record alone (see {@link CompiledRule#relevant}); otherwise null.
     */
    private static List<StepCondition> relevance(
            List<PatternNode> nodes, Collection<Step> steps, Map<String, StepPrograms> conditions) {
        if (nodes.stream().anyMatch(n -> n instanceof Group)) {
            return null;
        }
        if (nodes.get(nodes.size() - 1) instanceof Step last
                && last.contiguity() == Contiguity.NOT_FOLLOWED_BY) {
            // Its matches complete when time passes the window, and Flink CEP emits them as the
            // next record the rule sees arrives, whatever it is: every record times the output.
            return null;
        }
        List<StepCondition> out = new ArrayList<>();
        boolean first = true;
        for (Step step : steps) {
            boolean strict =
                    step.contiguity() == Contiguity.NEXT
                            || step.contiguity() == Contiguity.NOT_NEXT;
            if ((strict && !first) || step.quantifier().inner() == Quantifier.Inner.CONSECUTIVE) {
                return null;
            }
            first = false;
            StepPrograms programs = conditions.get(step.name());
            for (StepCondition c : new StepCondition[] {programs.where(), programs.until()}) {
                if (c != null) {
                    if (!c.readsOnlyTheRecord()) {
                        return null;
                    }
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }

    private record StepPrograms(StepCondition where, StepCondition until) {}

    private static void flatten(
            List<PatternNode> nodes, Map<String, RecordKind> kinds, Map<String, Step> steps) {
        for (PatternNode n : nodes) {
            if (n instanceof Step s) {
                kinds.put(s.name(), s.selector().kind());
                steps.put(s.name(), s);
            } else {
                flatten(((Group) n).nodes(), kinds, steps);
            }
        }
    }

    private static AfterMatchSkipStrategy skip(SkipStrategy skip) {
        switch (skip.kind()) {
            case NO_SKIP:
                return AfterMatchSkipStrategy.noSkip();
            case SKIP_TO_NEXT:
                return AfterMatchSkipStrategy.skipToNext();
            case SKIP_TO_FIRST:
                return AfterMatchSkipStrategy.skipToFirst(skip.step());
            case SKIP_TO_LAST:
                return AfterMatchSkipStrategy.skipToLast(skip.step());
            default:
                return AfterMatchSkipStrategy.skipPastLastEvent();
        }
    }

    private static Pattern<RuleRecord, RuleRecord> sequence(
            List<PatternNode> nodes,
            Map<String, StepPrograms> conditions,
            AfterMatchSkipStrategy skip) {
        Pattern<RuleRecord, RuleRecord> p = null;
        for (PatternNode node : nodes) {
            if (node instanceof Step s) {
                p = p == null ? Pattern.<RuleRecord>begin(s.name(), skip) : append(p, s);
                StepPrograms programs = conditions.get(s.name());
                p.where(programs.where());
                quantify(p, s.quantifier());
                if (programs.until() != null) {
                    p.until(programs.until());
                }
            } else {
                Group g = (Group) node;
                Pattern<RuleRecord, RuleRecord> inner =
                        sequence(g.nodes(), conditions, AfterMatchSkipStrategy.noSkip());
                p = p == null ? Pattern.begin(inner, skip) : append(p, g, inner);
                quantify(p, g.quantifier());
            }
        }
        return p;
    }

    private static Pattern<RuleRecord, RuleRecord> append(
            Pattern<RuleRecord, RuleRecord> p, Step s) {
        switch (s.contiguity()) {
            case NEXT:
                return p.next(s.name());
            case FOLLOWED_BY_ANY:
                return p.followedByAny(s.name());
            case NOT_NEXT:
                return p.notNext(s.name());
            case NOT_FOLLOWED_BY:
                return p.notFollowedBy(s.name());
            default:
                return p.followedBy(s.name());
        }
    }

    private static Pattern<RuleRecord, RuleRecord> append(
            Pattern<RuleRecord, RuleRecord> p, Group g, Pattern<RuleRecord, RuleRecord> inner) {
        switch (g.contiguity()) {
            case NEXT:
                return p.next(inner);
            case FOLLOWED_BY_ANY:
                return p.followedByAny(inner);
            default:
                return p.followedBy(inner);
        }
    }

    private static void quantify(Pattern<RuleRecord, RuleRecord> p, Quantifier q) {
        switch (q.kind()) {
            case TIMES:
                if (q.min() == q.max()) {
                    p.times(q.min());
                } else {
                    p.times(q.min(), q.max());
                }
                break;
            case ONE_OR_MORE:
                p.oneOrMore();
                break;
            case TIMES_OR_MORE:
                p.timesOrMore(q.min());
                break;
            default:
                break;
        }
        if (q.optional()) {
            p.optional();
        }
        if (q.greedy()) {
            p.greedy();
        }
        if (q.inner() == Quantifier.Inner.CONSECUTIVE) {
            p.consecutive();
        } else if (q.inner() == Quantifier.Inner.ALLOW_COMBINATIONS) {
            p.allowCombinations();
        }
    }

    /** The step a Flink message names, else the start of the pattern. */
    private static SourceLocation locate(String message, Rule rule) {
        List<Step> all = new ArrayList<>();
        collect(rule.pattern(), all);
        for (Step s : all) {
            if (message != null && message.contains("'" + s.name() + "'")) {
                return s.location();
            }
        }
        return rule.pattern().isEmpty()
                ? SourceLocation.ofFile(rule.source())
                : rule.pattern().get(0).location();
    }

    private static void collect(List<PatternNode> nodes, List<Step> out) {
        for (PatternNode n : nodes) {
            if (n instanceof Step s) {
                out.add(s);
            } else {
                collect(((Group) n).nodes(), out);
            }
        }
    }
}
