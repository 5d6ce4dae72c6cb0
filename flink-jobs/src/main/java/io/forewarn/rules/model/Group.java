package io.forewarn.rules.model;

import java.util.List;

/**
 * A sequence of steps treated as one unit, e.g. to repeat it.
 *
 * @param nodes the group's steps (and nested groups), in order
 * @param contiguity relation to the previous node; null for the first
 * @param quantifier how often the whole group matches
 * @param location where the group starts in the file
 */
public record Group(
        List<PatternNode> nodes,
        Contiguity contiguity,
        Quantifier quantifier,
        SourceLocation location)
        implements PatternNode {

    public Group {
        nodes = List.copyOf(nodes);
    }
}
