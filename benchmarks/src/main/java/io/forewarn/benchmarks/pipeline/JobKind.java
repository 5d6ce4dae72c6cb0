package io.forewarn.benchmarks.pipeline;

/** The two jobs measured side by side. */
enum JobKind {
    /**
     * The job's Kafka sources with their deserializers (decoding and validating the shippers' JSON)
     * into a discarding sink: the baseline.
     */
    SOURCE_ONLY,
    /** The whole forewarn-detect job, exactly-once Kafka sinks included. */
    PIPELINE
}
