package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * A place in a rule file, 1-based line and column, where an author can fix something.
 *
 * @param file the file name as given to the parser
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(String file, int line, int column) implements Serializable {

    /** A location for errors that concern a whole file. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The same file, shifted by a position inside an embedded text (e.g. a CEL expression). */
    public SourceLocation shifted(int lines, int column) {
        return new SourceLocation(file, line + lines, column);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
