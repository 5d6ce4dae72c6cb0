package io.forewarn.metrics;

/**
 * The anomaly detector's verdict on one interval of one series, on its way to the entity's combined
 * assessment ({@link EntityAssessment}). A Flink POJO, serialised without Kryo.
 */
public class SeriesVerdict {

    /** Series key: metric name and sorted labels. */
    public String series;

    public String metric;

    /** Name of the series' {@link MetricFamily}. */
    public String family;

    public String service;

    /** Host, or null for a service-level series. */
    public String host;

    /** End of the interval (exclusive), epoch milliseconds. */
    public long timestamp;

    /** The interval's aggregated value. */
    public double value;

    /** Expected value and range (NaN while unknown). */
    public double expected;

    public double lower;
    public double upper;

    /** Instantaneous anomaly grade, 0..1 (0.5 = at the detection threshold). */
    public double grade;

    /** Onset score of the detector, 0..1. */
    public double anomalyScore;

    /** How much history backs the verdict, 0..1. */
    public double confidence;

    /** Whether the detector is past its warm-up. */
    public boolean warm;

    public SeriesVerdict() {}
}
