package io.forewarn.logs;

import java.util.Objects;

/**
 * The current state of one template of one service, as the template index stores it: emitted by the
 * log stage at most once per rate interval for each template that changed, and once more when the
 * template is replaced by a generalised one or evicted. A Flink POJO (public fields, no-arg
 * constructor), serialised without Kryo.
 */
public class TemplateUpdate {

    /** The service whose logs the template describes. */
    public String service;

    /** 16 hex digits, the hash of {@link #template}. */
    public String templateId;

    /** Template text, variable parts as {@code <*>}. */
    public String template;

    /** Most severe level of its lines (a {@code LogLevel} name). */
    public String level;

    /** Lines of the template so far, including those of templates merged into it. */
    public long count;

    /** Event time of its first line, epoch milliseconds. */
    public long firstSeen;

    /** Event time of its last line, epoch milliseconds. */
    public long lastSeen;

    /** One message of the template at its most severe level. */
    public String example;

    /** Whether the template appeared after the service's warm-up (it was new to the service). */
    public boolean novel;

    /** The id of the template that replaced this one when it generalised; null while live. */
    public String replacedBy;

    /** Whether the template was evicted from the miner (bounds); it may come back later. */
    public boolean evicted;

    public TemplateUpdate() {}

    /** The document id: service and template id. */
    public String documentId() {
        return service + ":" + templateId;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TemplateUpdate)) {
            return false;
        }
        TemplateUpdate u = (TemplateUpdate) o;
        return count == u.count
                && firstSeen == u.firstSeen
                && lastSeen == u.lastSeen
                && novel == u.novel
                && evicted == u.evicted
                && Objects.equals(service, u.service)
                && Objects.equals(templateId, u.templateId)
                && Objects.equals(template, u.template)
                && Objects.equals(level, u.level)
                && Objects.equals(example, u.example)
                && Objects.equals(replacedBy, u.replacedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, templateId, count, lastSeen);
    }

    @Override
    public String toString() {
        return "TemplateUpdate{"
                + documentId()
                + " '"
                + template
                + "' "
                + level
                + " count="
                + count
                + (replacedBy == null ? "" : " replacedBy=" + replacedBy)
                + (evicted ? " evicted" : "")
                + "}";
    }
}
