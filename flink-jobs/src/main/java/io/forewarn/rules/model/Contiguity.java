package io.forewarn.rules.model;

/** How a step relates to the step before it, as in Flink CEP. */
public enum Contiguity {
    /** Strict: the very next record the rule sees ({@code next}). */
    NEXT("next"),
    /** Relaxed: any later record, skipping non-matching ones ({@code followedBy}). */
    FOLLOWED_BY("followedBy"),
    /**
     * Non-deterministic relaxed: every later matching record starts an alternative ({@code
     * followedByAny}).
     */
    FOLLOWED_BY_ANY("followedByAny"),
    /** The very next record must not match ({@code notNext}). */
    NOT_NEXT("notNext"),
    /**
     * No matching record may come before the next step, or before {@code within} ends ({@code
     * notFollowedBy}).
     */
    NOT_FOLLOWED_BY("notFollowedBy");

    private final String yamlName;

    Contiguity(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean negated() {
        return this == NOT_NEXT || this == NOT_FOLLOWED_BY;
    }
}
