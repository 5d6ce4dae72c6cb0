package io.forewarn.rules.compile;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A record as a CEL value of its struct type: a read-only map from field names to field values,
 * read on demand.
 */
final class RecordView extends AbstractMap<String, Object> {

    private final Object record;
    private final Map<String, RecordFields.Field> fields;

    RecordView(Object record) {
        this.record = record;
        this.fields = RecordFields.of(RecordFields.kindOf(record));
    }

    @Override
    public Object get(Object key) {
        RecordFields.Field f = fields.get(key);
        return f == null ? null : f.getter().apply(record);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        fields.forEach((name, f) -> all.put(name, f.getter().apply(record)));
        return all.entrySet();
    }
}
