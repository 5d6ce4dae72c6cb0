package io.forewarn.sink.elasticsearch;

import io.forewarn.schema.DeadLetterReason;
import java.util.Objects;

/**
 * A document the sink gives up on, with why: Elasticsearch's error type and reason for a rejected
 * bulk item (reason {@code SINK_REJECTED}), or the sink's own for a document larger than a bulk
 * request may be (reason {@code TOO_LARGE}, status 0).
 */
public final class RejectedDocument {

    private final DocumentRequest request;
    private final DeadLetterReason reason;
    private final int status;
    private final String errorType;
    private final String errorReason;

    public RejectedDocument(
            DocumentRequest request,
            DeadLetterReason reason,
            int status,
            String errorType,
            String errorReason) {
        this.request = Objects.requireNonNull(request);
        this.reason = Objects.requireNonNull(reason);
        this.status = status;
        this.errorType = Objects.requireNonNull(errorType);
        this.errorReason = Objects.requireNonNull(errorReason);
    }

    public DocumentRequest request() {
        return request;
    }

    public DeadLetterReason reason() {
        return reason;
    }

    /** HTTP status of the bulk item, 0 when the document was never sent. */
    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String errorReason() {
        return errorReason;
    }

    /** {@code type: reason (index i, id x, status s)}: what a person needs to fix it. */
    public String detail() {
        return errorType
                + ": "
                + errorReason
                + " (index "
                + request.index()
                + ", id "
                + request.id()
                + (status > 0 ? ", status " + status : "")
                + ")";
    }

    @Override
    public String toString() {
        return reason + " " + detail();
    }
}
