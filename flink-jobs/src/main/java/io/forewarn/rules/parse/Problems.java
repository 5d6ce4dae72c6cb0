package io.forewarn.rules.parse;

import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, so an author sees all of them at once. */
final class Problems {

    private final String file;
    private final String[] lines;
    private final List<RuleProblem> problems = new ArrayList<>();
    private String ruleId;

    Problems(String file, String text) {
        this.file = file;
        this.lines = text.split("\n", -1);
    }

    /** 1-based column where the first non-blank line after {@code line} (1-based) starts. */
    int indentOfLineAfter(int line) {
        for (int i = line; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isBlank()) {
                return l.length() - l.stripLeading().length() + 1;
            }
        }
        return 1;
    }

    String file() {
        return file;
    }

    void ruleId(String id) {
        this.ruleId = id;
    }

    SourceLocation at(Node node) {
        return node == null
                ? SourceLocation.ofFile(file)
                : new SourceLocation(
                        file,
                        node.getStartMark().getLine() + 1,
                        node.getStartMark().getColumn() + 1);
    }

    void add(Node node, String message, String fix) {
        add(at(node), message, fix);
    }

    void add(SourceLocation location, String message, String fix) {
        problems.add(new RuleProblem(location, ruleId, message, fix));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() throws RuleException {
        if (!problems.isEmpty()) {
            throw toException();
        }
    }

    RuleException toException() {
        return new RuleException(problems);
    }
}
