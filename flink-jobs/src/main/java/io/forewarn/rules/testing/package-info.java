/**
 * Runs the test cases of rule files, in the spirit of {@code promtool test rules}: the engine's own
 * {@link io.forewarn.rules.runtime.RuleRunner} over in-memory state, no cluster. Used by {@code
 * forewarn rules test} and by the build for every bundled rule.
 */
package io.forewarn.rules.testing;
