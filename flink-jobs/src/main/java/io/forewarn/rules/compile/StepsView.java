package io.forewarn.rules.compile;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code steps} variable: for each visible step name, the records it matched so far, read from
 * the source on first access.
 */
final class StepsView extends AbstractMap<String, Object> {

    /** Where the records of a step come from: the NFA's context or a finished match. */
    @FunctionalInterface
    interface Source {
        Iterable<?> recordsOf(String step) throws Exception;
    }

    private final Set<String> names;
    private final Source source;
    private final Map<String, Object> loaded = new LinkedHashMap<>();

    StepsView(Set<String> names, Source source) {
        this.names = names;
        this.source = source;
    }

    @Override
    public Object get(Object key) {
        if (!names.contains(key)) {
            return null;
        }
        return loaded.computeIfAbsent((String) key, this::load);
    }

    private Object load(String step) {
        List<Object> out = new ArrayList<>();
        try {
            for (Object r : source.recordsOf(step)) {
                out.add(new RecordView(((io.forewarn.schema.state.RuleRecord) r).getRecord()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the records of step " + step, e);
        }
        return out;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String n : names) {
            all.put(n, get(n));
        }
        return all.entrySet();
    }
}
