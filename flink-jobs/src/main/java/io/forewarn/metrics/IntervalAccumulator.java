package io.forewarn.metrics;

import java.util.Arrays;

/**
 * The samples of one series within one interval, reduced to what every {@link Aggregation} needs:
 * count, sum, extremes, first and last sample, and a bounded reservoir of values for the 99th
 * percentile. A Flink POJO (public fields, no-argument constructor), so it is kept in keyed state
 * without Kryo.
 */
public class IntervalAccumulator {

    /** Values kept for the percentile; beyond this many samples a uniform reservoir is kept. */
    public static final int RESERVOIR = 128;

    public int count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public long firstTimestamp = Long.MAX_VALUE;
    public double first;
    public long lastTimestamp = Long.MIN_VALUE;
    public double last;

    /** Values for the percentile (only for {@link Aggregation#P99}), null otherwise. */
    public double[] reservoir;

    public IntervalAccumulator() {}

    /** Adds one sample; keeps a reservoir only when {@code aggregation} needs one. */
    public void add(long timestamp, double value, Aggregation aggregation) {
        if (aggregation == Aggregation.P99) {
            keep(value);
        }
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (timestamp < firstTimestamp) {
            firstTimestamp = timestamp;
            first = value;
        }
        if (timestamp >= lastTimestamp) {
            lastTimestamp = timestamp;
            last = value;
        }
    }

    private void keep(double value) {
        if (reservoir == null) {
            reservoir = new double[0];
        }
        if (count < RESERVOIR) {
            reservoir = Arrays.copyOf(reservoir, count + 1);
            reservoir[count] = value;
            return;
        }
        // deterministic reservoir sampling: replays give the same percentile
        long slot = Math.floorMod(mix(count), count + 1L);
        if (slot < RESERVOIR) {
            reservoir[(int) slot] = value;
        }
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    /**
     * The interval's value for a non-rate aggregation; NaN if the interval has no sample.
     *
     * @throws IllegalArgumentException for {@link Aggregation#RATE} and {@link Aggregation#SKIP}
     */
    public double value(Aggregation aggregation) {
        if (count == 0) {
            return Double.NaN;
        }
        return switch (aggregation) {
            case MEAN -> sum / count;
            case MAX -> max;
            case MIN -> min;
            case LAST -> last;
            case P99 -> percentile(0.99);
            case RATE, SKIP ->
                    throw new IllegalArgumentException(aggregation + " has no plain value");
        };
    }

    /**
     * Per-second rate of a counter over the interval: the increase from the previous interval's
     * last sample (or, for the first interval, from this interval's first sample) to this
     * interval's last sample. A decrease is a counter reset: the increase is then the last value.
     * NaN when no time passed.
     */
    public double rate(long previousTimestamp, double previousValue, boolean hasPrevious) {
        long fromTime = hasPrevious ? previousTimestamp : firstTimestamp;
        double fromValue = hasPrevious ? previousValue : first;
        if (count == 0 || lastTimestamp <= fromTime) {
            return Double.NaN;
        }
        double increase = last >= fromValue ? last - fromValue : last;
        return increase / ((lastTimestamp - fromTime) / 1000.0);
    }

    private double percentile(double q) {
        double[] sorted = reservoir.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
