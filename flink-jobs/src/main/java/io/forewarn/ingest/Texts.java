package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.forewarn.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small text helpers for precise, bounded dead-letter details. */
final class Texts {

    /** Characters of a bad value quoted in a detail. */
    static final int QUOTED_CHARS = 60;

    private Texts() {}

    /** {@code 'value'}, or {@code 'first 60 chars…' (12345 chars)} when longer. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= QUOTED_CHARS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, QUOTED_CHARS) + "…' (" + value.length() + " chars)";
    }

    /** What a value is, for "expected X, got Y" details. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return "null";
            }
            if (node.isObject()) {
                return "an object";
            }
            if (node.isArray()) {
                return "an array of " + node.size();
            }
            if (node.isBoolean()) {
                return "the boolean " + node.asText();
            }
            if (node.isNumber()) {
                return "the number " + node.asText();
            }
            return "the string " + quote(node.asText());
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        return quote(String.valueOf(value));
    }

    /** Hex of the first {@code max} bytes, space separated, with an ellipsis when longer. */
    static String hex(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, max);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16))
                    .append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        if (bytes.length > max) {
            sb.append(" …");
        }
        return sb.toString();
    }

    /** Strict UTF-8 decoding, or {@code null} when the bytes are not valid UTF-8. */
    static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The first at most {@code maxBytes} bytes as UTF-8 text, leaving out a character cut at the
     * end, or {@code null} when they are not UTF-8.
     */
    static String utf8Prefix(byte[] bytes, int maxBytes) {
        int start = Math.min(bytes.length, maxBytes);
        for (int end = start; end >= 0 && end > start - 4; end--) {
            String text = utf8OrNull(end == bytes.length ? bytes : Arrays.copyOf(bytes, end));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Whether the text has no control characters other than tab and line breaks. */
    static boolean isPrintable(String text) {
        return text.chars()
                .noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
    }

    /**
     * The value itself when it has at most {@code max} characters.
     *
     * @throws DecodeException TOO_LARGE naming the field, its length and the limit
     */
    static String bounded(String field, String value, int max) throws DecodeException {
        if (value != null && value.length() > max) {
            throw new DecodeException(
                    DeadLetterReason.TOO_LARGE,
                    "field '"
                            + field
                            + "' is "
                            + value.length()
                            + " characters long, limit "
                            + max
                            + ": "
                            + quote(value));
        }
        return value;
    }

    /** The text without line breaks at its end. */
    static String stripTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The value cut to {@code max} characters (not splitting a surrogate pair). */
    static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
