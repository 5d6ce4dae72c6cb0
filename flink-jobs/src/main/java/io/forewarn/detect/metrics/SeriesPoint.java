package io.forewarn.detect.metrics;

/**
 * One interval of one series: the aggregated value the series' models learn from. A Flink POJO,
 * serialised without Kryo.
 */
public class SeriesPoint {

    /** Series key: metric name and sorted labels ({@link SeriesKeys#series}). */
    public String series;

    public String metric;

    /** Name of the series' metric family. */
    public String family;

    public String service;

    /** Host, or null for a service-level series. */
    public String host;

    /** End of the interval (exclusive), epoch milliseconds. */
    public long timestamp;

    /** The interval's aggregated value (family aggregation). */
    public double value;

    /** Samples aggregated. */
    public int samples;

    public SeriesPoint() {}
}
