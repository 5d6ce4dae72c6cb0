package io.forewarn.rules.runtime;

import org.apache.flink.api.common.state.KeyedStateStore;

/** A keyed state store that can drop everything it handed out, for the current key. */
public interface ClearableStateStore extends KeyedStateStore {

    /** Clears every state obtained from this store, for the current key. */
    void clearCurrentKey() throws Exception;
}
