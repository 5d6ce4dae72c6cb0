package io.forewarn.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;

/**
 * Renders a {@link DeadLetter} as one line of JSON for people (e.g. a {@code deadletter tail}
 * command): times as ISO-8601, the source as {@code topic-partition@offset}, key and payload as
 * UTF-8 text when they are printable text, else Base64 (see {@code keyEncoding}/{@code
 * payloadEncoding}).
 */
public final class DeadLetterJson {

    private DeadLetterJson() {}

    public static String render(DeadLetter letter) {
        ObjectNode json = JsonPayload.MAPPER.createObjectNode();
        json.put("timestamp", Instant.ofEpochMilli(letter.getTimestamp()).toString());
        json.put("stage", letter.getStage());
        json.put("reason", letter.getReason().name());
        json.put("detail", letter.getDetail());
        if (letter.getSourceTopic() != null) {
            json.put(
                    "source",
                    letter.getSourceTopic()
                            + "-"
                            + letter.getSourcePartition()
                            + "@"
                            + letter.getSourceOffset());
        }
        if (letter.getRecordTimestamp() != null) {
            json.put("recordTimestamp", Timestamps.format(letter.getRecordTimestamp()));
        }
        if (letter.getKey() != null) {
            putBytes(json, "key", letter.getKey(), false);
        }
        json.put("payloadSize", letter.getPayloadSize());
        json.put("truncated", letter.getTruncated());
        putBytes(json, "payload", letter.getPayload(), letter.getTruncated());
        return json.toString();
    }

    /** As text when printable UTF-8; a cut payload may end inside a character. */
    private static void putBytes(ObjectNode json, String field, ByteBuffer buffer, boolean cut) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        String text = cut ? Texts.utf8Prefix(bytes, bytes.length) : Texts.utf8OrNull(bytes);
        if (text != null && Texts.isPrintable(text)) {
            json.put(field, text);
            json.put(field + "Encoding", "utf-8");
        } else {
            json.put(field, Base64.getEncoder().encodeToString(bytes));
            json.put(field + "Encoding", "base64");
        }
    }
}
