package io.forewarn.rules.compile;

import io.forewarn.rules.model.RecordKind;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a CEL expression of a rule can see, and what it must return.
 *
 * @param current the record kind whose fields are top-level variables, or null (outputs)
 * @param steps the steps visible as {@code steps.NAME}, with the kind of record each matches
 * @param result the type the expression must have
 */
public record CelScope(RecordKind current, Map<String, RecordKind> steps, Result result)
        implements Serializable {

    /** The type an expression must have. */
    public enum Result {
        BOOL,
        DOUBLE,
        ANY
    }

    public CelScope {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }
}
