package io.forewarn.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Whether a series grows at steady load: after the warm-up, the mean of the second half against the
 * mean of the first half, and the least-squares slope per minute.
 *
 * @param samples samples used (after the warm-up)
 * @param first mean of the first half
 * @param last mean of the second half
 * @param growth (last − first) / first
 * @param slopePerMinute least-squares slope, units per minute
 */
record Growth(int samples, double first, double last, double growth, double slopePerMinute) {

    /** Growth above this share counts as growth of state. */
    static final double LIMIT = 0.10;

    boolean grows() {
        return growth > LIMIT;
    }

    /** Of (seconds, value) samples after {@code warmupSeconds}; null with fewer than 4. */
    static Growth of(List<long[]> series, long warmupSeconds) {
        List<long[]> used = new ArrayList<>();
        for (long[] s : series) {
            if (s[0] >= warmupSeconds) {
                used.add(s);
            }
        }
        int n = used.size();
        if (n < 4) {
            return null;
        }
        double first = mean(used.subList(0, n / 2));
        double last = mean(used.subList(n / 2, n));
        double mx = used.stream().mapToDouble(s -> s[0]).average().orElse(0);
        double my = mean(used);
        double sxy = 0;
        double sxx = 0;
        for (long[] s : used) {
            sxy += (s[0] - mx) * (s[1] - my);
            sxx += (s[0] - mx) * (s[0] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx * 60;
        return new Growth(n, first, last, first == 0 ? 0 : (last - first) / first, slope);
    }

    /**
     * From the first to the last of (seconds, value) samples, such as the live heap at the start
     * and at the end of a run; null with fewer than 2.
     */
    static Growth between(List<long[]> series) {
        if (series.size() < 2) {
            return null;
        }
        long[] a = series.get(0);
        long[] b = series.get(series.size() - 1);
        double minutes = (b[0] - a[0]) / 60.0;
        return new Growth(
                series.size(),
                a[1],
                b[1],
                a[1] == 0 ? 0 : (double) (b[1] - a[1]) / a[1],
                minutes == 0 ? 0 : (b[1] - a[1]) / minutes);
    }

    /** The lowest value of each minute: the floor of a saw-tooth such as the heap after GC. */
    static List<long[]> minutelyFloor(List<long[]> series) {
        TreeMap<Long, Long> floor = new TreeMap<>();
        for (long[] s : series) {
            floor.merge(s[0] / 60 * 60, s[1], Math::min);
        }
        List<long[]> out = new ArrayList<>();
        floor.forEach((minute, value) -> out.add(new long[] {minute, value}));
        return out;
    }

    private static double mean(List<long[]> samples) {
        return samples.stream().mapToDouble(s -> s[1]).average().orElse(0);
    }
}
