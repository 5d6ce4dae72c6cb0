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
 * @param notes what a valid rule will cost to run, when that is notable ({@link
 *     io.forewarn.rules.compile.CompiledRule#costNote}); empty otherwise
 */
public record FileResult(
        String file,
        Rule rule,
        List<RuleProblem> problems,
        List<CaseResult> cases,
        List<String> notes) {

    public boolean passed() {
        return problems.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }
}
