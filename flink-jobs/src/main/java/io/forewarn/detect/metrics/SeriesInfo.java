package io.forewarn.detect.metrics;

/**
 * Keyed state of {@link MetricAggregator} for one series: what the series is, the last counter
 * sample (for rates across intervals) and its progress. A Flink POJO, serialised without Kryo.
 */
public class SeriesInfo {

    public String metric;
    public String family;
    public String service;
    public String host;

    /** Largest sample time seen. */
    public long lastSample = Long.MIN_VALUE;

    /** Start of the last interval emitted; samples of it or earlier are late. */
    public long lastEmitted = Long.MIN_VALUE;

    /** Whether a counter sample of an earlier interval is known. */
    public boolean hasCounter;

    public long counterTimestamp;
    public double counterValue;

    /** The pending idle-check timer, or Long.MIN_VALUE. */
    public long idleTimer = Long.MIN_VALUE;

    public SeriesInfo() {}
}
