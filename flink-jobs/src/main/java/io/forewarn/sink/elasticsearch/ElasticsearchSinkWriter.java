package io.forewarn.sink.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.forewarn.schema.DeadLetterReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.RequestBuffer;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.util.function.ThrowingRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of {@link DocumentRequest}s with the bulk API of the non-blocking Elasticsearch
 * client. The Async Sink framework does the buffering, batching (count, bytes, time), the bound on
 * buffered documents and in-flight requests, and the checkpoint flush; this class sends, reads the
 * answers and decides what to retry.
 *
 * <p>Responses are handled on the task thread (through the mailbox), so metrics, the backoff and
 * the dead-letter handler need no locking. A retriable failure waits out an exponential backoff on
 * a processing-time timer before its documents go back into the buffer; the request counts as in
 * flight meanwhile, so a struggling cluster backpressures the job instead of growing a queue.
 */
final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, DocumentRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    /** Retries are logged as warnings for the first failures, then for every 20th. */
    private static final int WARN_FIRST_FAILURES = 3;

    private static final int WARN_EVERY_FAILURES = 20;

    private final ElasticsearchAsyncClient client;
    private final DeadLetterHandler deadLetters;
    private final MailboxExecutor mailbox;
    private final ProcessingTimeService timeService;
    private final ExponentialBackoff backoff;
    private final long maxDocumentBytes;
    private final boolean flushBufferOnCheckpoint;
    private final ElasticsearchSinkMetrics metrics;
    private int inFlightRequests;

    ElasticsearchSinkWriter(
            ElementConverter<T, DocumentRequest> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<DocumentRequest>> states,
            RequestBuffer<DocumentRequest> buffer,
            ElasticsearchSinkSettings settings,
            ElasticsearchAsyncClient client,
            DeadLetterHandler deadLetters) {
        super(
                converter,
                context,
                configuration,
                states,
                new SimpleBatchCreator<>(configuration.getMaxBatchSizeInBytes()),
                buffer);
        this.client = client;
        this.deadLetters = deadLetters;
        this.mailbox = context.getMailboxExecutor();
        this.timeService = context.getProcessingTimeService();
        this.backoff =
                new ExponentialBackoff(settings.retryBackoffInitial(), settings.retryBackoffMax());
        this.maxDocumentBytes = settings.bulkMaxBytes();
        this.flushBufferOnCheckpoint = settings.flushBufferOnCheckpoint();
        this.metrics =
                new ElasticsearchSinkMetrics(
                        context.metricGroup(), () -> inFlightRequests, buffer::size);
    }

    @Override
    protected void submitRequestEntries(
            List<DocumentRequest> entries, ResultHandler<DocumentRequest> handler) {
        inFlightRequests++;
        List<DocumentRequest> sendable = new ArrayList<>(entries.size());
        try {
            for (DocumentRequest entry : entries) {
                if (entry.estimatedBulkBytes() > maxDocumentBytes) {
                    deadLetter(tooLarge(entry));
                } else {
                    sendable.add(entry);
                }
            }
        } catch (IOException e) {
            fail(handler, "Could not hand a rejected document to the dead-letter handler", e);
            return;
        }
        if (sendable.isEmpty()) {
            finish(handler, List.of());
            return;
        }
        long startNanos = System.nanoTime();
        CompletableFuture<BulkResponse> response;
        try {
            response = client.bulk(BulkRequests.build(sendable));
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete(
                (result, failure) ->
                        onTaskThread(
                                () -> onResponse(sendable, result, failure, startNanos, handler)));
    }

    private void onResponse(
            List<DocumentRequest> sent,
            BulkResponse response,
            Throwable failure,
            long startNanos,
            ResultHandler<DocumentRequest> handler) {
        metrics.bulkRequestLatency.update(
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        if (failure != null) {
            if (RequestFailures.isRetriable(failure)) {
                metrics.bulkRequestsFailed.inc();
                retryLater(
                        handler,
                        sent,
                        "the bulk request failed: " + RequestFailures.unwrap(failure));
            } else {
                fail(
                        handler,
                        "Elasticsearch refused a bulk request of " + sent.size() + " documents",
                        RequestFailures.unwrap(failure));
            }
            return;
        }
        BulkOutcome outcome;
        try {
            outcome = BulkOutcome.of(sent, response);
            for (RejectedDocument rejected : outcome.rejected()) {
                deadLetter(rejected);
            }
        } catch (IllegalStateException | IOException e) {
            fail(handler, "Could not process a bulk response", e);
            return;
        }
        metrics.documentsWritten.inc(outcome.written());
        metrics.documentsStaleVersion.inc(outcome.staleVersions());
        if (outcome.retry().isEmpty()) {
            backoff.reset();
            finish(handler, List.of());
        } else {
            retryLater(
                    handler,
                    outcome.retry(),
                    outcome.retry().size() + " documents were refused with 429 or 5xx");
        }
    }

    private void retryLater(
            ResultHandler<DocumentRequest> handler, List<DocumentRequest> entries, String why) {
        long delay = backoff.nextDelayMillis();
        metrics.documentsRetried.inc(entries.size());
        int failures = backoff.consecutiveFailures();
        if (failures <= WARN_FIRST_FAILURES || failures % WARN_EVERY_FAILURES == 0) {
            LOG.warn(
                    "Elasticsearch: {}; retrying {} documents in {} ms ({} consecutive failures)",
                    why,
                    entries.size(),
                    delay,
                    failures);
        } else {
            LOG.debug(
                    "Elasticsearch: {}; retrying {} documents in {} ms ({} consecutive failures)",
                    why,
                    entries.size(),
                    delay,
                    failures);
        }
        timeService.registerTimer(
                timeService.getCurrentProcessingTime() + delay, time -> finish(handler, entries));
    }

    private void finish(ResultHandler<DocumentRequest> handler, List<DocumentRequest> retry) {
        inFlightRequests--;
        if (retry.isEmpty()) {
            handler.complete();
        } else {
            handler.retryForEntries(retry);
        }
    }

    private void fail(ResultHandler<DocumentRequest> handler, String message, Throwable cause) {
        inFlightRequests--;
        handler.completeExceptionally(new ElasticsearchSinkException(message, cause));
    }

    private void deadLetter(RejectedDocument rejected) throws IOException {
        metrics.documentsFailed.inc();
        deadLetters.accept(rejected);
    }

    private RejectedDocument tooLarge(DocumentRequest entry) {
        return new RejectedDocument(
                entry,
                DeadLetterReason.TOO_LARGE,
                0,
                "document_too_large",
                "the document needs about "
                        + entry.estimatedBulkBytes()
                        + " bytes, more than the bulk max bytes of "
                        + maxDocumentBytes);
    }

    private void onTaskThread(ThrowingRunnable<? extends Exception> action) {
        try {
            mailbox.execute(action, "handle an Elasticsearch bulk response");
        } catch (RejectedExecutionException | IllegalStateException e) {
            // The task is shutting down; its buffered documents are in the last checkpoint.
            LOG.debug("The sink writer is closed; dropping a bulk response", e);
        }
    }

    /**
     * Before a checkpoint: waits for every in-flight request and, unless configured otherwise,
     * sends and waits for every buffered document too; then flushes the dead-letter handler.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(endOfInput || flushBufferOnCheckpoint);
        try {
            deadLetters.flush();
        } catch (IOException e) {
            throw new ElasticsearchSinkException("Could not flush the dead-letter handler", e);
        }
    }

    /** Documents whose size is counted against the byte limits of the buffer and of a batch. */
    @Override
    protected long getSizeInBytes(DocumentRequest entry) {
        // A document larger than a whole batch is counted as exactly one batch, so the framework
        // sends it alone and submitRequestEntries dead-letters it instead of the job failing.
        return Math.min(entry.estimatedBulkBytes(), maxDocumentBytes);
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            LOG.warn("Could not close the Elasticsearch client", e);
        }
        try {
            deadLetters.close();
        } catch (IOException e) {
            LOG.warn("Could not close the dead-letter handler", e);
        }
    }
}
