package io.forewarn.rules.model;

import java.util.Locale;

/** The kinds of record a rule step can match; each has its own fields in conditions. */
public enum RecordKind {
    LOG,
    METRIC,
    DEPLOYMENT,
    DEPENDENCY,
    SIGNAL;

    /** The name used in rule files: {@code log}, {@code metric}, ... */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
