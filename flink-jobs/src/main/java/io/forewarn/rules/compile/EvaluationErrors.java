package io.forewarn.rules.compile;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts CEL evaluations of one rule version that failed at run time (e.g. an index out of range);
 * a failed condition counts as not met. Keeps the latest message for the log.
 */
public final class EvaluationErrors implements Serializable {

    private static final long serialVersionUID = 1L;

    private final AtomicLong count = new AtomicLong();
    private volatile String lastMessage;

    void record(String where, Exception e) {
        count.incrementAndGet();
        lastMessage = where + ": " + e.getMessage();
    }

    public long count() {
        return count.get();
    }

    public String lastMessage() {
        return lastMessage;
    }
}
