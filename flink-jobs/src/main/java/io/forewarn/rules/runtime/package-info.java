/**
 * Layer three of the rules engine: the Flink operators that run all active rules. {@link
 * io.forewarn.rules.runtime.RuleRouter} routes each record only to the key kinds with a rule that
 * can match it; {@link io.forewarn.rules.runtime.RuleOperator} runs Flink CEP's own NFA and shared
 * buffer for every active rule version of a key, with rule updates arriving as broadcast data.
 * {@link io.forewarn.rules.runtime.RulesStage} wires them into a job.
 */
package io.forewarn.rules.runtime;
