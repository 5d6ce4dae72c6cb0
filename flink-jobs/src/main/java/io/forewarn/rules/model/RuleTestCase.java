package io.forewarn.rules.model;

import io.forewarn.schema.state.RuleRecord;
import java.io.Serializable;
import java.util.List;

/**
 * A test case of a rule: input records and the matches they must produce (none for an empty list).
 *
 * @param name what the case shows
 * @param input records, timestamps relative to {@link #EPOCH}
 * @param expected the expected matches
 * @param location where the case starts in the file
 */
public record RuleTestCase(
        String name, List<RuleRecord> input, List<ExpectedMatch> expected, SourceLocation location)
        implements Serializable {

    /** Time zero of test inputs: 2026-01-01T00:00:00Z. */
    public static final long EPOCH = 1_767_225_600_000L;

    public RuleTestCase {
        input = List.copyOf(input);
        expected = List.copyOf(expected);
    }

    /**
     * One expected match.
     *
     * @param at time of the match, relative to {@link #EPOCH}, in milliseconds
     * @param evidence matched records as {@code step@time}, in pattern order then time order
     * @param summary the expected summary, or null to not check it
     * @param probability the expected probability, or null to not check it
     * @param location where the expectation is in the file
     */
    public record ExpectedMatch(
            long at,
            List<String> evidence,
            String summary,
            Double probability,
            SourceLocation location)
            implements Serializable {

        public ExpectedMatch {
            evidence = List.copyOf(evidence);
        }
    }
}
