package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * A CEL expression as written in a rule file, with where its text starts.
 *
 * @param text the expression
 * @param location where the text starts in the file
 * @param textStartsOnNextLine true for YAML block scalars ({@code |}, {@code >}), whose text starts
 *     on the line after the key
 * @param indent column where the lines of a block scalar start (1-based), else 0
 */
public record Expression(
        String text, SourceLocation location, boolean textStartsOnNextLine, int indent)
        implements Serializable {

    /** Where a position inside the expression (1-based line, 0-based column) is in the file. */
    public SourceLocation locate(int line, int column) {
        if (textStartsOnNextLine) {
            return location.shifted(line, indent + column);
        }
        return line <= 1
                ? location.shifted(0, location.column() + column)
                : location.shifted(line - 1, column + 1);
    }
}
