package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.ingest.DeadLetterSerializationSchema;
import io.forewarn.ingest.DecoderSettings;
import io.forewarn.logs.TemplateUpdate;
import io.forewarn.rules.runtime.RuleUpdateDeserializer;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.sink.elasticsearch.documents.PredictionDocuments;
import io.forewarn.sink.elasticsearch.documents.SignalDocuments;
import io.forewarn.sink.elasticsearch.documents.TemplateDocuments;
import io.forewarn.sink.kafka.AvroRecordSerializer;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Production endpoints: Kafka sources and exactly-once sinks, Elasticsearch sinks. */
public class KafkaEndpoints implements DetectEndpoints {

    private final ForewarnConfig config;

    public KafkaEndpoints(ForewarnConfig config) {
        this.config = config;
    }

    /** Decoder settings of the ingestion options. */
    public static DecoderSettings decoderSettings(ForewarnConfig config) {
        DecoderSettings.Builder builder =
                DecoderSettings.builder()
                        .maxRecordBytes((int) config.get(INGEST_MAX_RECORD_SIZE).getBytes())
                        .maxDeadLetterPayloadBytes(
                                (int) config.get(INGEST_DEADLETTER_PAYLOAD_LIMIT).getBytes())
                        .maxFutureSkew(config.get(INGEST_MAX_FUTURE_SKEW))
                        .maxAge(config.get(INGEST_MAX_AGE));
        config.getOptional(INGEST_PLAIN_LOG_PATTERN).ifPresent(builder::logLinePattern);
        config.getOptional(INGEST_PLAIN_LOG_TIMESTAMP_FORMAT)
                .ifPresent(builder::logTimestampFormat);
        config.getOptional(INGEST_DEFAULT_SERVICE).ifPresent(builder::defaultService);
        return builder.build();
    }

    @Override
    public Source<Ingested, ?, ?> source(Input input) {
        KafkaSourceBuilder<Ingested> builder =
                KafkaSource.<Ingested>builder()
                        .setProperties(config.kafkaProperties())
                        .setTopics(config.get(input.topicOption()))
                        .setGroupId(config.get(KAFKA_GROUP_ID))
                        .setClientIdPrefix(config.get(KAFKA_GROUP_ID) + "-" + input.id())
                        .setStartingOffsets(startingOffsets())
                        .setDeserializer(input.deserializer(decoderSettings(config)))
                        .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.get(BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        } else {
            builder.setProperty("partition.discovery.interval.ms", "60000");
        }
        return builder.build();
    }

    /**
     * The rules topic, read from its beginning on a fresh start whatever kafka.starting-offsets
     * says: every published rule must be seen, and versions make replays harmless. A bounded job
     * reads the updates the topic holds when it starts.
     */
    @Override
    public Source<RuleUpdate, ?, ?> ruleUpdates() {
        KafkaSourceBuilder<RuleUpdate> builder =
                KafkaSource.<RuleUpdate>builder()
                        .setProperties(config.kafkaProperties())
                        .setTopics(config.get(TOPIC_RULES))
                        .setGroupId(config.get(KAFKA_GROUP_ID) + "-rules")
                        .setClientIdPrefix(config.get(KAFKA_GROUP_ID) + "-rules")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new RuleUpdateDeserializer());
        if (config.get(BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        } else {
            builder.setProperty("partition.discovery.interval.ms", "60000");
        }
        return builder.build();
    }

    private OffsetsInitializer startingOffsets() {
        switch (config.get(KAFKA_STARTING_OFFSETS)) {
            case EARLIEST:
                return OffsetsInitializer.earliest();
            case LATEST:
                return OffsetsInitializer.latest();
            default:
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        }
    }

    @Override
    public Sink<Signal> signals() {
        return exactlyOnce(
                "signals",
                new AvroRecordSerializer<>(
                        config.get(TOPIC_SIGNALS),
                        Signal.class,
                        Signal::getService,
                        Signal::getTimestamp));
    }

    @Override
    public Sink<Prediction> predictions() {
        return exactlyOnce(
                "predictions",
                new AvroRecordSerializer<>(
                        config.get(TOPIC_PREDICTIONS),
                        Prediction.class,
                        Prediction::getPredictionId,
                        Prediction::getTimestamp));
    }

    @Override
    public Sink<DeadLetter> deadLetters() {
        return KafkaSink.<DeadLetter>builder()
                .setKafkaProducerConfig(config.kafkaProperties())
                .setRecordSerializer(
                        new DeadLetterSerializationSchema(config.get(TOPIC_DEADLETTER)))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** Statuses are written at least once: they must not wait for a checkpoint to be seen. */
    @Override
    public Sink<ControlStatus> controlStatus() {
        return KafkaSink.<ControlStatus>builder()
                .setKafkaProducerConfig(config.kafkaProperties())
                .setRecordSerializer(
                        new AvroRecordSerializer<>(
                                config.get(TOPIC_STATUS),
                                ControlStatus.class,
                                ControlStatus::getId,
                                ControlStatus::getTimestamp))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    private <T> KafkaSink<T> exactlyOnce(
            String name,
            org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema<T> serializer) {
        Properties producer = config.kafkaProperties();
        producer.setProperty(
                "transaction.timeout.ms",
                Long.toString(config.get(KAFKA_TRANSACTION_TIMEOUT).toMillis()));
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.get(KAFKA_TRANSACTIONAL_ID_PREFIX) + "-" + name)
                .build();
    }

    @Override
    public Optional<Sink<Signal>> signalDocuments() {
        if (!config.get(ES_ENABLED)) {
            return Optional.empty();
        }
        return Optional.of(
                ElasticsearchOutputs.sink(
                        config, new SignalDocuments(config.indexName("signals"))));
    }

    @Override
    public Optional<Sink<Prediction>> predictionDocuments() {
        if (!config.get(ES_ENABLED)) {
            return Optional.empty();
        }
        return Optional.of(
                ElasticsearchOutputs.orderedSink(
                        config, new PredictionDocuments(config.indexName("predictions"))));
    }

    @Override
    public Optional<Sink<TemplateUpdate>> templateDocuments() {
        if (!config.get(ES_ENABLED)) {
            return Optional.empty();
        }
        return Optional.of(
                ElasticsearchOutputs.orderedSink(
                        config, new TemplateDocuments(config.indexName("log-templates"))));
    }
}
