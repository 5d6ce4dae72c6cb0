package io.forewarn.rules.runtime;

import io.forewarn.schema.state.RuleRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Rule records kept as one byte array: their Avro encodings one after another (an Avro record's
 * binary encoding delimits itself, so no lengths are needed): how the rule operator buffered the
 * records of a key and time before {@link PendingSegments}, read after a restore from such a
 * checkpoint. Not thread-safe: one per operator instance.
 */
final class EncodedRecords {

    private final RuleRecordSerializer serializer = new RuleRecordSerializer();
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();

    /**
     * {@code encoded} (null for none) with {@code record} appended, as a new array. The operator no
     * longer writes this layout ({@link PendingSegments} replaced it); tests use this to build
     * checkpoints of it.
     */
    byte[] append(byte[] encoded, RuleRecord record) throws IOException {
        out.clear();
        serializer.serialize(record, out);
        if (encoded == null) {
            return out.getCopyOfBuffer();
        }
        byte[] joined = Arrays.copyOf(encoded, encoded.length + out.length());
        System.arraycopy(out.getSharedBuffer(), 0, joined, encoded.length, out.length());
        return joined;
    }

    /** The records of {@code encoded}, in the order they were appended. */
    List<RuleRecord> decode(byte[] encoded) throws IOException {
        List<RuleRecord> records = new ArrayList<>(1);
        in.setBuffer(encoded);
        while (in.available() > 0) {
            records.add(serializer.deserialize(in));
        }
        return records;
    }
}
