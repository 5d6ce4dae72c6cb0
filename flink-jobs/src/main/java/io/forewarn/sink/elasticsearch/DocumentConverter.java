package io.forewarn.sink.elasticsearch;

import java.io.Serializable;

/**
 * Turns a record into the document operation the Elasticsearch sink sends. Implementations are
 * serialized with the job graph, so they hold only configuration (such as the index name).
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface DocumentConverter<T> extends Serializable {

    DocumentRequest toRequest(T element);
}
