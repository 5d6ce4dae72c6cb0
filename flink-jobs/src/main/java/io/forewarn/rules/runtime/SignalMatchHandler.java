package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;

/** Emits a match as the rule's {@link Signal}, for the prediction stage. */
public final class SignalMatchHandler implements MatchHandler<Signal> {

    private static final long serialVersionUID = 1L;

    @Override
    public void onMatch(
            CompiledRule rule,
            String key,
            Map<String, List<RuleRecord>> match,
            long operatorTime,
            long matchTime,
            Collector<Signal> out) {
        out.collect(rule.output().signal(key, match, matchTime));
    }
}
