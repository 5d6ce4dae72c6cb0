/**
 * End-to-end evaluation of the detection job on simulated incidents: run the job over a simulated
 * timeline ({@link io.forewarn.eval.ScenarioEvaluation}), score its predictions against the ground
 * truth ({@link io.forewarn.eval.Scorer}, rules in docs/evaluation.md) and draw a timeline chart
 * per incident ({@link io.forewarn.eval.TimelineChart}).
 */
package io.forewarn.eval;
