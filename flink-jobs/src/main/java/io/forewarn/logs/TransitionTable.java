package io.forewarn.logs;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A bounded set of template transitions (previous template id → template id), open addressing with
 * linear probing, no boxing. Each entry remembers when it was last used (a logical clock); when the
 * set outgrows its capacity the least recently used half is dropped.
 */
final class TransitionTable {

    /** Receives the entries of a table. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(long from, long to, long lastUsed);
    }

    private static final int MIN_TABLE_SIZE = 16;

    private final int capacity;
    private long[] from;
    private long[] to;
    private long[] used;
    private boolean[] occupied;
    private int mask;
    private int size;
    private long clock;

    TransitionTable(int capacity) {
        this.capacity = capacity;
        allocate(MIN_TABLE_SIZE);
    }

    int size() {
        return size;
    }

    long clock() {
        return clock;
    }

    /** Records the transition; returns true when it was not in the set. */
    boolean touch(long a, long b) {
        clock++;
        int i = find(a, b);
        if (occupied[i]) {
            used[i] = clock;
            return false;
        }
        insertAt(i, a, b, clock);
        if (size > capacity) {
            pruneOldestHalf();
        } else if (size * 2 > occupied.length) {
            rehash(occupied.length * 2, Long.MIN_VALUE);
        }
        return true;
    }

    boolean contains(long a, long b) {
        return occupied[find(a, b)];
    }

    /** Renames template {@code oldId} to {@code newId} in every transition (merging duplicates). */
    void rename(long oldId, long newId) {
        long[] f = from;
        long[] t = to;
        long[] u = used;
        boolean[] o = occupied;
        boolean affected = false;
        for (int i = 0; i < o.length && !affected; i++) {
            affected = o[i] && (f[i] == oldId || t[i] == oldId);
        }
        if (!affected) {
            return;
        }
        allocate(o.length);
        for (int i = 0; i < o.length; i++) {
            if (o[i]) {
                put(f[i] == oldId ? newId : f[i], t[i] == oldId ? newId : t[i], u[i]);
            }
        }
    }

    /** Adds an entry with its last-use time (restore); the clock follows the largest. */
    void put(long a, long b, long lastUsed) {
        int i = find(a, b);
        if (occupied[i]) {
            used[i] = Math.max(used[i], lastUsed);
        } else {
            insertAt(i, a, b, lastUsed);
            if (size * 2 > occupied.length) {
                rehash(occupied.length * 2, Long.MIN_VALUE);
            }
        }
        clock = Math.max(clock, lastUsed);
    }

    /** Restores the logical clock (it may be ahead of every remaining entry's last use). */
    void restoreClock(long value) {
        clock = Math.max(clock, value);
    }

    /**
     * Visits the entries least recently used first (ties by ids): an order independent of layout.
     */
    void forEach(EntryConsumer consumer) {
        Integer[] slots = new Integer[size];
        int k = 0;
        for (int i = 0; i < occupied.length; i++) {
            if (occupied[i]) {
                slots[k++] = i;
            }
        }
        Arrays.sort(
                slots,
                Comparator.<Integer>comparingLong(i -> used[i])
                        .thenComparingLong(i -> from[i])
                        .thenComparingLong(i -> to[i]));
        for (int i : slots) {
            consumer.accept(from[i], to[i], used[i]);
        }
    }

    private void insertAt(int i, long a, long b, long lastUsed) {
        occupied[i] = true;
        from[i] = a;
        to[i] = b;
        used[i] = lastUsed;
        size++;
    }

    private int find(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b + 0x632BE59BD9B4E019L) * 0xC2B2AE3D27D4EB4FL;
        int i = (int) (h ^ (h >>> 29) ^ (h >>> 43)) & mask;
        while (occupied[i] && (from[i] != a || to[i] != b)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void pruneOldestHalf() {
        long[] recent = new long[size];
        int k = 0;
        for (int i = 0; i < occupied.length; i++) {
            if (occupied[i]) {
                recent[k++] = used[i];
            }
        }
        Arrays.sort(recent);
        rehash(occupied.length, recent[size / 2]);
    }

    /**
     * Rebuilds the table with {@code tableSize} slots, keeping entries used at or after {@code
     * keepFrom}.
     */
    private void rehash(int tableSize, long keepFrom) {
        long[] f = from;
        long[] t = to;
        long[] u = used;
        boolean[] o = occupied;
        allocate(tableSize);
        for (int i = 0; i < o.length; i++) {
            if (o[i] && u[i] >= keepFrom) {
                insertAt(find(f[i], t[i]), f[i], t[i], u[i]);
            }
        }
    }

    private void allocate(int tableSize) {
        from = new long[tableSize];
        to = new long[tableSize];
        used = new long[tableSize];
        occupied = new boolean[tableSize];
        mask = tableSize - 1;
        size = 0;
    }
}
