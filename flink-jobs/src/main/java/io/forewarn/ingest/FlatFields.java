package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leaves of a JSON object keyed by their dotted path, so that nested objects ({@code
 * {"log":{"level":"info"}}}) and dotted keys ({@code {"log.level":"info"}}) read the same. Fields
 * are taken out as they are mapped; what remains becomes the record's attributes.
 *
 * <p>Arrays are leaves; JSON nulls and empty objects are dropped.
 */
final class FlatFields {

    /** Attribute recording how many attributes were left out by the count limit. */
    static final String DROPPED_ATTRIBUTES_KEY = "forewarn.attributes_dropped";

    private final Map<String, JsonNode> leaves = new LinkedHashMap<>();

    FlatFields(ObjectNode root) {
        flatten("", root);
    }

    private void flatten(String prefix, JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value);
            } else if (!value.isNull()) {
                leaves.put(key, value);
            }
        }
    }

    /**
     * Takes the first present of the keys as text (scalars as their text), or returns {@code null}.
     * Blank strings count as absent (and are taken).
     *
     * @throws DecodeException WRONG_TYPE when the first present key holds an array
     */
    String takeText(String... keys) throws DecodeException {
        for (String key : keys) {
            JsonNode value = leaves.get(key);
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                throw DecodeException.wrongType(key, "a string", value);
            }
            leaves.remove(key);
            String text = value.asText();
            if (!text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** Takes the first present of the keys as a raw JSON value, or returns {@code null}. */
    Map.Entry<String, JsonNode> take(String... keys) {
        for (String key : keys) {
            JsonNode value = leaves.remove(key);
            if (value != null) {
                return Map.entry(key, value);
            }
        }
        return null;
    }

    /** Puts a value back, for a field that was read but not mapped. */
    void putBack(String key, JsonNode value) {
        leaves.put(key, value);
    }

    /** The first of the keys under which a nested object was flattened, or null. */
    String objectAt(String... keys) {
        for (String key : keys) {
            String prefix = key + ".";
            for (String leaf : leaves.keySet()) {
                if (leaf.startsWith(prefix)) {
                    return key;
                }
            }
        }
        return null;
    }

    /**
     * The remaining fields as attributes: at most {@code maxCount} (in payload order; when some are
     * left out, {@link #DROPPED_ATTRIBUTES_KEY} holds their number and takes one of the places),
     * values cut to {@code maxValueChars}, arrays as compact JSON.
     */
    Map<String, String> remaining(int maxCount, int maxValueChars) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int keep = leaves.size() <= maxCount ? leaves.size() : maxCount - 1;
        for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
            if (attributes.size() == keep) {
                break;
            }
            JsonNode value = leaf.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            attributes.put(Texts.cut(leaf.getKey(), maxValueChars), Texts.cut(text, maxValueChars));
        }
        if (keep < leaves.size()) {
            attributes.put(DROPPED_ATTRIBUTES_KEY, Integer.toString(leaves.size() - keep));
        }
        return attributes;
    }
}
