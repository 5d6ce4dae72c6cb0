package io.forewarn.sink.elasticsearch.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import io.forewarn.logs.TemplateUpdate;
import io.forewarn.sink.elasticsearch.DocumentConverter;
import io.forewarn.sink.elasticsearch.DocumentRequest;
import io.forewarn.sink.elasticsearch.VersionType;
import java.io.IOException;
import java.util.Objects;

/**
 * Template updates as documents of the {@code forewarn-log-templates} index: one document per
 * service and template id ({@link TemplateUpdate#documentId()}), holding the template's current
 * state. The external version is the template's last-seen event time ({@link
 * VersionType#EXTERNAL_GTE}), so a replayed older update never overwrites a newer one. Two updates
 * can share a version (a template's last count and its replacement by a generalised template, with
 * no line in between), so the index must be written with one bulk request in flight, as the job
 * does, for them to be applied in order.
 */
public final class TemplateDocuments implements DocumentConverter<TemplateUpdate> {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_INDEX = "forewarn-log-templates";

    private final String index;

    public TemplateDocuments(String index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public DocumentRequest toRequest(TemplateUpdate update) {
        return DocumentRequest.index(index, update.documentId(), toJson(update))
                .withExternalVersion(update.lastSeen, VersionType.EXTERNAL_GTE);
    }

    /** The ECS JSON document of a template. */
    public static byte[] toJson(TemplateUpdate update) {
        return EcsJson.object(json -> writeFields(json, update));
    }

    private static void writeFields(JsonGenerator json, TemplateUpdate u) throws IOException {
        EcsJson.timestamp(json, u.lastSeen);
        json.writeStringField("message", u.template);
        EcsJson.entity(json, u.service, null);
        json.writeObjectFieldStart("log");
        json.writeStringField("level", u.level);
        json.writeEndObject();
        json.writeObjectFieldStart("event");
        json.writeStringField("kind", "state");
        json.writeStringField("module", "forewarn");
        json.writeStringField("dataset", "forewarn.log_templates");
        json.writeEndObject();
        json.writeObjectFieldStart("forewarn");
        json.writeObjectFieldStart("template");
        json.writeStringField("id", u.templateId);
        json.writeStringField("pattern", u.template);
        json.writeNumberField("token_count", tokenCount(u.template));
        json.writeNumberField("count", u.count);
        json.writeStringField("level", u.level);
        json.writeStringField("first_seen", EcsJson.isoTime(u.firstSeen));
        json.writeStringField("last_seen", EcsJson.isoTime(u.lastSeen));
        json.writeStringField("example", u.example);
        json.writeBooleanField("new", u.novel);
        if (u.replacedBy != null) {
            json.writeStringField("replaced_by", u.replacedBy);
        }
        json.writeBooleanField("evicted", u.evicted);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Tokens of a template (they are joined by single spaces); 0 for an empty one. */
    static int tokenCount(String template) {
        if (template.isEmpty()) {
            return 0;
        }
        int tokens = 1;
        for (int i = 0; i < template.length(); i++) {
            if (template.charAt(i) == ' ') {
                tokens++;
            }
        }
        return tokens;
    }
}
