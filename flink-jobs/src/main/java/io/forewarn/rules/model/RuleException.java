package io.forewarn.rules.model;

import java.util.List;
import java.util.stream.Collectors;

/** A rule file that cannot be parsed or compiled, with every problem found. */
public class RuleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<RuleProblem> problems;

    public RuleException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
