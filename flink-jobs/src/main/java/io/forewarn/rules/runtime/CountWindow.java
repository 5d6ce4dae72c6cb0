package io.forewarn.rules.runtime;

import io.forewarn.schema.state.RuleRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The records a {@link CountingMatcher} holds for one key, oldest first, while a run works on them;
 * stored between runs as one byte array: a format byte ({@link #FORMAT}), then per record its event
 * time, the length of its Avro encoding and the encoding. A run loads the array, drops records from
 * the front and appends at the end, and writes a new array if anything changed; the array it loaded
 * is never changed (state may still hold it). Records are decoded only when they form a match. Not
 * thread-safe: one per rule runner.
 */
final class CountWindow {

    /** First byte of a stored window: its layout, so that a later one can still read it. */
    static final byte FORMAT = 1;

    private final RuleRecordSerializer serializer = new RuleRecordSerializer();
    private final DataOutputSerializer encoded = new DataOutputSerializer(512);
    private final DataOutputSerializer work = new DataOutputSerializer(4096);
    private final DataInputDeserializer in = new DataInputDeserializer();

    /** Event time of each record in {@link #work}, by position. */
    private long[] times = new long[32];

    /** Offset in {@link #work} of each record's entry (its time), by position. */
    private int[] offsets = new int[32];

    /** Records in {@link #work}, including those dropped from the front. */
    private int count;

    /** Position of the oldest record held. */
    private int head;

    private boolean changed;

    /** Starts working on the stored window (null for an empty one). */
    void load(byte[] stored) throws IOException {
        work.clear();
        count = 0;
        head = 0;
        changed = false;
        if (stored == null) {
            return;
        }
        if (stored.length == 0 || stored[0] != FORMAT) {
            throw new IOException(
                    "unknown count window format "
                            + (stored.length == 0 ? "(empty)" : Byte.toString(stored[0])));
        }
        work.write(stored, 1, stored.length - 1);
        in.setBuffer(work.getSharedBuffer(), 0, work.length());
        while (in.getPosition() < work.length()) {
            int at = in.getPosition();
            long time = in.readLong();
            int length = in.readInt();
            in.skipBytesToRead(length);
            track(at, time);
        }
    }

    /** Records in a stored window (null for none). */
    static int size(byte[] stored) throws IOException {
        CountWindow w = new CountWindow();
        w.load(stored);
        return w.size();
    }

    /** Records held. */
    int size() {
        return count - head;
    }

    /** Event time of the oldest record held; only when {@link #size} is positive. */
    long oldestTime() {
        return times[head];
    }

    /** Appends a record. */
    void add(long time, RuleRecord record) throws IOException {
        encoded.clear();
        serializer.serialize(record, encoded);
        int at = work.length();
        work.writeLong(time);
        work.writeInt(encoded.length());
        work.write(encoded.getSharedBuffer(), 0, encoded.length());
        track(at, time);
        changed = true;
    }

    /** Drops the {@code n} oldest records. */
    void dropOldest(int n) {
        if (n > 0) {
            head = Math.min(count, head + n);
            changed = true;
        }
    }

    /** Drops the records older than {@code window} at {@code time}: {@code time - t >= window}. */
    void dropExpired(long time, long window) {
        int dropped = 0;
        while (head + dropped < count && time - times[head + dropped] >= window) {
            dropped++;
        }
        dropOldest(dropped);
    }

    /** The {@code n} oldest records held, decoded, oldest first. */
    List<RuleRecord> oldest(int n) throws IOException {
        List<RuleRecord> records = new ArrayList<>(n);
        int from = offsets[head];
        in.setBuffer(work.getSharedBuffer(), from, work.length() - from);
        for (int i = 0; i < n; i++) {
            in.readLong();
            in.readInt();
            records.add(serializer.deserialize(in));
        }
        return records;
    }

    /** Whether the window differs from the one loaded. */
    boolean changed() {
        return changed;
    }

    /** The window to store: a new array, or null when it holds no record. */
    byte[] toBytes() {
        if (size() == 0) {
            return null;
        }
        int from = offsets[head];
        byte[] out = new byte[1 + work.length() - from];
        out[0] = FORMAT;
        System.arraycopy(work.getSharedBuffer(), from, out, 1, work.length() - from);
        return out;
    }

    private void track(int offset, long time) {
        if (count == times.length) {
            times = Arrays.copyOf(times, 2 * count);
            offsets = Arrays.copyOf(offsets, 2 * count);
        }
        times[count] = time;
        offsets[count] = offset;
        count++;
    }
}
