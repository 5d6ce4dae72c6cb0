package io.forewarn.sink.elasticsearch;

import io.forewarn.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a {@link RejectedDocument} into the {@link DeadLetter} record of the dead-letter topic. */
public final class DeadLetters {

    /** The stage name the sink's dead letters carry. */
    public static final String STAGE = "elasticsearch-sink";

    private DeadLetters() {}

    /**
     * A dead letter with the document JSON as payload, cut at {@code payloadLimitBytes}. The key is
     * the document id; there is no source topic (the document was made by the job).
     */
    public static DeadLetter of(RejectedDocument rejected, int payloadLimitBytes, long nowMillis) {
        byte[] source = rejected.request().source();
        byte[] payload = source == null ? new byte[0] : source;
        boolean truncated = payload.length > payloadLimitBytes;
        return DeadLetter.newBuilder()
                .setTimestamp(nowMillis)
                .setStage(STAGE)
                .setReason(rejected.reason())
                .setDetail(rejected.detail())
                .setSourceTopic(null)
                .setKey(ByteBuffer.wrap(rejected.request().id().getBytes(StandardCharsets.UTF_8)))
                .setPayload(
                        ByteBuffer.wrap(
                                truncated ? Arrays.copyOf(payload, payloadLimitBytes) : payload))
                .setPayloadSize(payload.length)
                .setTruncated(truncated)
                .build();
    }
}
