package io.forewarn.logs.history;

/**
 * How a template's frequency moved over the history, from its histogram: {@code new} (first seen in
 * the last quarter), {@code stopped} (last seen before the last quarter), {@code rising} or {@code
 * falling} (the second half has at least twice, or at most half, the lines of the first, beyond a
 * small absolute margin), else {@code steady}.
 */
final class Trend {

    private Trend() {}

    static String of(long[] counts, int used) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < used; i++) {
            if (counts[i] > 0) {
                last = i;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0 || used < 4) {
            return "steady";
        }
        int lastQuarter = used - used / 4;
        if (first >= lastQuarter) {
            return "new";
        }
        if (last < lastQuarter) {
            return "stopped";
        }
        long firstHalf = 0;
        long secondHalf = 0;
        for (int i = 0; i < used; i++) {
            if (i < used / 2) {
                firstHalf += counts[i];
            } else {
                secondHalf += counts[i];
            }
        }
        if (secondHalf >= 2 * firstHalf + 3) {
            return "rising";
        }
        if (firstHalf >= 2 * secondHalf + 3) {
            return "falling";
        }
        return "steady";
    }
}
