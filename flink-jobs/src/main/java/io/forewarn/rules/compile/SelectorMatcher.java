package io.forewarn.rules.compile;

import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.Selector;
import io.forewarn.schema.state.RuleRecord;
import java.io.Serializable;
import java.util.Set;

/** Decides cheaply, without CEL, whether a record is one a step looks at. */
public final class SelectorMatcher implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RecordKind kind;
    private final Set<String> values;
    private final Set<String> services;

    public SelectorMatcher(Selector selector) {
        this.kind = selector.kind();
        this.values = selector.values();
        this.services = selector.services();
    }

    public RecordKind kind() {
        return kind;
    }

    /** Discriminator values (metric names, levels, ...) this selector accepts; empty for any. */
    public Set<String> values() {
        return values;
    }

    /** Services this selector accepts; empty for any. */
    public Set<String> services() {
        return services;
    }

    public boolean test(RuleRecord record) {
        Object r = record.getRecord();
        return RecordFields.kindOf(r) == kind
                && (values.isEmpty() || values.contains(RecordFields.discriminatorOf(r)))
                && (services.isEmpty() || services.contains(RecordFields.serviceOf(r)));
    }
}
