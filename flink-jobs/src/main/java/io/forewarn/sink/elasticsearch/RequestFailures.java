package io.forewarn.sink.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.elasticsearch.client.ResponseException;

/**
 * Decides whether a failed bulk request (the whole request, not one item) is worth retrying:
 * connection failures, timeouts, 408, 429 and 5xx are; authentication, authorization and other
 * client errors are not, and fail the job with the cause.
 */
public final class RequestFailures {

    private RequestFailures() {}

    public static boolean isRetriable(Throwable failure) {
        Throwable cause = unwrap(failure);
        int status = statusOf(cause);
        if (status > 0) {
            return BulkOutcome.isRetriableStatus(status);
        }
        return cause instanceof IOException;
    }

    /** The HTTP status carried by a client exception, or 0 when there was no response. */
    public static int statusOf(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ElasticsearchException) {
            return ((ElasticsearchException) cause).status();
        }
        if (cause instanceof TransportException) {
            return ((TransportException) cause).statusCode();
        }
        if (cause instanceof ResponseException) {
            return ((ResponseException) cause).getResponse().getStatusLine().getStatusCode();
        }
        return 0;
    }

    /** The failure inside {@link CompletionException} and {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
