package io.forewarn.rules.model;

/**
 * A named step: the records it looks at, the condition they must meet, and how often.
 *
 * @param name unique within the rule; earlier steps are {@code steps.NAME} in conditions
 * @param contiguity relation to the previous node; null for the first
 * @param selector which records the step looks at
 * @param where the condition (CEL), or null for none
 * @param until for looping steps: a record meeting this condition (CEL) ends the loop, or null
 * @param quantifier how often
 * @param location where the step starts in the file
 */
public record Step(
        String name,
        Contiguity contiguity,
        Selector selector,
        Expression where,
        Expression until,
        Quantifier quantifier,
        SourceLocation location)
        implements PatternNode {}
