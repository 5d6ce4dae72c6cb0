package io.forewarn.rules.runtime;

import java.util.Arrays;
import java.util.stream.StreamSupport;

/**
 * The distinct event times of a key's waiting records as an ascending array, kept beside the buffer
 * so that the watermark takes a prefix instead of scanning every waiting record (a key holds its
 * records for the whole out-of-orderness bound, hundreds of times, and the watermark passes some of
 * them several times a second). Arrays are never changed in place: state holds them.
 */
final class PendingTimes {

    static final long[] NONE = new long[0];

    private PendingTimes() {}

    /**
     * A copy of {@code times} with {@code time} inserted in order; it must not be in it yet. The
     * operator no longer writes this index ({@link PendingSegments} replaced it); tests use this to
     * build checkpoints of the former layout.
     */
    static long[] insert(long[] times, long time) {
        int at = Arrays.binarySearch(times, time);
        if (at >= 0) {
            throw new IllegalArgumentException("Time " + time + " is already waiting");
        }
        return insertAt(times, -at - 1, time);
    }

    /** A copy of {@code array} with {@code value} inserted at {@code at}. */
    static long[] insertAt(long[] array, int at, long value) {
        long[] out = new long[array.length + 1];
        System.arraycopy(array, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(array, at, out, at + 1, array.length - at);
        return out;
    }

    /** How many of the ascending {@code times} are at or before {@code watermark}. */
    static int countUpTo(long[] times, long watermark) {
        if (times.length == 0 || times[0] > watermark) {
            return 0;
        }
        if (times[times.length - 1] <= watermark) {
            return times.length;
        }
        int low = 0;
        int high = times.length - 1;
        // times[low] <= watermark < times[high]
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= watermark) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    /** The ascending array of the given times. */
    static long[] of(Iterable<Long> times) {
        return StreamSupport.stream(times.spliterator(), false)
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
    }
}
