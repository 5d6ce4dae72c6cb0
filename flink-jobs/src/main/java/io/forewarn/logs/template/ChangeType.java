package io.forewarn.logs.template;

/** What mining a line did to the template set. */
public enum ChangeType {
    /** The line matched an existing template unchanged. */
    NONE,
    /** The line created a new template. */
    NEW,
    /**
     * An existing template was generalised to cover the line (a position became variable, or a run
     * of variables became variable-length) or several templates were merged. Ids whose text changed
     * now resolve to the new id ({@link MiningResult#replacedTemplateIds()}); the list is empty
     * when the text, and so the id, stayed the same.
     */
    GENERALISED
}
