package io.forewarn.rules.runtime;

import static io.forewarn.config.ForewarnOptions.RULES_MAX_ACTIVE;
import static io.forewarn.config.ForewarnOptions.RULES_MAX_PARTIAL_MATCHES;

import io.forewarn.config.ForewarnConfig;
import java.io.Serializable;

/**
 * Bounds of the rule operators.
 *
 * @param maxActive active rules at most; further new rules are rejected
 * @param maxPartialMatches partial matches per key and rule at most; the oldest are dropped beyond
 */
public record RuleSettings(int maxActive, int maxPartialMatches) implements Serializable {

    public static RuleSettings from(ForewarnConfig config) {
        return new RuleSettings(
                config.get(RULES_MAX_ACTIVE), config.get(RULES_MAX_PARTIAL_MATCHES));
    }
}
