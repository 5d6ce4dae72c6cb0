package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * How often a step (or group) matches, as in Flink CEP.
 *
 * @param kind once, times, oneOrMore or timesOrMore
 * @param min least number of records (1 for once and oneOrMore)
 * @param max most number of records, or -1 for unbounded
 * @param optional the step may match no record at all
 * @param greedy a looping step takes as many records as it can
 * @param inner strict, relaxed or any contiguity between the records of a looping step
 */
public record Quantifier(Kind kind, int min, int max, boolean optional, boolean greedy, Inner inner)
        implements Serializable {

    /** The quantifier shapes Flink CEP offers. */
    public enum Kind {
        ONCE,
        TIMES,
        ONE_OR_MORE,
        TIMES_OR_MORE
    }

    /** Contiguity between the records of a looping step. */
    public enum Inner {
        /** Relaxed (Flink's default for looping patterns). */
        RELAXED,
        /** {@code consecutive()}: strict. */
        CONSECUTIVE,
        /** {@code allowCombinations()}: non-deterministic relaxed. */
        ALLOW_COMBINATIONS
    }

    public static final Quantifier ONCE =
            new Quantifier(Kind.ONCE, 1, 1, false, false, Inner.RELAXED);

    public boolean looping() {
        return kind != Kind.ONCE;
    }
}
