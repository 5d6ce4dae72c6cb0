package io.forewarn.rules.model;

import io.forewarn.schema.Severity;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed rule file.
 *
 * @param id stable identifier, lower-case words joined by dashes
 * @param version monotonic version; a published update must raise it
 * @param description what the rule detects and why it precedes a failure
 * @param owner team or person responsible
 * @param severity severity of the predicted failure
 * @param labels free key/value labels
 * @param enabled false keeps the rule published but inactive
 * @param key what the rule is evaluated per
 * @param within the longest time a match may span; partial matches older than this are dropped
 * @param skip after-match skip strategy
 * @param pattern the steps, in order
 * @param output what a match produces
 * @param tests test cases
 * @param source the file it was read from
 */
public record Rule(
        String id,
        int version,
        String description,
        String owner,
        Severity severity,
        Map<String, String> labels,
        boolean enabled,
        KeyKind key,
        Duration within,
        SkipStrategy skip,
        List<PatternNode> pattern,
        RuleOutput output,
        List<RuleTestCase> tests,
        String source)
        implements Serializable {

    public Rule {
        labels = Map.copyOf(labels);
        pattern = List.copyOf(pattern);
        tests = List.copyOf(tests);
    }

    /** Every step, groups flattened, in pattern order. */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        collect(pattern, out);
        return out;
    }

    private static void collect(List<PatternNode> nodes, List<Step> out) {
        for (PatternNode n : nodes) {
            if (n instanceof Step s) {
                out.add(s);
            } else {
                collect(((Group) n).nodes(), out);
            }
        }
    }
}
