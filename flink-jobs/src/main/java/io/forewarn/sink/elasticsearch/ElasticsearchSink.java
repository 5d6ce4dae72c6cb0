package io.forewarn.sink.elasticsearch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink that writes records to Elasticsearch with the bulk API, at least once and
 * idempotently: each record becomes a {@link DocumentRequest} with a stable id (and optionally an
 * external version), so retries and replays overwrite documents rather than duplicate them.
 *
 * <pre>{@code
 * ElasticsearchSink<Prediction> sink =
 *         ElasticsearchSink.<Prediction>builder()
 *                 .settings(settings)
 *                 .converter(new PredictionDocuments("forewarn-predictions"))
 *                 .deadLetters(KafkaDeadLetterHandlerFactory.builder()...build())
 *                 .build();
 * predictions.sinkTo(sink).uid("elasticsearch-predictions").name("Elasticsearch: predictions");
 * }</pre>
 *
 * <p>Built on Flink's Async Sink framework; see {@link ElasticsearchSinkWriter} for the request
 * handling and {@link ElasticsearchSinkSettings} for batching, bounds and retries.
 *
 * @param <T> the record type
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, DocumentRequest> {

    private static final long serialVersionUID = 1L;

    /** Added to the framework's request timeout on top of HTTP time and the longest backoff. */
    private static final Duration TIMEOUT_MARGIN = Duration.ofMinutes(1);

    private final ElasticsearchSinkSettings settings;
    private final DeadLetterHandlerFactory deadLetters;

    private ElasticsearchSink(
            DocumentConverter<T> converter,
            ElasticsearchSinkSettings settings,
            DeadLetterHandlerFactory deadLetters) {
        super(
                new DocumentElementConverter<>(converter),
                settings.bulkMaxActions(),
                settings.maxInFlightRequests(),
                settings.maxBufferedRequests(),
                settings.bulkMaxBytes(),
                settings.flushInterval().toMillis(),
                settings.bulkMaxBytes(),
                frameworkTimeout(settings).toMillis(),
                false);
        this.settings = settings;
        this.deadLetters = deadLetters;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<DocumentRequest>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<DocumentRequest>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<DocumentRequest>> states) {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .setRateLimitingStrategy(
                                new BoundedInFlightRequests(
                                        getMaxInFlightRequests(), getMaxBatchSize()))
                        .build();
        return new ElasticsearchSinkWriter<>(
                getElementConverter(),
                context,
                configuration,
                states,
                new DequeRequestBuffer<>(),
                settings,
                ElasticsearchClients.async(settings),
                deadLetters.create(context));
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<DocumentRequest>>
            getWriterStateSerializer() {
        return new DocumentRequestStateSerializer();
    }

    public ElasticsearchSinkSettings settings() {
        return settings;
    }

    /**
     * The Async Sink re-queues a request that has not completed within this time. A request lasts
     * at most one HTTP attempt per endpoint plus one backoff, so this only guards against a lost
     * response.
     */
    static Duration frameworkTimeout(ElasticsearchSinkSettings settings) {
        return settings.requestTimeout()
                .multipliedBy(settings.endpoints().size() + 1L)
                .plus(settings.retryBackoffMax())
                .plus(TIMEOUT_MARGIN);
    }

    /** Builder; settings and converter are required, dead letters are logged by default. */
    public static final class Builder<T> {
        private ElasticsearchSinkSettings settings;
        private DocumentConverter<T> converter;
        private DeadLetterHandlerFactory deadLetters = DeadLetterHandlerFactory.logging();

        private Builder() {}

        public Builder<T> settings(ElasticsearchSinkSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder<T> converter(DocumentConverter<T> converter) {
            this.converter = converter;
            return this;
        }

        public Builder<T> deadLetters(DeadLetterHandlerFactory deadLetters) {
            this.deadLetters = deadLetters;
            return this;
        }

        public ElasticsearchSink<T> build() {
            return new ElasticsearchSink<>(
                    Objects.requireNonNull(converter, "a document converter is required"),
                    Objects.requireNonNull(settings, "Elasticsearch sink settings are required"),
                    Objects.requireNonNull(
                            deadLetters, "a dead-letter handler factory is required"));
        }
    }
}
