package io.forewarn.rules.runtime;

import io.forewarn.detect.Descriptors;
import io.forewarn.schema.state.RuleRecord;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.cep.configuration.SharedBufferCacheConfig;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.sharedbuffer.SharedBuffer;

/**
 * The state of one rule version: Flink CEP's NFA state and shared buffer, or for a counting rule
 * the records it holds ({@link CountingMatcher}), over a store that keeps them apart from every
 * other rule version's.
 */
public final class RuleState {

    private final ClearableStateStore store;
    private final ValueState<NFAState> nfaState;
    private final SharedBuffer<RuleRecord> sharedBuffer;
    private final ValueState<byte[]> countWindow;

    public RuleState(ClearableStateStore store, TypeSerializer<RuleRecord> recordSerializer) {
        this.store = store;
        this.nfaState = store.getState(Descriptors.RULE_NFA_STATE);
        this.sharedBuffer =
                new SharedBuffer<>(store, recordSerializer, new SharedBufferCacheConfig());
        // Each shared buffer starts a thread that only logs cache statistics; not needed here.
        this.sharedBuffer.releaseCacheStatisticsTimer();
        this.countWindow = store.getState(Descriptors.RULE_COUNT_WINDOW);
    }

    ValueState<NFAState> nfaState() {
        return nfaState;
    }

    SharedBuffer<RuleRecord> sharedBuffer() {
        return sharedBuffer;
    }

    /** The records a counting rule holds ({@link CountingMatcher}), encoded; null for none. */
    ValueState<byte[]> countWindow() {
        return countWindow;
    }

    /** Drops the rule's state for the current key: NFA state, shared buffer, count window. */
    void clearCurrentKey() throws Exception {
        store.clearCurrentKey();
    }
}
