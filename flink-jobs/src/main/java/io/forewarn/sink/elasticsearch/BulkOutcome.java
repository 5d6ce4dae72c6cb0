package io.forewarn.sink.elasticsearch;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.forewarn.schema.DeadLetterReason;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of each document of one bulk request, decided item by item:
 *
 * <ul>
 *   <li>2xx: written;
 *   <li>409 on an externally versioned write: the stored document is as new or newer, so this
 *       update was already applied (or superseded): counted as a stale version, not retried;
 *   <li>404 on a delete: already gone, counted as written;
 *   <li>429 and 5xx: retried (with backoff);
 *   <li>anything else (400 mapping errors, 409 on an unversioned write, ...): rejected, for the
 *       dead-letter handler.
 * </ul>
 */
public final class BulkOutcome {

    private final int written;
    private final int staleVersions;
    private final List<DocumentRequest> retry;
    private final List<RejectedDocument> rejected;

    private BulkOutcome(
            int written,
            int staleVersions,
            List<DocumentRequest> retry,
            List<RejectedDocument> rejected) {
        this.written = written;
        this.staleVersions = staleVersions;
        this.retry = retry;
        this.rejected = rejected;
    }

    /**
     * Classifies the response items; item {@code i} of the response answers request {@code i}.
     *
     * @throws IllegalStateException when the response does not have one item per request
     */
    public static BulkOutcome of(List<DocumentRequest> sent, BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != sent.size()) {
            throw new IllegalStateException(
                    "Elasticsearch answered a bulk request of "
                            + sent.size()
                            + " operations with "
                            + items.size()
                            + " items");
        }
        int written = 0;
        int stale = 0;
        List<DocumentRequest> retry = new ArrayList<>();
        List<RejectedDocument> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            DocumentRequest request = sent.get(i);
            BulkResponseItem item = items.get(i);
            int status = item.status();
            if (status >= 200 && status < 300) {
                written++;
            } else if (status == 409 && request.versionType() != null) {
                stale++;
            } else if (status == 404 && request.operation() == DocumentRequest.Operation.DELETE) {
                written++;
            } else if (isRetriableStatus(status)) {
                retry.add(request);
            } else {
                rejected.add(rejection(request, item));
            }
        }
        return new BulkOutcome(written, stale, retry, rejected);
    }

    /** Statuses worth retrying: too many requests, request timeout and server errors. */
    public static boolean isRetriableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static RejectedDocument rejection(DocumentRequest request, BulkResponseItem item) {
        ErrorCause error = item.error();
        String type = error == null ? "status_" + item.status() : error.type();
        String reason = error == null || error.reason() == null ? "" : error.reason();
        return new RejectedDocument(
                request, DeadLetterReason.SINK_REJECTED, item.status(), type, reason);
    }

    /** Documents Elasticsearch acknowledged (deletes of missing documents included). */
    public int written() {
        return written;
    }

    /** Externally versioned writes Elasticsearch refused because its version is as new or newer. */
    public int staleVersions() {
        return staleVersions;
    }

    /** Documents to send again. */
    public List<DocumentRequest> retry() {
        return retry;
    }

    /** Documents Elasticsearch will never accept as they are. */
    public List<RejectedDocument> rejected() {
        return rejected;
    }
}
