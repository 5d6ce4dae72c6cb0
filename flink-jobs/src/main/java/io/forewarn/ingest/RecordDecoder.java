package io.forewarn.ingest;

import java.io.Serializable;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Turns the bytes of one Kafka record of one input topic into typed records, or explains with a
 * {@link DecodeException} why it cannot. Implementations accept the JSON shapes documented in
 * {@code docs/reference/input-formats.md} and Avro single-object encoding of their record class.
 *
 * <p>Implementations are stateless apart from their settings and may be used from one thread at a
 * time per instance (Flink gives each subtask its own copy).
 *
 * @param <T> the Avro record class produced
 */
public interface RecordDecoder<T extends SpecificRecordBase> extends Serializable {

    /** The record class produced. */
    Class<T> recordClass();

    /** The settings the decoder was built with. */
    DecoderSettings settings();

    /**
     * Decodes one non-null payload. Size limits and the event-time plausibility window are checked
     * by the caller ({@link IngestDeserializer}).
     *
     * @throws DecodeException with the dead-letter reason when the payload is not acceptable
     */
    Decoded<T> decode(byte[] payload) throws DecodeException;

    /** The event time of a decoded record, epoch milliseconds. */
    long eventTime(T record);
}
