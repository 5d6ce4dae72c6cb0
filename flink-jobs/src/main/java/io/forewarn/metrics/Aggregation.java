package io.forewarn.metrics;

/** How the samples of one series within one interval become the interval's value. */
public enum Aggregation {
    /** Mean of the samples (gauges). */
    MEAN,
    /** Largest sample (usage ratios, queue depths: the worst moment counts). */
    MAX,
    /** Smallest sample (free space, time left). */
    MIN,
    /** 99th percentile of the samples (latencies). */
    P99,
    /** Per-second increase of a counter since the previous interval, counter resets allowed. */
    RATE,
    /** The latest sample. */
    LAST,
    /** Not modelled at all (e.g. histogram buckets). */
    SKIP
}
