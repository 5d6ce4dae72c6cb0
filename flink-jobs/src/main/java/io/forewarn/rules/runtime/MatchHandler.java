package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.schema.state.RuleRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;

/** What the rule operator emits for a match. */
@FunctionalInterface
public interface MatchHandler<OUT> extends Serializable {

    /**
     * Handles one match.
     *
     * @param rule the matching rule version
     * @param key the routing key, e.g. {@code service:checkout}
     * @param match matched records per step
     * @param operatorTime the time Flink's CepOperator would give the match
     * @param matchTime the match's event time (see {@link RuleRunner.Listener#onMatch})
     * @param out where to emit; records are timestamped with {@code matchTime}
     */
    void onMatch(
            CompiledRule rule,
            String key,
            Map<String, List<RuleRecord>> match,
            long operatorTime,
            long matchTime,
            Collector<OUT> out);
}
