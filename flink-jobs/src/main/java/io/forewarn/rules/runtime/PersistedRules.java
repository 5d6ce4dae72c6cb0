package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.schema.RuleUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;

/**
 * The rule updates an operator instance accepted, kept in its broadcast state so they survive
 * checkpoints and restarts (every instance holds the same), and the registry built from them.
 */
final class PersistedRules {

    private final BroadcastState<String, RuleUpdate> state;
    private final RuleRegistry registry;

    PersistedRules(BroadcastState<String, RuleUpdate> state, int maxActive) {
        this.state = state;
        this.registry = new RuleRegistry(maxActive);
    }

    /** Restores the accepted updates, then applies the bundled rule files. */
    List<RuleRegistry.Outcome> restore(List<RuleUpdate> bundled) throws Exception {
        List<RuleUpdate> persisted = new ArrayList<>();
        for (Map.Entry<String, RuleUpdate> e : state.immutableEntries()) {
            persisted.add(e.getValue());
        }
        List<RuleRegistry.Outcome> outcomes = registry.restore(persisted, bundled);
        for (RuleRegistry.Outcome o : outcomes) {
            if (o.accepted()) {
                state.put(o.ruleId(), o.update());
            }
        }
        return outcomes;
    }

    RuleRegistry.Outcome apply(RuleUpdate update) throws Exception {
        RuleRegistry.Outcome o = registry.apply(update);
        if (o.accepted()) {
            state.put(o.ruleId(), o.update());
        }
        return o;
    }

    Map<String, CompiledRule> active() {
        return registry.active();
    }
}
