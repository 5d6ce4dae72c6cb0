package io.forewarn.sink.elasticsearch;

import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default dead-letter handler: logs a warning with the index, id and Elasticsearch's error
 * (never the document content) and drops the document. Use {@link KafkaDeadLetterHandlerFactory} to
 * keep rejected documents.
 */
public final class LoggingDeadLetterHandler implements DeadLetterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingDeadLetterHandler.class);

    @Override
    public void accept(RejectedDocument rejected) {
        LOG.warn("Dropping a document Elasticsearch will not accept: {}", rejected);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    static final class Factory implements DeadLetterHandlerFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public DeadLetterHandler create(WriterInitContext context) {
            return new LoggingDeadLetterHandler();
        }
    }
}
