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
 * event time, the length of its encoding and its Avro encoding, by event time (records of equal
 * times in arrival order), after a header: the offset of the first record not yet taken, flagged
 * with {@link #SORTED}, and the latest time in the segment. Checkpoints then write one entry per
 * key and second of event time instead of one per key and millisecond (the per-entry work was most
 * of the snapshot's). A watermark inside a segment reads the times of the records it takes and of
 * the first one that stays, decodes only those it takes, and moves the offset past them, in place.
 * Appending a record at or after the latest time (records mostly arrive in time order) copies the
 * records left and adds it at the end; an earlier one is inserted at its place.
 *
 * <p>Segments written before records were kept in time order (checkpoints of earlier versions: the
 * header is the offset alone, unflagged, and the records are in arrival order) are still read: the
 * next append or watermark that takes records sorts the segment into the current layout.
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

    /** Flag of the offset of a segment whose records are in time order. */
    private static final int SORTED = 0x8000_0000;

    /**
     * Bytes before the first record of a segment in time order: the offset of the first record not
     * yet taken (flagged with {@link #SORTED}), then the latest time in the segment.
     */
    private static final int START = Integer.BYTES + Long.BYTES;

    /**
     * Bytes before the first record of a segment in arrival order (written by earlier versions):
     * the offset of the first record not yet taken, unflagged.
     */
    private static final int ARRIVAL_ORDER_START = Integer.BYTES;

    /** A waiting record and its event time. */
    record Timed(long time, RuleRecord record) {}

    /**
     * A segment split at a watermark.
     *
     * @param due the records at or before the watermark, by event time, in arrival order for equal
     *     times
     * @param rest the segment without them: null when nothing is left; the same array, unchanged
     *     when nothing was due, or with its offset moved past them (for a segment of the previous
     *     layout, its sorted copy)
     * @param restEarliest the earliest time in {@code rest}, {@link Long#MAX_VALUE} when none
     */
    record Split(List<Timed> due, byte[] rest, long restEarliest) {}

    private final RuleRecordSerializer serializer = new RuleRecordSerializer();
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final SharedLabels shared = new SharedLabels();

    /** The start of the second holding {@code time}, or holding the records of a segment. */
    static long segmentOf(long time) {
        return Math.floorDiv(time, SEGMENT_MILLIS) * SEGMENT_MILLIS;
    }

    /**
     * The segment a record at {@code time} goes to: the last segment of its second in {@code index}
     * (null for none), or the second's start when the index has none of that second.
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
     * The segment after {@code segment} in its second, or {@code segment} itself when it is the
     * second's last possible one.
     */
    static long nextOfSecond(long segment) {
        return segmentOf(segment + 1) == segmentOf(segment) ? segment + 1 : segment;
    }

    /**
     * {@code segment} (null for none) with {@code record} at {@code time} added at its place in
     * time, after the records of equal times; records already taken are dropped, as the array is
     * copied anyway.
     */
    byte[] append(byte[] segment, long time, RuleRecord record) throws IOException {
        out.clear();
        out.writeLong(time);
        out.writeInt(0);
        serializer.serialize(record, out);
        int length = out.length() - HEADER;
        writeInt(out.getSharedBuffer(), Long.BYTES, length);
        if (segment != null && !isSorted(segment)) {
            segment = sorted(segment);
        }
        int from = segment == null ? START : first(segment);
        int end = segment == null ? START : segment.length;
        // Where the record goes: after every record at or before its time.
        int at = end;
        if (from < end && time < latest(segment)) {
            at = from;
            while (at < end) {
                int after = next(segment, at);
                if (time(segment, at) > time) {
                    break;
                }
                at = after;
            }
        }
        byte[] joined = new byte[START + (end - from) + out.length()];
        writeInt(joined, 0, SORTED | START);
        writeLong(joined, Integer.BYTES, at == end ? time : latest(segment));
        if (at > from) {
            System.arraycopy(segment, from, joined, START, at - from);
        }
        System.arraycopy(out.getSharedBuffer(), 0, joined, START + at - from, out.length());
        if (at < end) {
            System.arraycopy(segment, at, joined, START + at - from + out.length(), end - at);
        }
        return joined;
    }

    /**
     * Takes the records at or before {@code watermark} out of {@code segment}. A segment of the
     * previous layout is sorted first: the rest is then the sorted copy.
     */
    Split split(byte[] segment, long watermark) throws IOException {
        byte[] sorted = isSorted(segment) ? segment : sorted(segment);
        int at = first(sorted);
        List<Timed> taken = null;
        while (at < sorted.length) {
            int end = next(sorted, at);
            long time = time(sorted, at);
            if (time > watermark) {
                break;
            }
            in.setBuffer(sorted, at + HEADER, end - at - HEADER);
            if (taken == null) {
                taken = new ArrayList<>();
            }
            // Records taken here may stay in a rule's partial matches for its whole window.
            taken.add(new Timed(time, shared.share(serializer.deserialize(in))));
            at = end;
        }
        long restEarliest = at < sorted.length ? time(sorted, at) : Long.MAX_VALUE;
        if (taken == null) {
            return new Split(List.of(), segment, restEarliest);
        }
        if (at == sorted.length) {
            return new Split(taken, null, restEarliest);
        }
        writeInt(sorted, 0, SORTED | at);
        return new Split(taken, sorted, restEarliest);
    }

    /**
     * A segment in arrival order (written by earlier versions) in the current layout: its records
     * not yet taken, by time, in arrival order for equal times.
     */
    private static byte[] sorted(byte[] segment) throws IOException {
        List<int[]> records = new ArrayList<>();
        for (int at = first(segment); at < segment.length; at = next(segment, at)) {
            records.add(new int[] {at, next(segment, at)});
        }
        // List.sort is stable.
        records.sort(Comparator.comparingLong(r -> time(segment, r[0])));
        int bytes = 0;
        for (int[] r : records) {
            bytes += r[1] - r[0];
        }
        byte[] sorted = new byte[START + bytes];
        writeInt(sorted, 0, SORTED | START);
        writeLong(
                sorted,
                Integer.BYTES,
                records.isEmpty()
                        ? Long.MIN_VALUE
                        : time(segment, records.get(records.size() - 1)[0]));
        int to = START;
        for (int[] r : records) {
            System.arraycopy(segment, r[0], sorted, to, r[1] - r[0]);
            to += r[1] - r[0];
        }
        return sorted;
    }

    /** Every record of {@code segment} not yet taken, in its order (for tests and inspection). */
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
        int first = first(segment);
        if (isSorted(segment)) {
            if (first == segment.length) {
                return Long.MAX_VALUE;
            }
            next(segment, first);
            return time(segment, first);
        }
        long earliest = Long.MAX_VALUE;
        for (int at = first; at < segment.length; at = next(segment, at)) {
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

    private static boolean isSorted(byte[] segment) {
        return segment.length >= Integer.BYTES && (segment[0] & 0x80) != 0;
    }

    /** Offset of the segment's first record not yet taken. */
    private static int first(byte[] segment) throws IOException {
        if (segment.length < ARRIVAL_ORDER_START) {
            throw new IOException("Truncated segment of " + segment.length + " bytes");
        }
        int first = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            first = (first << 8) | (segment[i] & 0xff);
        }
        int start = ARRIVAL_ORDER_START;
        if ((first & SORTED) != 0) {
            first &= ~SORTED;
            start = START;
        }
        if (first < start || first > segment.length) {
            throw new IOException(
                    "Segment offset " + first + " outside its " + segment.length + " bytes");
        }
        return first;
    }

    /** The latest time in a segment in time order. */
    private static long latest(byte[] segment) {
        return time(segment, Integer.BYTES);
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        for (int i = 0; i < Integer.BYTES; i++) {
            bytes[at + i] = (byte) (value >>> (8 * (Integer.BYTES - 1 - i)));
        }
    }

    private static void writeLong(byte[] bytes, int at, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[at + i] = (byte) (value >>> (8 * (Long.BYTES - 1 - i)));
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
