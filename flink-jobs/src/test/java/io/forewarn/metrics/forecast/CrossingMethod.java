package io.forewarn.metrics.forecast;

/** A way to forecast when a series crosses its threshold, fed point by point. */
public interface CrossingMethod {

    /** Short name for reports. */
    String name();

    /** Adds one point (in time order). */
    void add(long timestampMillis, double value);

    /**
     * The forecast crossing time after every point up to {@code now} was added, or -1 for "no
     * crossing expected".
     */
    long crossing(long now);

    /** The interval of the last forecast as {earliest, latest}, or null if the method has none. */
    default long[] interval() {
        return null;
    }
}
