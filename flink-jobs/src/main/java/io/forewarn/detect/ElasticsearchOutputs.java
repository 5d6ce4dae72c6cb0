package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.sink.elasticsearch.DocumentConverter;
import io.forewarn.sink.elasticsearch.ElasticsearchClients;
import io.forewarn.sink.elasticsearch.ElasticsearchSink;
import io.forewarn.sink.elasticsearch.ElasticsearchSinkSettings;
import io.forewarn.sink.elasticsearch.IndexTemplateSettings;
import io.forewarn.sink.elasticsearch.IndexTemplates;
import io.forewarn.sink.elasticsearch.KafkaDeadLetterHandlerFactory;
import java.io.IOException;
import java.util.List;

/** Elasticsearch settings, sinks and index templates from Forewarn's options. */
public final class ElasticsearchOutputs {

    private ElasticsearchOutputs() {}

    public static ElasticsearchSinkSettings settings(ForewarnConfig config) {
        ElasticsearchSinkSettings.Builder builder =
                ElasticsearchSinkSettings.builder()
                        .endpoints(config.get(ES_ENDPOINTS))
                        .bulkMaxActions(config.get(ES_BULK_MAX_ACTIONS))
                        .bulkMaxBytes(config.get(ES_BULK_MAX_BYTES).getBytes())
                        .flushInterval(config.get(ES_BULK_FLUSH_INTERVAL))
                        .maxInFlightRequests(config.get(ES_MAX_IN_FLIGHT))
                        .maxBufferedRequests(config.get(ES_MAX_BUFFERED))
                        .retryBackoff(
                                config.get(ES_RETRY_INITIAL_BACKOFF),
                                config.get(ES_RETRY_MAX_BACKOFF))
                        .requestTimeout(config.get(ES_REQUEST_TIMEOUT));
        config.getOptional(ES_API_KEY).ifPresent(builder::apiKey);
        config.getOptional(ES_USERNAME)
                .ifPresent(user -> builder.basicAuth(user, config.get(ES_PASSWORD)));
        config.getOptional(ES_CA_CERTIFICATE).ifPresent(builder::caCertificatePath);
        return builder.build();
    }

    /** A sink writing records to one index, rejected documents to the dead-letter topic. */
    public static <T> ElasticsearchSink<T> sink(
            ForewarnConfig config, DocumentConverter<T> converter) {
        return sink(config, settings(config), converter);
    }

    /**
     * A sink for an index of current-state documents, each overwritten by its entity's updates
     * (predictions, log templates): one bulk request in flight per subtask, whatever {@code
     * elasticsearch.max-in-flight-requests} says, so the writes of one document reach Elasticsearch
     * in the order they were made. Their external versions (event times) refuse older replays, but
     * two updates can share a version; with concurrent bulk requests Elasticsearch may apply the
     * earlier one last, and the document would keep a state its entity has left (a template shown
     * live after it was merged into another). A retried document goes back to the front of the
     * buffer before the next request is sent, so retries keep the order too.
     */
    public static <T> ElasticsearchSink<T> orderedSink(
            ForewarnConfig config, DocumentConverter<T> converter) {
        return sink(config, settings(config).toBuilder().maxInFlightRequests(1).build(), converter);
    }

    private static <T> ElasticsearchSink<T> sink(
            ForewarnConfig config,
            ElasticsearchSinkSettings settings,
            DocumentConverter<T> converter) {
        KafkaDeadLetterHandlerFactory.Builder deadLetters =
                KafkaDeadLetterHandlerFactory.builder()
                        .bootstrapServers(config.get(KAFKA_BOOTSTRAP_SERVERS))
                        .topic(config.get(TOPIC_DEADLETTER))
                        .payloadLimitBytes(
                                (int) config.get(INGEST_DEADLETTER_PAYLOAD_LIMIT).getBytes());
        config.kafkaProperties()
                .forEach((k, v) -> deadLetters.producerProperty((String) k, (String) v));
        return ElasticsearchSink.<T>builder()
                .settings(settings)
                .converter(converter)
                .deadLetters(deadLetters.build())
                .build();
    }

    /** Installs the index templates that are missing or older than the shipped ones. */
    public static List<String> installTemplates(ForewarnConfig config) throws IOException {
        ElasticsearchClient client = ElasticsearchClients.blocking(settings(config));
        try {
            return IndexTemplates.installMissing(
                    client,
                    IndexTemplateSettings.defaults()
                            .withReplicas(config.get(ES_REPLICAS))
                            .withIndexPrefix(config.get(ES_INDEX_PREFIX)));
        } finally {
            client._transport().close();
        }
    }
}
