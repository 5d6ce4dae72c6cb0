package io.forewarn.rules.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.internal.InternalKvState;
import org.apache.flink.runtime.state.internal.InternalMapState;
import org.apache.flink.runtime.state.internal.InternalValueState;

/**
 * The keyed state of one rule version, kept in the operator's keyed state backend under the rule
 * version's namespace ({@code id@version}). All rule versions share the same few registered states
 * (one per state name), so adding, changing and removing rules never registers new state, and one
 * rule version's state can be found and cleared for all keys by its namespace.
 *
 * <p>The backend hands out one state object per name with a mutable current namespace; every access
 * here sets this store's namespace first.
 */
final class NamespacedStateStore extends ValueAndMapStateStore {

    private final KeyedStateBackend<?> backend;
    private final String namespace;
    private final Map<String, InternalKvState<?, String, ?>> created = new LinkedHashMap<>();

    NamespacedStateStore(KeyedStateBackend<?> backend, String namespace) {
        this.backend = backend;
        this.namespace = namespace;
    }

    /** Names of the states this store has handed out. */
    List<String> stateNames() {
        return new ArrayList<>(created.keySet());
    }

    @SuppressWarnings("unchecked")
    private <S> S internal(StateDescriptor<?, ?> descriptor) {
        try {
            Object state =
                    backend.getOrCreateKeyedState(
                            StringSerializer.INSTANCE, (StateDescriptor) descriptor);
            created.put(descriptor.getName(), (InternalKvState<?, String, ?>) state);
            return (S) state;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not create rule state " + descriptor.getName(), e);
        }
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        InternalValueState<?, String, T> state = internal(descriptor);
        return new ValueState<>() {
            @Override
            public T value() throws java.io.IOException {
                state.setCurrentNamespace(namespace);
                return state.value();
            }

            @Override
            public void update(T value) throws java.io.IOException {
                state.setCurrentNamespace(namespace);
                state.update(value);
            }

            @Override
            public void clear() {
                state.setCurrentNamespace(namespace);
                state.clear();
            }
        };
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        InternalMapState<?, String, UK, UV> state = internal(descriptor);
        return new MapState<>() {
            private InternalMapState<?, String, UK, UV> s() {
                state.setCurrentNamespace(namespace);
                return state;
            }

            @Override
            public UV get(UK key) throws Exception {
                return s().get(key);
            }

            @Override
            public void put(UK key, UV value) throws Exception {
                s().put(key, value);
            }

            @Override
            public void putAll(Map<UK, UV> map) throws Exception {
                s().putAll(map);
            }

            @Override
            public void remove(UK key) throws Exception {
                s().remove(key);
            }

            @Override
            public boolean contains(UK key) throws Exception {
                return s().contains(key);
            }

            @Override
            public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
                return s().entries();
            }

            @Override
            public Iterable<UK> keys() throws Exception {
                return s().keys();
            }

            @Override
            public Iterable<UV> values() throws Exception {
                return s().values();
            }

            @Override
            public Iterator<Map.Entry<UK, UV>> iterator() throws Exception {
                return s().iterator();
            }

            @Override
            public boolean isEmpty() throws Exception {
                return s().isEmpty();
            }

            @Override
            public void clear() {
                s().clear();
            }
        };
    }

    @Override
    public void clearCurrentKey() {
        for (InternalKvState<?, String, ?> state : created.values()) {
            state.setCurrentNamespace(namespace);
            state.clear();
        }
    }

    @Override
    public String getBackendTypeIdentifier() {
        return backend.getBackendTypeIdentifier();
    }
}
