package io.forewarn.logs.template;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Old template id to newer template id, kept in insertion order and bounded: when full, the oldest
 * alias is dropped. Chains ({@code a -> b -> c}) are followed on lookup.
 */
final class AliasMap {

    /** Longest chain followed; longer chains only arise from pathological eviction churn. */
    private static final int MAX_HOPS = 64;

    private final int capacity;
    private final LinkedHashMap<Long, Long> map = new LinkedHashMap<>();

    AliasMap(int capacity) {
        this.capacity = capacity;
    }

    void put(long from, long to) {
        if (capacity == 0 || from == to) {
            return;
        }
        map.remove(from);
        map.put(from, to);
        if (map.size() > capacity) {
            Iterator<Long> it = map.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    void remove(long id) {
        if (!map.isEmpty()) {
            map.remove(id);
        }
    }

    /** The id that {@code id} finally maps to ({@code id} itself when it is no alias). */
    long resolve(long id) {
        long current = id;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Long next = map.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    int size() {
        return map.size();
    }

    void forEach(BiConsumer<Long, Long> action) {
        for (Map.Entry<Long, Long> e : map.entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }
}
