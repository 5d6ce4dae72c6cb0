/**
 * The typed form of a rule file: what {@code io.forewarn.rules.parse} produces and {@code
 * io.forewarn.rules.compile} consumes. Plain Java records, no Flink.
 */
package io.forewarn.rules.model;
