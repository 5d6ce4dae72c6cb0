package io.forewarn.rules.testing;

import io.forewarn.rules.model.RuleProblem;
import java.io.PrintWriter;

/**
 * Prints test results the way {@code forewarn rules test} shows them: one line per case, diffs for
 * failures.
 */
public final class RuleTestReport {

    private RuleTestReport() {}

    /** Prints one file's results; returns whether it passed. */
    public static boolean print(FileResult result, PrintWriter out) {
        if (!result.problems().isEmpty()) {
            out.println("FAIL " + result.file());
            for (RuleProblem p : result.problems()) {
                out.println("  " + p);
            }
            return false;
        }
        String id = result.rule().id();
        if (result.cases().isEmpty()) {
            out.println("WARN " + id + " (" + result.file() + "): no test cases");
        }
        for (CaseResult c : result.cases()) {
            out.println((c.passed() ? "PASS " : "FAIL ") + id + " / " + c.testCase().name());
            if (!c.passed()) {
                out.println("  at " + c.testCase().location());
                out.println(
                        "  expected "
                                + c.testCase().expected().size()
                                + " match(es), got "
                                + c.actual().size()
                                + ":");
                for (String d : c.differences()) {
                    out.println("    " + d);
                }
                if (!c.actual().isEmpty()) {
                    out.println("  all matches found:");
                    for (ActualMatch a : c.actual()) {
                        out.println(
                                "    "
                                        + RuleTestRunner.describe(a.at(), a.evidence())
                                        + "   summary: \""
                                        + a.signal().getEvidence().get(0).getSummary()
                                        + "\"");
                    }
                }
            }
        }
        return result.passed();
    }
}
