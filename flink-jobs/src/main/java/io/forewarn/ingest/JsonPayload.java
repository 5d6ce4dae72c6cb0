package io.forewarn.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.schema.DeadLetterReason;
import java.io.IOException;

/** Parses a payload that must be one JSON object, with precise failure details. */
final class JsonPayload {

    /** Shared, immutable after construction, thread-safe. */
    static final JsonMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonPayload() {}

    /** Whether the first byte after a BOM and whitespace is {@code '{'}. */
    static boolean looksLikeJsonObject(byte[] payload) {
        int i = firstSignificantByte(payload);
        return i < payload.length && payload[i] == '{';
    }

    /**
     * Parses the payload as one JSON object.
     *
     * @throws DecodeException NOT_DECODABLE when the payload is blank or does not start like a JSON
     *     object; INVALID_JSON when it starts like one but is not valid JSON
     */
    static ObjectNode parseObject(byte[] payload) throws DecodeException {
        int i = firstSignificantByte(payload);
        if (i == payload.length) {
            throw new DecodeException(DeadLetterReason.NOT_DECODABLE, "payload is empty or blank");
        }
        if (payload[i] != '{') {
            throw new DecodeException(
                    DeadLetterReason.NOT_DECODABLE,
                    "expected a JSON object or Avro single-object encoding (C3 01), payload starts"
                            + " with "
                            + preview(payload));
        }
        try {
            JsonNode node = MAPPER.readTree(payload);
            return (ObjectNode) node;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new DecodeException(
                    DeadLetterReason.INVALID_JSON,
                    "invalid JSON"
                            + (at == null
                                    ? ""
                                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + ": "
                            + Texts.cut(firstLine(e.getOriginalMessage()), 200));
        } catch (IOException e) {
            throw new DecodeException(DeadLetterReason.INVALID_JSON, "invalid JSON: " + e);
        }
    }

    /** The start of the payload, as quoted text when it is UTF-8, else as hex. */
    static String preview(byte[] payload) {
        String text = Texts.utf8Prefix(payload, 64);
        if (text != null && Texts.isPrintable(text)) {
            return Texts.quote(text);
        }
        return "bytes " + Texts.hex(payload, 16);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static int firstSignificantByte(byte[] payload) {
        int i = 0;
        if (payload.length >= 3
                && (payload[0] & 0xFF) == 0xEF
                && (payload[1] & 0xFF) == 0xBB
                && (payload[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < payload.length
                && (payload[i] == ' '
                        || payload[i] == '\t'
                        || payload[i] == '\n'
                        || payload[i] == '\r')) {
            i++;
        }
        return i;
    }
}
