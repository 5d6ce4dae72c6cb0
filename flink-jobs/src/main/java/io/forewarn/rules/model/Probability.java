package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * The probability a match gives its failure type: a fixed number or a CEL expression over the
 * matched steps. Exactly one of the two is set.
 *
 * @param fixed the fixed value in [0, 1], or null
 * @param expression the expression (type double), or null
 */
public record Probability(Double fixed, Expression expression) implements Serializable {}
