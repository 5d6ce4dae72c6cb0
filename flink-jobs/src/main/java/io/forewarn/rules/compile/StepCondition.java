package io.forewarn.rules.compile;

import dev.cel.runtime.CelEvaluationException;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;

/**
 * The condition of one step: first its selector (record kind, metric name, level, service: plain
 * Java), then, only for records the selector accepts, its CEL program over the record's fields and
 * the records of earlier steps ({@code steps.NAME}, read from the NFA on demand).
 */
final class StepCondition extends IterativeCondition<RuleRecord> {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final SelectorMatcher selector;
    private final CelProgram program;
    private final Set<String> visibleSteps;
    private final EvaluationErrors errors;

    /**
     * The latest record a condition that reads only the record was evaluated on, and the result:
     * Flink CEP's NFA tests each record against every partial match (and again, negated, for the
     * ones it may skip), always with the same record object, so one evaluation serves them all. One
     * reference, so that a concurrent reader sees a consistent pair or none.
     */
    private transient Outcome last;

    private record Outcome(RuleRecord record, boolean result) {}

    private transient long evaluations;

    StepCondition(
            String step,
            SelectorMatcher selector,
            CelProgram program,
            Set<String> visibleSteps,
            EvaluationErrors errors) {
        this.step = step;
        this.selector = selector;
        this.program = program;
        this.visibleSteps = visibleSteps;
        this.errors = errors;
    }

    /** Whether the condition depends on the record alone, not on the records of earlier steps. */
    boolean readsOnlyTheRecord() {
        return program == null || !program.readsSteps();
    }

    /** The condition outside the NFA; only for conditions that read only the record. */
    boolean testRecord(RuleRecord value) {
        if (!readsOnlyTheRecord()) {
            throw new IllegalStateException("Step " + step + " reads earlier steps");
        }
        return filter(value, null);
    }

    @Override
    public boolean filter(RuleRecord value, Context<RuleRecord> ctx) {
        if (!selector.test(value)) {
            return false;
        }
        if (program == null) {
            return true;
        }
        // Inside the NFA only (ctx set): the rule operator hands it freshly decoded records, never
        // reused objects, whereas an input record object may be reused under object reuse.
        boolean memo = ctx != null && !program.readsSteps();
        Outcome previous = last;
        if (memo && previous != null && previous.record() == value) {
            return previous.result();
        }
        Boolean result = evaluate(value, ctx);
        if (result == null) {
            return false;
        }
        if (memo) {
            last = new Outcome(value, result);
        }
        return result;
    }

    /** How many times the CEL program ran. */
    long evaluations() {
        return evaluations;
    }

    /** The CEL program's verdict, or null when it failed (recorded in {@link #errors}). */
    private Boolean evaluate(RuleRecord value, Context<RuleRecord> ctx) {
        evaluations++;
        Object record = value.getRecord();
        Map<String, RecordFields.Field> fields = RecordFields.of(selector.kind());
        MessagePrefilter prefilter = program.messagePrefilter();
        if (prefilter != null && !prefilter.mayMatch(fields.get("message"), record)) {
            // The expression is false for this message: the interpreter need not run.
            return false;
        }
        try {
            Object result =
                    program.eval(
                            name -> {
                                RecordFields.Field f = fields.get(name);
                                if (f != null) {
                                    return Optional.of(f.getter().apply(record));
                                } else if ("steps".equals(name)) {
                                    return Optional.of(
                                            new StepsView(visibleSteps, ctx::getEventsForPattern));
                                } else if ("key".equals(name)) {
                                    return Optional.of(KeyKind.entityOf(value.getKey()));
                                }
                                return Optional.empty();
                            });
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException | RuntimeException e) {
            errors.record("step " + step, e);
            return null;
        }
    }
}
