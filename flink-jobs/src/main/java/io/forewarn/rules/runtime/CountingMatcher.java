package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.model.Quantifier;
import io.forewarn.rules.model.SkipStrategy;
import io.forewarn.rules.model.Step;
import io.forewarn.schema.state.RuleRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a counting rule without Flink CEP's NFA, with the same matches: a rule whose pattern is one
 * required step repeated exactly {@code N} times ({@code times: N}, or once) with relaxed
 * contiguity between its records, a condition on the record alone, and the skip strategy {@code
 * skip-past-last-event}, {@code skip-to-next} or {@code no-skip} — "N matching records within the
 * window", such as a retry storm or a crash loop.
 *
 * <p>For such a pattern the NFA starts a partial match at every matching record, and every partial
 * match takes every later matching record (relaxed contiguity skips only records that do not
 * match), so the partial matches are exactly the matching records since the last match that have
 * not timed out, and the oldest of them completes when there are {@code N}: its records are those
 * {@code N}. Flink times a partial match out when time reaches its first record's time plus {@code
 * within}; {@code skip-past-last-event} then drops every partial match, the other two only the one
 * that completed. This matcher keeps those records ({@link CountWindow}): per record one condition
 * test and a few bytes copied, where the NFA advanced every partial match through its shared buffer
 * (with N = 20 about twenty state accesses and node copies per record). The differential test
 * against Flink's CepOperator runs counting patterns both ways.
 */
final class CountingMatcher {

    private final CompiledRule rule;
    private final String step;
    private final int times;
    private final boolean dropAllOnMatch;
    private final CountWindow window = new CountWindow();

    private CountingMatcher(CompiledRule rule, String step, int times, boolean dropAllOnMatch) {
        this.rule = rule;
        this.step = step;
        this.times = times;
        this.dropAllOnMatch = dropAllOnMatch;
    }

    /** The matcher for the rule, or null if the rule is not a counting rule. */
    static CountingMatcher of(CompiledRule rule) {
        if (rule.rule().pattern().size() != 1
                || !(rule.rule().pattern().get(0) instanceof Step only)
                || only.until() != null
                || !rule.startsOnlyWithItsCondition()) {
            return null;
        }
        Quantifier q = only.quantifier();
        boolean exact =
                q.kind() == Quantifier.Kind.ONCE
                        || (q.kind() == Quantifier.Kind.TIMES && q.min() == q.max());
        if (!exact || q.optional() || q.greedy() || q.inner() != Quantifier.Inner.RELAXED) {
            return null;
        }
        SkipStrategy.Kind skip = rule.rule().skip().kind();
        if (skip != SkipStrategy.Kind.SKIP_PAST_LAST_EVENT
                && skip != SkipStrategy.Kind.SKIP_TO_NEXT
                && skip != SkipStrategy.Kind.NO_SKIP) {
            return null;
        }
        return new CountingMatcher(
                rule, only.name(), q.min(), skip == SkipStrategy.Kind.SKIP_PAST_LAST_EVENT);
    }

    /** As {@link RuleRunner#run}, for a key that holds no NFA state. */
    RuleRunner.Result run(
            RuleState state,
            List<RuleRunner.Batch> batches,
            long watermark,
            int maxPartialMatches,
            RuleRunner.Listener listener)
            throws Exception {
        long within = rule.windowMillis();
        window.load(state.countWindow().value());
        int before = window.size();
        long oldestBefore = before > 0 ? window.oldestTime() : Long.MIN_VALUE;
        int evaluated = 0;
        int matches = 0;
        for (RuleRunner.Batch batch : batches) {
            long time = batch.timestamp();
            if (within > 0) {
                window.dropExpired(time, within);
            }
            for (RuleRecord record : batch.records()) {
                evaluated++;
                if (!rule.canStart(record)) {
                    continue;
                }
                window.add(time, record);
                if (window.size() == times) {
                    Map<String, List<RuleRecord>> match = new LinkedHashMap<>();
                    match.put(step, window.oldest(times));
                    matches++;
                    listener.onMatch(match, time, time);
                    window.dropOldest(dropAllOnMatch ? times : 1);
                }
            }
        }
        if (within > 0) {
            window.dropExpired(watermark, within);
        }
        int dropped = 0;
        if (maxPartialMatches > 0 && window.size() > maxPartialMatches) {
            dropped = window.size() - maxPartialMatches;
            window.dropOldest(dropped);
        }
        if (window.changed()) {
            byte[] bytes = window.toBytes();
            if (bytes == null) {
                state.countWindow().clear();
            } else {
                state.countWindow().update(bytes);
            }
        }
        if (within > 0
                && window.size() > 0
                && window.oldestTime() != oldestBefore
                && window.oldestTime() + within > watermark) {
            // Time must reach the oldest record's deadline even if no record comes: it drops it.
            // Registered once per oldest time (an earlier run registered an unchanged one), and
            // always later than the watermark, as the records left have not expired at it.
            listener.onDeadline(window.oldestTime() + within);
        }
        return new RuleRunner.Result(evaluated, matches, before, window.size(), dropped);
    }
}
