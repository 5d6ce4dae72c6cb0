package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.nfa.ComputationState;
import org.apache.flink.cep.nfa.NFA;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBufferAccessor;
import org.apache.flink.cep.time.TimerService;
import org.apache.flink.configuration.Configuration;

/**
 * Runs one rule version for one key with Flink CEP's own NFA, the way Flink's {@code CepOperator}
 * does when the watermark passes buffered records: for each timestamp in order, advance time to it
 * (pruning and timing out partial matches) and feed its records; then advance to the watermark. One
 * runner per rule version is shared by all keys; the state comes with each call. While a key holds
 * no partial match, records that cannot begin one ({@link CompiledRule#canStart}) are not fed to
 * the NFA, where they would change nothing; a key that never held any stays without state. A
 * counting rule (one step, a fixed number of times: {@link CountingMatcher}) runs without the NFA,
 * with the same matches.
 */
public final class RuleRunner implements AutoCloseable {

    /** Records of one timestamp that the rule sees, in arrival order. */
    public record Batch(long timestamp, List<RuleRecord> records) {}

    /** Receives what a run produces. */
    public interface Listener {
        /**
         * A match.
         *
         * @param match matched records per step
         * @param operatorTime the time Flink's CepOperator gives the match: the record's time, or
         *     the time advanced to for matches completed by a timeout (patterns ending in
         *     notFollowedBy)
         * @param matchTime the match's own event time: the record's time, or for matches completed
         *     by a timeout the first record's time plus {@code within}; independent of when
         *     watermarks arrive
         */
        void onMatch(Map<String, List<RuleRecord>> match, long operatorTime, long matchTime)
                throws Exception;

        /**
         * The rule needs time to advance for this key at this event time (a {@code within}
         * deadline).
         */
        void onDeadline(long time) throws Exception;
    }

    /**
     * What one run did.
     *
     * @param recordsEvaluated records fed to the NFA
     * @param matches matches found
     * @param partialMatchesBefore partial matches held before the run
     * @param partialMatchesAfter partial matches held after it
     * @param partialMatchesDropped partial matches dropped to stay within the limit
     */
    public record Result(
            int recordsEvaluated,
            int matches,
            int partialMatchesBefore,
            int partialMatchesAfter,
            int partialMatchesDropped) {}

    private final CompiledRule rule;
    private final NFA<RuleRecord> nfa;
    private final AfterMatchSkipStrategy skip;
    private final TimerService processingTime;
    private final CountingMatcher counting; // null unless the rule is a counting rule

    /**
     * @param rule the rule version
     * @param runtimeContext handed to the NFA's conditions; rule conditions do not use it
     * @param processingTime the processing-time clock conditions could ask for
     */
    public RuleRunner(CompiledRule rule, RuntimeContext runtimeContext, TimerService processingTime)
            throws Exception {
        this(rule, runtimeContext, processingTime, true);
    }

    /**
     * A runner that runs every rule with Flink CEP's NFA, counting rules included: the reference
     * the {@link CountingMatcher} is tested and measured against.
     */
    public static RuleRunner nfaOnly(
            CompiledRule rule, RuntimeContext runtimeContext, TimerService processingTime)
            throws Exception {
        return new RuleRunner(rule, runtimeContext, processingTime, false);
    }

    private RuleRunner(
            CompiledRule rule,
            RuntimeContext runtimeContext,
            TimerService processingTime,
            boolean counting)
            throws Exception {
        this.rule = rule;
        this.nfa = rule.nfaFactory().createNFA();
        this.nfa.open(runtimeContext, new Configuration());
        this.skip = rule.skipStrategy();
        this.processingTime = processingTime;
        this.counting = counting ? CountingMatcher.of(rule) : null;
    }

    /**
     * Whether this rule runs without the NFA ({@link CountingMatcher}) for keys that hold no NFA
     * state: all keys, except keys restored from a checkpoint that held the NFA's state, until it
     * empties.
     */
    public boolean counts() {
        return counting != null;
    }

    public CompiledRule rule() {
        return rule;
    }

