package io.forewarn.rules.model;

import java.io.Serializable;
import java.util.List;

/**
 * A text with {@code {{ expression }}} placeholders, each a CEL expression.
 *
 * @param text the template as written
 * @param parts literal texts and expressions, in order
 * @param location where the template starts in the file
 */
public record Template(String text, List<Part> parts, SourceLocation location)
        implements Serializable {

    public Template {
        parts = List.copyOf(parts);
    }

    /** A literal piece or a placeholder. */
    public sealed interface Part extends Serializable permits Literal, Placeholder {}

    /** Text copied as is. */
    public record Literal(String text) implements Part {}

    /** A CEL expression whose value is formatted into the text. */
    public record Placeholder(Expression expression) implements Part {}
}
