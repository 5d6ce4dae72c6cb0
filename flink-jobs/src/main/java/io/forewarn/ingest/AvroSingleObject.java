package io.forewarn.ingest;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.Incident;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.VcsStats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding (header {@code C3 01}, 8-byte little-endian CRC-64-AVRO schema
 * fingerprint, binary body) of Forewarn's generated record classes.
 */
final class AvroSingleObject {

    /** Header length: two marker bytes and the fingerprint. */
    static final int HEADER_BYTES = 10;

    private static final Map<Long, String> KNOWN_FINGERPRINTS =
            List.of(
                            LogRecord.getClassSchema(),
                            MetricSample.getClassSchema(),
                            DeploymentEvent.getClassSchema(),
                            VcsStats.getClassSchema(),
                            DependencyStatus.getClassSchema(),
                            Incident.getClassSchema(),
                            DeadLetter.getClassSchema())
                    .stream()
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    SchemaNormalization::parsingFingerprint64,
                                    Schema::getFullName));

    /** Fingerprint per record schema; there are only a handful. */
    private static final Map<Schema, Long> FINGERPRINTS = new ConcurrentHashMap<>();

    /** One encoder per record schema; there are only a handful. */
    private static final Map<Schema, BinaryMessageEncoder<SpecificRecordBase>> ENCODERS =
            new ConcurrentHashMap<>();

    private AvroSingleObject() {}

    /** Whether the payload starts with the single-object marker {@code C3 01}. */
    static boolean isSingleObject(byte[] payload) {
        return payload.length >= 2 && (payload[0] & 0xFF) == 0xC3 && payload[1] == 0x01;
    }

    /**
     * Decodes a single-object encoded record of the decoder's class.
     *
     * <p>The body is first skipped through without materialising anything: Avro's decoder allocates
     * a string, bytes or collection of the length the data claims before it reads it, so a corrupt
     * length in a record with a valid fingerprint would otherwise ask for gigabytes. Skipping
     * checks every length against the bytes that are there.
     *
     * @throws DecodeException UNKNOWN_SCHEMA for a fingerprint of another schema, NOT_DECODABLE for
     *     a short header or a body that does not decode
     */
    static <T> T decode(byte[] payload, BinaryMessageDecoder<T> decoder, Schema expected)
            throws DecodeException {
        if (payload.length < HEADER_BYTES) {
            throw new DecodeException(
                    DeadLetterReason.NOT_DECODABLE,
                    "Avro single-object header is cut short: "
                            + payload.length
                            + " bytes, expected at least "
                            + HEADER_BYTES);
        }
        long fingerprint = ByteBuffer.wrap(payload, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long expectedFingerprint =
                FINGERPRINTS.computeIfAbsent(expected, SchemaNormalization::parsingFingerprint64);
        if (fingerprint != expectedFingerprint) {
            String known = KNOWN_FINGERPRINTS.get(fingerprint);
            throw new DecodeException(
                    DeadLetterReason.UNKNOWN_SCHEMA,
                    "Avro schema fingerprint "
                            + String.format("%016x", fingerprint)
                            + (known == null
                                    ? " is not a known schema"
                                    : " belongs to " + known + ", not this topic's record type")
                            + "; expected "
                            + expected.getFullName()
                            + " ("
                            + String.format("%016x", expectedFingerprint)
                            + ")");
        }
        try {
            GenericDatumReader.skip(
                    expected,
                    DecoderFactory.get()
                            .binaryDecoder(
                                    payload, HEADER_BYTES, payload.length - HEADER_BYTES, null));
            return decoder.decode(payload);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new DecodeException(
                    DeadLetterReason.NOT_DECODABLE,
                    "Avro body of "
                            + expected.getFullName()
                            + " does not decode: "
                            + root.getClass().getSimpleName()
                            + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        }
    }

    /** Encodes a generated record in single-object encoding. */
    static byte[] encode(SpecificRecordBase record) {
        BinaryMessageEncoder<SpecificRecordBase> encoder =
                ENCODERS.computeIfAbsent(
                        record.getSchema(),
                        schema ->
                                new BinaryMessageEncoder<>(
                                        SpecificData.getForSchema(schema), schema));
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not encode " + record.getSchema().getFullName(), e);
        }
    }
}
