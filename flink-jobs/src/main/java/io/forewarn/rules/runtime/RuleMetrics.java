package io.forewarn.rules.runtime;

import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * Metrics of one rule in one operator instance, in the operator's group {@code rule.<id>}: the
 * Flink web UI and every metric reporter (e.g. Prometheus, as label {@code rule}) show them. They
 * outlive rule versions; {@code version} is 0 while the rule is not active.
 */
final class RuleMetrics {

    private static final int HISTOGRAM_WINDOW = 1000;

    final Counter recordsEvaluated;
    final Counter matches;
    final Counter evaluationNanos;
    final Counter partialMatchesDropped;
    final Histogram evaluationMicrosPerRun;
    private long partialMatches;
    private int version;
    private LongSupplier evaluationErrors = () -> 0;

    RuleMetrics(MetricGroup operatorGroup, String ruleId) {
        MetricGroup g = operatorGroup.addGroup("rule", ruleId);
        recordsEvaluated = g.counter("recordsEvaluated");
        matches = g.counter("matches");
        evaluationNanos = g.counter("evaluationNanos");
        partialMatchesDropped = g.counter("partialMatchesDropped");
        evaluationMicrosPerRun =
                g.histogram(
                        "evaluationMicros", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        g.gauge("partialMatches", () -> partialMatches);
        g.gauge("version", () -> version);
        g.gauge("evaluationErrors", () -> evaluationErrors.getAsLong());
    }

    void activated(int version, LongSupplier evaluationErrors) {
        this.version = version;
        this.evaluationErrors = evaluationErrors;
        this.partialMatches = 0;
    }

    void deactivated() {
        this.version = 0;
        this.partialMatches = 0;
    }

    void addPartialMatches(long delta) {
        partialMatches = Math.max(0, partialMatches + delta);
    }
}
