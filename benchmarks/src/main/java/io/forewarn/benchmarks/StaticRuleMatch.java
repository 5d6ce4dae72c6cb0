package io.forewarn.benchmarks;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The baseline's output: a match of one static CEP operator as the rule's Signal, as the dynamic
 * operator emits it.
 */
final class StaticRuleMatch extends PatternProcessFunction<RuleRecord, Signal> {

    private static final long serialVersionUID = 1L;

    private final String ruleText;
    private transient CompiledRule rule;

    StaticRuleMatch(String ruleText) {
        this.ruleText = ruleText;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        rule = new RuleCompiler().compile(new RuleParser().parse("benchmark.yaml", ruleText));
    }

    @Override
    public void processMatch(
            Map<String, List<RuleRecord>> match, Context ctx, Collector<Signal> out) {
        String key = match.values().iterator().next().get(0).getKey();
        out.collect(rule.output().signal(key, match, ctx.timestamp()));
    }
}
