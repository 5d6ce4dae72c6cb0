/**
 * The Elasticsearch sink: Flink's Async Sink framework with the official {@code elasticsearch-java}
 * 8.19 client.
 *
 * <h2>Design notes</h2>
 *
 * <ul>
 *   <li><b>Non-blocking client.</b> The writer uses {@code ElasticsearchAsyncClient}: the Async
 *       Sink calls {@code submitRequestEntries} on the task thread and expects it to return at
 *       once, completing the request later. The async client does exactly that on the HTTP client's
 *       I/O threads, with no thread pool of our own to size and close; the blocking client would
 *       need one and would only move the waiting elsewhere.
 *   <li><b>Answers on the task thread.</b> Bulk responses are handed to the task's mailbox, so
 *       classification, metrics, the backoff and the dead-letter handler run single-threaded.
 *   <li><b>Backoff inside the request.</b> The framework re-queues failed entries at once; a
 *       request that failed therefore waits out its backoff on a processing-time timer before its
 *       entries go back, still counted as in flight. The in-flight bound then also bounds retries,
 *       and checkpoints wait for them.
 *   <li><b>Fixed limits.</b> The framework's default congestion control shrinks batches after
 *       failures, which makes recovery from an outage slow; {@code BoundedInFlightRequests} keeps
 *       batch size and concurrency fixed and leaves pacing to the backoff.
 *   <li><b>Full flush on checkpoints (default).</b> The framework waits only for in-flight requests
 *       and stores the buffer in the checkpoint; this sink also sends and waits for the buffer, so
 *       a completed checkpoint means the documents before it are in Elasticsearch.
 *   <li><b>Raw JSON.</b> Converters produce JSON bytes; the client sends them as they are ({@code
 *       BinaryData}), so documents are serialized once, where they are made.
 * </ul>
 */
package io.forewarn.sink.elasticsearch;
