package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.schema.ControlOutcome;
import io.forewarn.schema.RuleOp;
import io.forewarn.schema.RuleUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The active rules and what a {@link RuleUpdate} does to them: a newer version is parsed and
 * compiled and replaces the active one; a version that does not compile is rejected and the active
 * one stays; an older or equal version is ignored; a disabled rule or a delete removes the rule.
 * Deterministic, so every parallel instance that sees the same updates reaches the same state.
 * Plain Java: the operators persist the accepted updates and clear the state of replaced versions.
 */
public final class RuleRegistry {

    /**
     * What an update did.
     *
     * @param outcome activated, rejected, removed or ignored
     * @param ruleId the rule
     * @param version the update's version
     * @param message human-readable reason
     * @param activated the new active version, or null
     * @param deactivated the version that stopped being active, or null
     * @param accepted true when the update must be persisted (it changed what is active)
     * @param update the update
     */
    public record Outcome(
            ControlOutcome outcome,
            String ruleId,
            int version,
            String message,
            CompiledRule activated,
            CompiledRule deactivated,
            boolean accepted,
            RuleUpdate update) {}

    private final RuleParser parser = new RuleParser();
    private final RuleCompiler compiler = new RuleCompiler();
    private final int maxActive;
    private final Map<String, CompiledRule> active = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();

    public RuleRegistry(int maxActive) {
        this.maxActive = maxActive;
    }

    /** Active rule versions by rule id. */
    public Map<String, CompiledRule> active() {
        return Collections.unmodifiableMap(active);
    }

    /**
     * Rebuilds the registry from persisted updates, then applies the bundled rule files; returns
     * the outcomes of both (persisted ones that no longer compile come back rejected).
     */
    public List<Outcome> restore(Collection<RuleUpdate> persisted, Collection<RuleUpdate> bundled) {
        List<RuleUpdate> ordered = new ArrayList<>(persisted);
        ordered.sort(Comparator.comparing(RuleUpdate::getRuleId));
        List<Outcome> out = new ArrayList<>();
        for (RuleUpdate u : ordered) {
            out.add(apply(u));
        }
        for (RuleUpdate u : bundled) {
            out.add(apply(u));
        }
        return out;
    }

    public Outcome apply(RuleUpdate update) {
        String id = update.getRuleId();
        int version = update.getVersion();
        Integer known = versions.get(id);
        if (update.getOp() == RuleOp.DELETE) {
            if (known != null && version < known) {
                return ignored(
                        update, "version " + version + " is older than the known version " + known);
            }
            versions.put(id, version);
            CompiledRule removed = active.remove(id);
            return new Outcome(
                    ControlOutcome.REMOVED,
                    id,
                    version,
                    removed == null
                            ? "deleted (was not active)"
                            : "deleted; version " + removed.version() + " removed",
                    null,
                    removed,
                    true,
                    update);
        }
        if (known != null && version <= known) {
            return ignored(
                    update, "version " + version + " is not newer than the known version " + known);
        }
        if (update.getContent() == null) {
            return rejected(update, "an UPSERT without content");
        }
        if (update.getSha256() != null
                && !update.getSha256().equalsIgnoreCase(RuleUpdates.sha256(update.getContent()))) {
            return rejected(update, "the content does not match its sha256 checksum" + keeps(id));
        }
        Rule rule;
        CompiledRule compiled;
        try {
            rule =
                    parser.parse(
                            update.getSourceFile() == null ? id + ".yaml" : update.getSourceFile(),
                            update.getContent());
            if (!rule.id().equals(id)) {
                return rejected(
                        update,
                        "the update is for rule " + id + " but the file defines rule " + rule.id());
            }
            if (rule.version() != version) {
                return rejected(
                        update,
                        "the update has version "
                                + version
                                + " but the file says version "
                                + rule.version());
            }
            if (!rule.enabled()) {
                versions.put(id, version);
                CompiledRule removed = active.remove(id);
                return new Outcome(
                        ControlOutcome.REMOVED,
                        id,
                        version,
                        "disabled (enabled: false)"
                                + (removed == null
                                        ? ""
                                        : "; version " + removed.version() + " removed"),
                        null,
                        removed,
                        true,
                        update);
            }
            compiled = compiler.compile(rule);
        } catch (RuleException e) {
            return rejected(update, e.getMessage() + keeps(id));
        }
        if (!active.containsKey(id) && active.size() >= maxActive) {
            return rejected(
                    update,
                    "the limit of "
                            + maxActive
                            + " active rules (rules.max-active) is reached"
                            + keeps(id));
        }
        versions.put(id, version);
        CompiledRule replaced = active.put(id, compiled);
        return new Outcome(
                ControlOutcome.ACTIVATED,
                id,
                version,
                replaced == null
                        ? "activated"
                        : "activated; replaces version " + replaced.version(),
                compiled,
                replaced,
                true,
                update);
    }

    private String keeps(String id) {
        CompiledRule current = active.get(id);
        return current == null ? "" : "\n(version " + current.version() + " stays active)";
    }

    private static Outcome ignored(RuleUpdate u, String why) {
        return new Outcome(
                ControlOutcome.IGNORED, u.getRuleId(), u.getVersion(), why, null, null, false, u);
    }

    private static Outcome rejected(RuleUpdate u, String why) {
        return new Outcome(
                ControlOutcome.REJECTED, u.getRuleId(), u.getVersion(), why, null, null, false, u);
    }
}
