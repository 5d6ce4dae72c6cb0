package io.forewarn.sink.elasticsearch;

import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The sink writer's own metrics, registered on its metric group next to the Async Sink's standard
 * ones ({@code numRecordsSend}, {@code currentSendTime}, ...).
 */
final class ElasticsearchSinkMetrics {

    static final String DOCUMENTS_WRITTEN = "documentsWritten";
    static final String DOCUMENTS_FAILED = "documentsFailed";
    static final String DOCUMENTS_RETRIED = "documentsRetried";
    static final String DOCUMENTS_STALE_VERSION = "documentsStaleVersion";
    static final String BULK_REQUESTS_FAILED = "bulkRequestsFailed";
    static final String BULK_REQUEST_LATENCY = "bulkRequestLatencyMs";
    static final String IN_FLIGHT_REQUESTS = "inFlightRequests";
    static final String BUFFERED_DOCUMENTS = "bufferedDocuments";

    private static final int LATENCY_WINDOW = 500;

    final Counter documentsWritten;
    final Counter documentsFailed;
    final Counter documentsRetried;
    final Counter documentsStaleVersion;
    final Counter bulkRequestsFailed;
    final Histogram bulkRequestLatency;

    ElasticsearchSinkMetrics(
            MetricGroup group, IntSupplier inFlightRequests, IntSupplier buffered) {
        documentsWritten = group.counter(DOCUMENTS_WRITTEN);
        documentsFailed = group.counter(DOCUMENTS_FAILED);
        documentsRetried = group.counter(DOCUMENTS_RETRIED);
        documentsStaleVersion = group.counter(DOCUMENTS_STALE_VERSION);
        bulkRequestsFailed = group.counter(BULK_REQUESTS_FAILED);
        bulkRequestLatency =
                group.histogram(
                        BULK_REQUEST_LATENCY, new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
        group.gauge(IN_FLIGHT_REQUESTS, (Gauge<Integer>) inFlightRequests::getAsInt);
        group.gauge(BUFFERED_DOCUMENTS, (Gauge<Integer>) buffered::getAsInt);
    }
}
