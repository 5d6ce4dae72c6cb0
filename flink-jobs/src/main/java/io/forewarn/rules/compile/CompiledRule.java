package io.forewarn.rules.compile;

import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.Rule;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import java.util.Optional;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.pattern.Pattern;

/**
 * A rule version ready to run: its Flink CEP pattern and NFA factory, the selectors that route
 * records to it, and its output.
 *
 * @param rule the parsed rule
 * @param pattern the Flink CEP pattern, {@code within} and skip strategy included
 * @param nfaFactory builds the NFA of the pattern
 * @param selectors the selectors of all its steps: the rule sees the records any of them accepts
 * @param output turns matches into Signals
 * @param errors run-time evaluation errors of its expressions
 * @param relevance the conditions (where and until of every step) of which a record must satisfy
 *     one to make a difference, or null when every record the selectors accept can (see {@link
 *     #relevant})
 * @param start the condition of the first step, when a match can only begin with a record that
 *     satisfies it and it reads only the record; otherwise null (see {@link #canStart})
 */
public record CompiledRule(
        Rule rule,
        Pattern<RuleRecord, ?> pattern,
        NFACompiler.NFAFactory<RuleRecord> nfaFactory,
        List<SelectorMatcher> selectors,
        CompiledOutput output,
        EvaluationErrors errors,
        List<StepCondition> relevance,
        StepCondition start) {

    public String id() {
        return rule.id();
    }

    public int version() {
        return rule.version();
    }

    /** Identifies this rule version's state: {@code id@version}. */
    public String namespace() {
        return rule.id() + "@" + rule.version();
    }

    public AfterMatchSkipStrategy skipStrategy() {
        return pattern.getAfterMatchSkipStrategy();
    }

    public long windowMillis() {
        return rule.within().toMillis();
    }

    /** Whether the rule sees this record: some step's selector accepts it. No CEL runs. */
    public boolean accepts(RuleRecord record) {
        for (SelectorMatcher s : selectors) {
            if (s.test(record)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the record can change what the rule matches. For a rule whose steps all follow with
     * relaxed contiguity ({@code followedBy}, {@code followedByAny}, {@code notFollowedBy}; no
     * {@code next}, {@code notNext}, {@code consecutive()} or groups) and whose conditions read
     * only the record, a record that satisfies no step's condition is skipped by every partial
     * match, so the rule need not see it; the router drops such records before they are buffered.
     * For other rules, every record the selectors accept.
     */
    public boolean relevant(RuleRecord record) {
        if (relevance == null) {
            return accepts(record);
        }
        for (StepCondition c : relevance) {
            if (c.testRecord(record)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the record can begin a match: false only if the first step is required, its condition
     * reads only the record, and the record does not satisfy it. Flink CEP's NFA holding nothing
     * but its start state ignores such a record, whatever the contiguity.
     */
    public boolean canStart(RuleRecord record) {
        return start == null || start.testRecord(record);
    }

    /**
     * Whether {@link #canStart} is exactly the first step's condition (selector and {@code where}):
     * the first step is required and its condition reads only the record.
     */
    public boolean startsOnlyWithItsCondition() {
        return start != null;
    }

    /** Whether {@link #relevant} evaluates step conditions rather than selectors only. */
    public boolean filtersByCondition() {
        return relevance != null;
    }

    /**
     * A note on what the rule costs to run, when a step sees every log record of the key (a log
     * selector with no level or service) and the rule cannot filter records by condition ({@link
     * #relevant}): the rule stage then keeps every log line of every key for the out-of-orderness
     * bound and runs the rule's NFA over each. Empty when the rule filters its log records.
     */
    public Optional<String> costNote() {
        if (relevance != null
                || selectors.stream()
                        .noneMatch(
                                s ->
                                        s.kind() == RecordKind.LOG
                                                && s.values().isEmpty()
                                                && s.services().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(
                "rule "
                        + id()
                        + " sees every log record of each "
                        + rule.key().yamlName()
                        + " ('log: any') and, with strict contiguity ('next', 'notNext',"
                        + " 'consecutive') or conditions on earlier steps, cannot have them filtered"
                        + " by its conditions: the rules stage keeps every log line for the"
                        + " out-of-orderness bound and runs this rule over each, the largest cost"
                        + " a rule can have (docs/rules.md, \"The costliest rule\"). Select the levels"
                        + " the rule needs, or use relaxed contiguity where the rule allows it.");
    }
}
