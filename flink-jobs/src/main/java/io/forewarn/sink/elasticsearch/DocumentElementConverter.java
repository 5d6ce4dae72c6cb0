package io.forewarn.sink.elasticsearch;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Adapts a {@link DocumentConverter} to the Async Sink's {@link ElementConverter}. */
final class DocumentElementConverter<T> implements ElementConverter<T, DocumentRequest> {

    private static final long serialVersionUID = 1L;

    private final DocumentConverter<T> converter;

    DocumentElementConverter(DocumentConverter<T> converter) {
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    @Override
    public DocumentRequest apply(T element, SinkWriter.Context context) {
        return Objects.requireNonNull(
                converter.toRequest(element),
                () -> converter.getClass().getName() + " returned no document request");
    }
}
