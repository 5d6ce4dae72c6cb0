package io.forewarn.sink.elasticsearch;

import java.io.Serializable;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Creates one {@link DeadLetterHandler} per sink writer; shipped with the job graph. */
@FunctionalInterface
public interface DeadLetterHandlerFactory extends Serializable {

    DeadLetterHandler create(WriterInitContext context);

    /** Logs each rejected document (index, id, error; never its content) and drops it. */
    static DeadLetterHandlerFactory logging() {
        return new LoggingDeadLetterHandler.Factory();
    }
}
