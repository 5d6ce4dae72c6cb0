package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * Flink CEP's after-match skip strategy: which partial matches are dropped after a match.
 *
 * @param kind the strategy
 * @param step for skip-to-first and skip-to-last, the step name; else null
 */
public record SkipStrategy(Kind kind, String step) implements Serializable {

    /** Flink's strategies. */
    public enum Kind {
        NO_SKIP("no-skip"),
        SKIP_TO_NEXT("skip-to-next"),
        SKIP_PAST_LAST_EVENT("skip-past-last-event"),
        SKIP_TO_FIRST("skip-to-first"),
        SKIP_TO_LAST("skip-to-last");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public static final SkipStrategy PAST_LAST_EVENT =
            new SkipStrategy(Kind.SKIP_PAST_LAST_EVENT, null);
}
