package io.forewarn.logs.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of mining one line. Immutable; parameters are extracted lazily from the message and
 * the variable spans recorded while mining.
 */
public final class MiningResult {

    private final String templateId;
    private final String template;
    private final long templateCount;
    private final ChangeType change;
    private final List<String> replacedTemplateIds;
    private final List<String> evictedTemplateIds;
    private final String variantOf;
    private final String content;
    private final int[] parameterSpans;
    private List<String> parameters;

    MiningResult(
            String templateId,
            String template,
            long templateCount,
            ChangeType change,
            List<String> replacedTemplateIds,
            List<String> evictedTemplateIds,
            String variantOf,
            String content,
            int[] parameterSpans) {
        this.templateId = templateId;
        this.template = template;
        this.templateCount = templateCount;
        this.change = change;
        this.replacedTemplateIds = replacedTemplateIds;
        this.evictedTemplateIds = evictedTemplateIds;
        this.variantOf = variantOf;
        this.content = content;
        this.parameterSpans = parameterSpans;
    }

    /** Id of the template the line belongs to now (16 hex digits, hash of {@link #template()}). */
    public String templateId() {
        return templateId;
    }

    /** The template text, variables as {@code <*>}. */
    public String template() {
        return template;
    }

    /** Lines assigned to the template so far, this one included. */
    public long templateCount() {
        return templateCount;
    }

    public ChangeType change() {
        return change;
    }

    /** For {@link ChangeType#GENERALISED}: the ids that now resolve to {@link #templateId()}. */
    public List<String> replacedTemplateIds() {
        return replacedTemplateIds;
    }

    /**
     * Ids of the templates evicted (least recently used first) to keep the bounds after this line;
     * usually empty. An evicted id is no longer live; a later line may create it again.
     */
    public List<String> evictedTemplateIds() {
        return evictedTemplateIds;
    }

    /**
     * For {@link ChangeType#NEW}: the id of an existing template the new one differs from in a
     * single constant word (a variant that may merge with it once more values are seen, see {@link
     * MinerConfig#siblingMergeThreshold()}); null when the template is new in shape.
     */
    public String variantOf() {
        return variantOf;
    }

    /** The values of the variable parts, in order: one per {@code <*>} of {@link #template()}. */
    public List<String> parameters() {
        if (parameters == null) {
            List<String> out = new ArrayList<>(parameterSpans.length / 2);
            for (int i = 0; i < parameterSpans.length; i += 2) {
                out.add(content.substring(parameterSpans[i], parameterSpans[i + 1]));
            }
            parameters = Collections.unmodifiableList(out);
        }
        return parameters;
    }

    @Override
    public String toString() {
        return "MiningResult{"
                + templateId
                + " '"
                + template
                + "' "
                + change
                + " params="
                + parameters()
                + "}";
    }
}
