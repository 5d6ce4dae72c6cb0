package io.forewarn.rules.testing;

import io.forewarn.rules.runtime.ValueAndMapStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;

/**
 * Value and map state of one key in memory, holding objects by reference as Flink's heap state
 * backend does. For running rule test cases without a cluster.
 */
public final class InMemoryStateStore extends ValueAndMapStateStore {

    private final List<Runnable> clearers = new ArrayList<>();

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        Object[] holder = new Object[1];
        clearers.add(() -> holder[0] = null);
        return new ValueState<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T value() {
                return (T) holder[0];
            }

            @Override
            public void update(T value) {
                holder[0] = value;
            }

            @Override
            public void clear() {
                holder[0] = null;
            }
        };
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        Map<UK, UV> map = new HashMap<>();
        clearers.add(map::clear);
        return new MapState<>() {
            @Override
            public UV get(UK key) {
                return map.get(key);
            }

            @Override
            public void put(UK key, UV value) {
                map.put(key, value);
            }

            @Override
            public void putAll(Map<UK, UV> values) {
                map.putAll(values);
            }

            @Override
            public void remove(UK key) {
                map.remove(key);
            }

            @Override
            public boolean contains(UK key) {
                return map.containsKey(key);
            }

            @Override
            public Iterable<Map.Entry<UK, UV>> entries() {
                return map.entrySet();
            }

            @Override
            public Iterable<UK> keys() {
                return map.keySet();
            }

            @Override
            public Iterable<UV> values() {
                return map.values();
            }

            @Override
            public Iterator<Map.Entry<UK, UV>> iterator() {
                return map.entrySet().iterator();
            }

            @Override
            public boolean isEmpty() {
                return map.isEmpty();
            }

            @Override
            public void clear() {
                map.clear();
            }
        };
    }

    @Override
    public void clearCurrentKey() {
        clearers.forEach(Runnable::run);
    }

    @Override
    public String getBackendTypeIdentifier() {
        return "in-memory";
    }
}
