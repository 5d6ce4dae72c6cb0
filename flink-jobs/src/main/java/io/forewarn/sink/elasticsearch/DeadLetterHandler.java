package io.forewarn.sink.elasticsearch;

import java.io.IOException;

/**
 * Receives the documents the sink gives up on. Called on the sink writer's task thread, never
 * concurrently. {@link #flush()} is called before every checkpoint completes and at the end of the
 * input: after it returns, every document handed over before is durably stored.
 */
public interface DeadLetterHandler extends AutoCloseable {

    void accept(RejectedDocument rejected) throws IOException;

    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
