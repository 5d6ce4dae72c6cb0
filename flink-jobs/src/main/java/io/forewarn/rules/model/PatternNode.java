package io.forewarn.rules.model;

import java.io.Serializable;

/** One element of a rule's pattern: a step or a group of steps. */
public sealed interface PatternNode extends Serializable permits Step, Group {

    /** How this node relates to the node before it; null for the first node of a sequence. */
    Contiguity contiguity();

    Quantifier quantifier();

    SourceLocation location();
}
