package io.forewarn.sink.elasticsearch;

/** A failure the Elasticsearch sink does not retry: the job fails (and restarts) with it. */
public final class ElasticsearchSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ElasticsearchSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
