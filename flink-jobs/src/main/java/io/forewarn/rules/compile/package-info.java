/**
 * Layer two of the rules engine: a typed {@link io.forewarn.rules.model.Rule} to a Flink CEP {@code
 * Pattern} whose conditions are CEL programs, type-checked against the fields of each record kind
 * and compiled once per rule version, plus what a match produces. Uses flink-cep's pattern classes,
 * not the Flink runtime.
 */
package io.forewarn.rules.compile;
