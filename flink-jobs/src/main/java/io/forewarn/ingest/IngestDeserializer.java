package io.forewarn.ingest;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Ingested;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka record deserializer of one input topic: turns each {@link ConsumerRecord} into one {@link
 * Ingested} per decoded record, or into exactly one {@link Ingested} carrying a {@link DeadLetter}
 * (event time {@link Long#MIN_VALUE}, so it never moves a watermark). It never throws for any
 * input.
 *
 * <p>Per record: a {@code null} value (tombstone) is NOT_DECODABLE; a value above {@link
 * DecoderSettings#maxRecordBytes()} is TOO_LARGE without being parsed; then the {@link
 * RecordDecoder} runs; then every event time must lie in the plausible window ({@link
 * DecoderSettings#maxFutureSkew()}, {@link DecoderSettings#maxAge()}), else the whole Kafka record
 * is TIMESTAMP_OUT_OF_RANGE, so that one Kafka record is always either fully decoded or fully
 * dead-lettered. Unexpected exceptions become OTHER with the exception's message.
 *
 * <p>Dead letters carry stage {@value #STAGE}, the reason and detail, the source topic, partition,
 * offset, Kafka timestamp and key, and the original value cut to {@link
 * DecoderSettings#maxDeadLetterPayloadBytes()} with its original size.
 *
 * <p>Metrics: counters {@code recordsDecoded} (typed records emitted), {@code deadLetters}, {@code
 * valuesDropped} (see {@link MetricDecoder}) and {@code deadLetters} in the sub-group {@code
 * reason} = the reason's name.
 */
public final class IngestDeserializer implements KafkaRecordDeserializationSchema<Ingested> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IngestDeserializer.class);

    /** Stage name of dead letters from decoding. */
    public static final String STAGE = "decode";

    private final RecordDecoder<?> decoder;
    private final DecoderSettings settings;
    private final EventTimeWindow window;

    private transient Counter recordsDecoded;
    private transient Counter deadLetters;
    private transient Counter valuesDropped;
    private transient Map<DeadLetterReason, Counter> deadLettersByReason;

    public IngestDeserializer(RecordDecoder<?> decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.settings = decoder.settings();
        this.window = new EventTimeWindow(settings);
    }

    /** For the {@code logs} topic. */
    public static IngestDeserializer logs(DecoderSettings settings) {
        return new IngestDeserializer(new LogDecoder(settings));
    }

    /** For the {@code metrics} topic. */
    public static IngestDeserializer metrics(DecoderSettings settings) {
        return new IngestDeserializer(new MetricDecoder(settings));
    }

    /** For the {@code deployments} topic. */
    public static IngestDeserializer deployments(DecoderSettings settings) {
        return new IngestDeserializer(new DeploymentDecoder(settings));
    }

    /** For the {@code vcs} topic. */
    public static IngestDeserializer vcsStats(DecoderSettings settings) {
        return new IngestDeserializer(new VcsStatsDecoder(settings));
    }

    /** For the {@code dependencies} topic. */
    public static IngestDeserializer dependencyStatus(DecoderSettings settings) {
        return new IngestDeserializer(new DependencyStatusDecoder(settings));
    }

    /** For the {@code incidents} topic. */
    public static IngestDeserializer incidents(DecoderSettings settings) {
        return new IngestDeserializer(new IncidentDecoder(settings));
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        MetricGroup group = context.getMetricGroup();
        recordsDecoded = group.counter("recordsDecoded");
        deadLetters = group.counter("deadLetters");
        valuesDropped = group.counter("valuesDropped");
        deadLettersByReason = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLettersByReason.put(
                    reason, group.addGroup("reason", reason.name()).counter("deadLetters"));
        }
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Ingested> out) {
        // Decode fully before emitting: exceptions thrown downstream of the collector (chained
        // operators) must propagate, not be mistaken for bad input.
        for (Ingested ingested : decode(record)) {
            out.collect(ingested);
        }
    }

    private List<Ingested> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            byte[] value = record.value();
            if (value == null) {
                return deadLetter(
                        record,
                        DeadLetterReason.NOT_DECODABLE,
                        "record value is null (a tombstone)");
            }
            if (value.length > settings.maxRecordBytes()) {
                return deadLetter(
                        record,
                        DeadLetterReason.TOO_LARGE,
                        "record value is "
                                + value.length
                                + " bytes, limit "
                                + settings.maxRecordBytes());
            }
            return typed(decoder, value);
        } catch (DecodeException e) {
            return deadLetter(record, e.reason(), e.detail());
        } catch (Exception | StackOverflowError e) {
            LOG.warn(
                    "Unexpected failure decoding {}-{}@{}, dead-lettered as OTHER",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e);
            return deadLetter(
                    record,
                    DeadLetterReason.OTHER,
                    "unexpected " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private <T extends SpecificRecordBase> List<Ingested> typed(
            RecordDecoder<T> decoder, byte[] value) throws DecodeException {
        Decoded<T> decoded = decoder.decode(value);
        List<Ingested> result = new ArrayList<>(decoded.records().size());
        for (T typed : decoded.records()) {
            long eventTime = decoder.eventTime(typed);
            window.check(eventTime);
            result.add(new Ingested(typed, eventTime));
        }
        recordsDecoded.inc(result.size());
        valuesDropped.inc(decoded.valuesDropped());
        return result;
    }

    private List<Ingested> deadLetter(
            ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String detail) {
        DeadLetter letter =
                DeadLetters.create(
                        settings.clock().millis(),
                        STAGE,
                        reason,
                        detail,
                        record.value(),
                        settings.maxDeadLetterPayloadBytes());
        letter.setSourceTopic(record.topic());
        letter.setSourcePartition(record.partition());
        letter.setSourceOffset(record.offset());
        letter.setRecordTimestamp(
                record.timestamp() == RecordBatch.NO_TIMESTAMP ? null : record.timestamp());
        letter.setKey(DeadLetters.cutBytes(record.key(), settings.maxDeadLetterPayloadBytes()));
        deadLetters.inc();
        deadLettersByReason.get(reason).inc();
        return List.of(new Ingested(letter, Long.MIN_VALUE));
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return new AvroStreamType<>(Ingested.class);
    }
}
