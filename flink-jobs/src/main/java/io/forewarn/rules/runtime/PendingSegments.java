package io.forewarn.rules.runtime;

import io.forewarn.schema.state.RuleRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The rule operator's buffer of waiting records, as few state entries: a key's records of one
 * segment of event time ({@link #SEGMENT_MILLIS}) are one byte array, each record written as its
 * event time, the length of its encoding and its Avro encoding, in arrival order, after the offset
 * of the first record not yet taken. Checkpoints then write one entry per key and second of event
 * time instead of one per key and millisecond (the per-entry work was most of the snapshot's). A
 * watermark inside a segment reads the times without decoding the records that stay; when the
 * records it takes come first (records mostly arrive in time order), it only moves the offset, in
 * place, instead of copying the rest.
 *
 * <p>A key's segments are listed in an index beside them: element 0 is the earliest waiting time
 * (the key's timer), then the segments' state namespaces, ascending: a second's start, and when a
 * key's records of one second pass {@link #FULL_BYTES}, the start plus 1, 2, ... for its further
 * segments. Index arrays are never changed in place: state holds them. A segment's offset is: the
 * heap backend copies a state value before handing it out when a checkpoint still needs it, and
 * RocksDB hands out copies. Not thread-safe: one per operator instance.
 */
final class PendingSegments {

    /**
     * Length of a segment of event time. Part of the state's layout (the segment start is the state
     * namespace), so not a setting.
     */
    static final long SEGMENT_MILLIS = 1_000;

    /**
     * Size from which a key's records of a second go to a further segment of that second (state
     * namespace: the second's start plus 1, 2, ...), so that appending copies at most this much.
     */
    static final int FULL_BYTES = 16 * 1024;

    private static final int HEADER = Long.BYTES + Integer.BYTES;

    /** Bytes before a segment's first record: the offset of the first record not yet taken. */
    private static final int START = Integer.BYTES;

    /** A waiting record and its event time. */
    record Timed(long time, RuleRecord record) {}

    /**
     * A segment split at a watermark.
     *
     * @param due the records at or before the watermark, by event time, in arrival order for equal
     *     times
     * @param rest the segment without them: null when nothing is left; the same array, unchanged
     *     when nothing was due, or with its offset moved past them when they came first
     * @param restEarliest the earliest time in {@code rest}, {@link Long#MAX_VALUE} when none
     */
    record Split(List<Timed> due, byte[] rest, long restEarliest) {}

    private final RuleRecordSerializer serializer = new RuleRecordSerializer();
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();

    /** The start of the second holding {@code time}, or holding the records of a segment. */
    static long segmentOf(long time) {
        return Math.floorDiv(time, SEGMENT_MILLIS) * SEGMENT_MILLIS;
    }

    /**
     * The segment a record at {@code time} goes to: the last segment of its second in {@code index}
     * (null for none), or the second's start when it has none.
     */
    static long segmentFor(long[] index, long time) {
        long second = segmentOf(time);
        if (index == null) {
            return second;
        }
        int at = Arrays.binarySearch(index, 1, index.length, second + SEGMENT_MILLIS - 1);
        int last = at >= 0 ? at : -at - 2;
        return last >= 1 && segmentOf(index[last]) == second ? index[last] : second;
    }

    /**
     * The segment after a full {@code segment} of the same second; the last one of a second (more
     * than 16 MB of one key's records in one second) stays in use.
     */
    static long nextOfSecond(long segment) {
        return segmentOf(segment + 1) == segmentOf(segment) ? segment + 1 : segment;
    }

    /** {@code segment} (null for none) with {@code record} at {@code time} appended. */
    byte[] append(byte[] segment, long time, RuleRecord record) throws IOException {
        out.clear();
        out.writeLong(time);
        out.writeInt(0);
        serializer.serialize(record, out);
        int length = out.length() - HEADER;
        writeInt(out.getSharedBuffer(), Long.BYTES, length);
        int from = segment == null ? START : first(segment);
        int kept = segment == null ? 0 : segment.length - from;
        byte[] joined = new byte[START + kept + out.length()];
        writeInt(joined, 0, START);
        if (kept > 0) {
            // Taken records are dropped here, as the array is copied anyway.
            System.arraycopy(segment, from, joined, START, kept);
        }
        System.arraycopy(out.getSharedBuffer(), 0, joined, START + kept, out.length());
        return joined;
    }

    /** Takes the records at or before {@code watermark} out of {@code segment}. */
    Split split(byte[] segment, long watermark) throws IOException {
        int first = first(segment);
        int due = 0;
        int restBytes = 0;
        int prefixEnd = first;
        boolean prefix = true;
        long restEarliest = Long.MAX_VALUE;
        for (int at = first; at < segment.length; at = next(segment, at)) {
            long time = time(segment, at);
            if (time <= watermark) {
                due++;
                if (prefix) {
                    prefixEnd = next(segment, at);
                }
            } else {
                prefix = false;
                restBytes += next(segment, at) - at;
                restEarliest = Math.min(restEarliest, time);
            }
        }
        if (due == 0) {
            return new Split(List.of(), segment, restEarliest);
        }
        List<Timed> taken = new ArrayList<>(due);
        if (prefixEnd - first == segment.length - first - restBytes) {
            // The due records come first: decode them and move the offset past them.
            for (int at = first; at < prefixEnd; ) {
                int end = next(segment, at);
                in.setBuffer(segment, at + HEADER, end - at - HEADER);
                taken.add(new Timed(time(segment, at), serializer.deserialize(in)));
                at = end;
            }
            taken.sort(Comparator.comparingLong(Timed::time));
            if (restBytes == 0) {
                return new Split(taken, null, restEarliest);
            }
            writeInt(segment, 0, prefixEnd);
            return new Split(taken, segment, restEarliest);
        }
        byte[] rest = restBytes == 0 ? null : new byte[START + restBytes];
        int restAt = START;
        if (rest != null) {
            writeInt(rest, 0, START);
        }
        for (int at = first; at < segment.length; ) {
            int end = next(segment, at);
            long time = time(segment, at);
            if (time <= watermark) {
                in.setBuffer(segment, at + HEADER, end - at - HEADER);
                taken.add(new Timed(time, serializer.deserialize(in)));
            } else {
                System.arraycopy(segment, at, rest, restAt, end - at);
                restAt += end - at;
            }
            at = end;
        }
        // Stable: records of equal times keep their arrival order.
        taken.sort(Comparator.comparingLong(Timed::time));
        return new Split(taken, rest, restEarliest);
    }

    /** Every record of {@code segment}, in arrival order (for tests and inspection). */
    List<Timed> decode(byte[] segment) throws IOException {
        List<Timed> records = new ArrayList<>();
        for (int at = first(segment); at < segment.length; at = next(segment, at)) {
            in.setBuffer(segment, at + HEADER, next(segment, at) - at - HEADER);
            records.add(new Timed(time(segment, at), serializer.deserialize(in)));
        }
        return records;
    }

    /** The earliest time in {@code segment}, {@link Long#MAX_VALUE} when it is empty. */
    static long earliest(byte[] segment) throws IOException {
        long earliest = Long.MAX_VALUE;
        for (int at = first(segment); at < segment.length; at = next(segment, at)) {
            earliest = Math.min(earliest, time(segment, at));
        }
        return earliest;
    }

    /** A copy of {@code index} with {@code segment} among its segments (once). */
    static long[] withSegment(long[] index, long segment) {
        int at = Arrays.binarySearch(index, 1, index.length, segment);
        if (at >= 0) {
            return index;
        }
        return PendingTimes.insertAt(index, -at - 1, segment);
    }

    /** Offset of the segment's first record not yet taken. */
    private static int first(byte[] segment) throws IOException {
        if (segment.length < START) {
            throw new IOException("Truncated segment of " + segment.length + " bytes");
        }
        int first = 0;
        for (int i = 0; i < START; i++) {
            first = (first << 8) | (segment[i] & 0xff);
        }
        if (first < START || first > segment.length) {
            throw new IOException(
                    "Segment offset " + first + " outside its " + segment.length + " bytes");
        }
        return first;
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        for (int i = 0; i < Integer.BYTES; i++) {
            bytes[at + i] = (byte) (value >>> (8 * (Integer.BYTES - 1 - i)));
        }
    }

    private static long time(byte[] segment, int at) {
        long time = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            time = (time << 8) | (segment[at + i] & 0xff);
        }
        return time;
    }

    private static int next(byte[] segment, int at) throws IOException {
        if (at + HEADER > segment.length) {
            throw new IOException("Truncated waiting record at byte " + at);
        }
        int length = 0;
        for (int i = Long.BYTES; i < HEADER; i++) {
            length = (length << 8) | (segment[at + i] & 0xff);
        }
        int end = at + HEADER + length;
        if (length < 0 || end > segment.length) {
            throw new IOException("Truncated waiting record at byte " + at);
        }
        return end;
    }
}
