package io.forewarn.ingest;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds {@link DeadLetter}s with the payload cut to a limit and its original size kept. */
public final class DeadLetters {

    /** Longest detail kept; details are written to be far shorter. */
    static final int MAX_DETAIL_CHARS = 2000;

    private DeadLetters() {}

    /**
     * A dead letter without source coordinates (set them with the setters where known).
     *
     * @param timestamp when it was dead-lettered, epoch milliseconds
     * @param stage the processing stage, e.g. {@code decode} or {@code lateness}
     * @param payload the original bytes, or {@code null} for none
     * @param maxPayloadBytes payloads longer than this are cut and flagged {@code truncated}
     */
    public static DeadLetter create(
            long timestamp,
            String stage,
            DeadLetterReason reason,
            String detail,
            byte[] payload,
            int maxPayloadBytes) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        boolean truncated = bytes.length > maxPayloadBytes;
        DeadLetter letter = new DeadLetter();
        letter.setTimestamp(timestamp);
        letter.setStage(stage);
        letter.setReason(reason);
        letter.setDetail(Texts.cut(detail, MAX_DETAIL_CHARS));
        letter.setPayload(
                ByteBuffer.wrap(truncated ? Arrays.copyOf(bytes, maxPayloadBytes) : bytes));
        letter.setPayloadSize(bytes.length);
        letter.setTruncated(truncated);
        return letter;
    }

    /** A Kafka key or other bytes cut to the limit, or {@code null}. */
    static ByteBuffer cutBytes(byte[] bytes, int max) {
        if (bytes == null) {
            return null;
        }
        return ByteBuffer.wrap(bytes.length > max ? Arrays.copyOf(bytes, max) : bytes);
    }
}
