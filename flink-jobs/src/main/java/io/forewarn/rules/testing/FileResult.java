package io.forewarn.rules.testing;

import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleProblem;
import java.util.List;

/**
 * The outcome of testing one rule file.
 *
 * @param file the file
 * @param rule the parsed rule, or null when it did not parse
 * @param problems why it did not parse or compile; empty otherwise
 * @param cases the results of its test cases
 */
public record FileResult(
        String file, Rule rule, List<RuleProblem> problems, List<CaseResult> cases) {

    public boolean passed() {
        return problems.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }
}
