package io.forewarn.rules.testing;

import io.forewarn.rules.model.RuleTestCase;
import java.util.List;

/**
 * The outcome of one test case.
 *
 * @param testCase the case
 * @param actual the matches it produced
 * @param differences one line per difference from the expectation; empty when it passed
 */
public record CaseResult(
        RuleTestCase testCase, List<ActualMatch> actual, List<String> differences) {

    public boolean passed() {
        return differences.isEmpty();
    }
}
