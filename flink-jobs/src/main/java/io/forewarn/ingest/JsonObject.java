package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, validating access to the fields of one JSON object of a documented shape.
 *
 * <p>Field names are given in snake_case; the camelCase spelling is accepted too. JSON {@code null}
 * and blank strings count as absent. String fields accept any JSON scalar (numbers and booleans are
 * taken as their text) and are limited to {@link DecoderSettings#maxFieldChars()}. Every failure
 * names the field by its path from the payload root.
 */
final class JsonObject {

    private final ObjectNode node;
    private final String path;
    private final int maxFieldChars;

    private JsonObject(ObjectNode node, String path, int maxFieldChars) {
        this.node = node;
        this.path = path;
        this.maxFieldChars = maxFieldChars;
    }

    static JsonObject root(ObjectNode node, DecoderSettings settings) {
        return new JsonObject(node, "", settings.maxFieldChars());
    }

    ObjectNode node() {
        return node;
    }

    /** Path of this object from the payload root; empty for the root. */
    String path() {
        return path;
    }

    /** Path of a field of this object from the payload root. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the field is present and not null. */
    boolean has(String name) {
        return find(name) != null;
    }

    /** Optional string field. */
    String text(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isValueNode()) {
            throw DecodeException.wrongType(pathOf(key), "a string", value);
        }
        String text = value.asText();
        if (text.isBlank()) {
            return null;
        }
        return Texts.bounded(pathOf(key), text, maxFieldChars);
    }

    /** Required string field. */
    String requiredText(String name) throws DecodeException {
        String text = text(name);
        if (text == null) {
            throw missing(name);
        }
        return text;
    }

    /** Optional nested object. */
    JsonObject object(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isObject()) {
            throw DecodeException.wrongType(pathOf(key), "an object", value);
        }
        return new JsonObject((ObjectNode) value, pathOf(key), maxFieldChars);
    }

    /** Required nested object. */
    JsonObject requiredObject(String name) throws DecodeException {
        JsonObject object = object(name);
        if (object == null) {
            throw missing(name);
        }
        return object;
    }

    /** Optional array of objects; empty when absent. */
    List<JsonObject> objects(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            throw DecodeException.wrongType(pathOf(key), "an array of objects", value);
        }
        List<JsonObject> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = pathOf(key) + "[" + i + "]";
            if (!element.isObject()) {
                throw DecodeException.wrongType(elementPath, "an object", element);
            }
            result.add(new JsonObject((ObjectNode) element, elementPath, maxFieldChars));
        }
        return result;
    }

    /** Optional array of JSON values; {@code null} when absent. */
    JsonNode array(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            throw DecodeException.wrongType(pathOf(key), "an array", value);
        }
        return value;
    }

    /** Optional timestamp in the given style, epoch milliseconds. */
    Long timestamp(String name, Style style) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        if (value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        return Timestamps.parse(value, pathOf(key), style);
    }

    /** Required timestamp in the given style, epoch milliseconds. */
    long requiredTimestamp(String name, Style style) throws DecodeException {
        Long value = timestamp(name, style);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** Optional number; numeric strings are accepted. */
    Double number(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        Double number = Numbers.toDouble(value);
        if (number == null) {
            throw DecodeException.wrongType(pathOf(key), "a number", value);
        }
        return number;
    }

    /** Required number; numeric strings are accepted. */
    double requiredNumber(String name) throws DecodeException {
        Double value = number(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** Optional integer that fits a long; integral numeric strings (int64 in OTLP) are accepted. */
    Long integer(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        Long number = Numbers.toLong(value);
        if (number == null) {
            throw DecodeException.wrongType(pathOf(key), "an integer", value);
        }
        return number;
    }

    /** Optional non-negative integer that fits an int; integral numeric strings are accepted. */
    Integer count(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        Long number = Numbers.toLong(value);
        if (number == null || number < 0 || number > Integer.MAX_VALUE) {
            throw DecodeException.wrongType(pathOf(key), "a non-negative integer", value);
        }
        return number.intValue();
    }

    /** Required non-negative integer. */
    int requiredCount(String name) throws DecodeException {
        Integer value = count(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** Optional boolean. */
    Boolean bool(String name) throws DecodeException {
        String key = keyOf(name);
        if (key == null) {
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            throw DecodeException.wrongType(pathOf(key), "a boolean", value);
        }
        return value.booleanValue();
    }

    /**
     * Optional object of scalar values, as a string map (values cut to {@code maxValueChars});
     * empty when absent.
     */
    Map<String, String> stringMap(String name, int maxValueChars) throws DecodeException {
        JsonObject object = object(name);
        Map<String, String> result = new LinkedHashMap<>();
        if (object == null) {
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw DecodeException.wrongType(object.pathOf(field.getKey()), "a string", value);
            }
            result.put(field.getKey(), Texts.cut(value.asText(), maxValueChars));
        }
        return result;
    }

    /** Optional array of strings; empty when absent. */
    List<String> stringList(String name) throws DecodeException {
        JsonNode array = array(name);
        List<String> result = new ArrayList<>();
        if (array == null) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isValueNode() || element.isNull()) {
                throw DecodeException.wrongType(
                        pathOf(keyOf(name)) + "[" + i + "]", "a string", element);
            }
            result.add(Texts.cut(element.asText(), maxFieldChars));
        }
        return result;
    }

    private DecodeException missing(String name) {
        String camel = camelCase(name);
        String which =
                camel.equals(name)
                        ? "'" + pathOf(name) + "'"
                        : "'" + pathOf(name) + "' (or '" + camel + "')";
        return new DecodeException(
                DeadLetterReason.MISSING_FIELD, "required field " + which + " is missing");
    }

    private JsonNode find(String name) {
        String key = keyOf(name);
        return key == null ? null : node.get(key);
    }

    /** The key under which the field is present (snake or camel spelling), or null. */
    private String keyOf(String name) {
        JsonNode value = node.get(name);
        if (value != null && !value.isNull()) {
            return name;
        }
        String camel = camelCase(name);
        if (!camel.equals(name)) {
            value = node.get(camel);
            if (value != null && !value.isNull()) {
                return camel;
            }
        }
        return null;
    }

    /** {@code previous_version} becomes {@code previousVersion}. */
    static String camelCase(String snake) {
        if (snake.indexOf('_') < 0) {
            return snake;
        }
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
