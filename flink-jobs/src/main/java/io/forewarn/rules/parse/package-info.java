/**
 * Layer one of the rules engine: rule files (YAML) to typed {@link io.forewarn.rules.model.Rule}s,
 * with errors that name the file, the rule, the line and the column and say how to fix them. Plain
 * Java: no Flink, no CEL.
 */
package io.forewarn.rules.parse;
