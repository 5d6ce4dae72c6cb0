package io.forewarn.ingest;

import io.forewarn.schema.DeadLetterReason;
import java.util.Objects;

/**
 * Why a payload could not be turned into typed records: the dead-letter reason and a precise,
 * human-readable detail (which field, what was expected, the bad value abbreviated).
 *
 * <p>Thrown for bad input, which is expected in normal operation, so it carries no stack trace.
 */
public final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DeadLetterReason reason;
    private final String detail;

    public DecodeException(DeadLetterReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public DeadLetterReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    static DecodeException wrongType(String field, String expected, Object actual) {
        return new DecodeException(
                DeadLetterReason.WRONG_TYPE,
                "field '" + field + "' must be " + expected + ", got " + Texts.describe(actual));
    }
}