    /**
     * Feeds the batches (in time order) and then advances to {@code watermark}.
     *
     * @param maxPartialMatches partial matches kept for the key at most (oldest dropped first); 0
     *     for no limit
     */
    public Result run(
            RuleState state,
            List<Batch> batches,
            long watermark,
            int maxPartialMatches,
            Listener listener)
            throws Exception {
        NFAState stored = state.nfaState().value();
        if (stored == null && counting != null) {
            return counting.run(state, batches, watermark, maxPartialMatches, listener);
        }
        NFAState nfaState = stored != null ? stored : nfa.createInitialNFAState();
        boolean touched = stored != null;
        int before = partialMatches(nfaState);
        int[] matches = {0};
        Listener tally =
                new Listener() {
                    @Override
                    public void onMatch(
                            Map<String, List<RuleRecord>> match, long operatorTime, long matchTime)
                            throws Exception {
                        matches[0]++;
                        listener.onMatch(match, operatorTime, matchTime);
                    }

                    @Override
                    public void onDeadline(long time) throws Exception {
                        listener.onDeadline(time);
                    }
                };
        int evaluated = 0;
        for (Batch batch : batches) {
            if (!idle(nfaState)) {
                advance(state, nfaState, batch.timestamp(), tally);
            }
            for (RuleRecord record : batch.records()) {
                evaluated++;
                if (idle(nfaState) && !rule.canStart(record)) {
                    // Nothing in progress and the record cannot begin a match: feeding it to the
                    // NFA would change nothing.
                    continue;
                }
                process(state, nfaState, record, batch.timestamp(), tally);
                touched = true;
            }
        }
        if (!touched) {
            // The key held nothing for this rule and still holds nothing.
            return new Result(evaluated, 0, 0, 0, 0);
        }
        advance(state, nfaState, watermark, tally);
        int dropped = enforceLimit(state, nfaState, maxPartialMatches);

        if (nfaState.isStateChanged()) {
            nfaState.resetStateChanged();
            nfaState.resetNewStartPartialMatch();
            state.nfaState().update(nfaState);
        }
        int after = partialMatches(nfaState);
        if (nfaState.getPartialMatches().size() == 1 && nfaState.getCompletedMatches().isEmpty()) {
            // Only the start state is left, as CepOperator checks: nothing refers to the shared
            // buffer any more, so the key holds no state for this rule.
            state.clearCurrentKey();
            after = 0;
        }
        return new Result(evaluated, matches[0], before, after, dropped);
    }

    private void process(
            RuleState state,
            NFAState nfaState,
            RuleRecord record,
            long timestamp,
            Listener listener)
            throws Exception {
        try (SharedBufferAccessor<RuleRecord> accessor = state.sharedBuffer().getAccessor()) {
            Collection<Map<String, List<RuleRecord>>> found =
                    nfa.process(accessor, nfaState, record, timestamp, skip, processingTime);
            if (nfa.getWindowTime() > 0 && nfaState.isNewStartPartialMatch()) {
                listener.onDeadline(timestamp + nfa.getWindowTime());
            }
            for (Map<String, List<RuleRecord>> match : found) {
                listener.onMatch(match, timestamp, timestamp);
            }
        }
    }

    private void advance(RuleState state, NFAState nfaState, long timestamp, Listener listener)
            throws Exception {
        try (SharedBufferAccessor<RuleRecord> accessor = state.sharedBuffer().getAccessor()) {
            Tuple2<
                            Collection<Map<String, List<RuleRecord>>>,
                            Collection<Tuple2<Map<String, List<RuleRecord>>, Long>>>
                    result = nfa.advanceTime(accessor, nfaState, timestamp, skip);
            for (Map<String, List<RuleRecord>> match : result.f0) {
                listener.onMatch(match, timestamp, firstTimestamp(match) + rule.windowMillis());
            }
        }
    }

    /** Drops the oldest partial matches beyond the limit, releasing their shared-buffer entries. */
    private int enforceLimit(RuleState state, NFAState nfaState, int max) throws Exception {
        if (max <= 0) {
            return 0;
        }
        List<ComputationState> held = new ArrayList<>();
        for (ComputationState cs : nfaState.getPartialMatches()) {
            if (cs.getPreviousBufferEntry() != null) {
                held.add(cs);
            }
        }
        int excess = held.size() - max;
        if (excess <= 0) {
            return 0;
        }
        held.sort(Comparator.comparingLong(ComputationState::getStartTimestamp));
        List<ComputationState> drop = held.subList(0, excess);
        PriorityQueue<ComputationState> kept =
                new PriorityQueue<>(NFAState.COMPUTATION_STATE_COMPARATOR);
        for (ComputationState cs : nfaState.getPartialMatches()) {
            if (!drop.contains(cs)) {
                kept.add(cs);
            }
        }
        try (SharedBufferAccessor<RuleRecord> accessor = state.sharedBuffer().getAccessor()) {
            for (ComputationState cs : drop) {
                accessor.releaseNode(cs.getPreviousBufferEntry(), cs.getVersion());
            }
        }
        nfaState.setNewPartialMatches(kept);
        nfaState.setStateChanged();
        return excess;
    }

    /**
     * Whether advancing time can change nothing: the NFA holds only its start states (which never
     * time out) and no completed matches waiting for the skip strategy. Advancing would only prune
     * the shared buffer's per-timestamp event counters, which the next run does.
     */
    private static boolean idle(NFAState nfaState) {
        return nfaState.getCompletedMatches().isEmpty() && partialMatches(nfaState) == 0;
    }

    /** Partial matches that hold at least one record (the NFA's start states hold none). */
    static int partialMatches(NFAState nfaState) {
        int n = 0;
        for (ComputationState cs : nfaState.getPartialMatches()) {
            if (cs.getPreviousBufferEntry() != null) {
                n++;
            }
        }
        return n;
    }

    private static long firstTimestamp(Map<String, List<RuleRecord>> match) {
        long first = Long.MAX_VALUE;
        for (List<RuleRecord> records : match.values()) {
            for (RuleRecord r : records) {
                first = Math.min(first, r.getTimestamp());
            }
        }
        return first;
    }

    @Override
    public void close() throws Exception {
        nfa.close();
    }
}
