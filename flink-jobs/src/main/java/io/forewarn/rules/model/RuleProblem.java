package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * One thing wrong with a rule file: where, what, and how to fix it.
 *
 * @param location where in the file
 * @param ruleId the rule's id when known, else null
 * @param message what is wrong
 * @param fix how to fix it, or null when the message says it all
 */
public record RuleProblem(SourceLocation location, String ruleId, String message, String fix)
        implements Serializable {

    /** {@code file:line:column: rule ID: message. Fix: ...} */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(location).append(": ");
        if (ruleId != null) {
            out.append("rule ").append(ruleId).append(": ");
        }
        out.append(message);
        if (fix != null) {
            out.append(". Fix: ").append(fix);
        }
        return out.toString();
    }
}
