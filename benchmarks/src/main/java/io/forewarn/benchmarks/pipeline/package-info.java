/**
 * The end-to-end performance harness of the detection job ({@link
 * io.forewarn.benchmarks.pipeline.PipelineBenchmark}): sustainable throughput against a source-only
 * baseline, event-to-prediction latency, heap and checkpoint size at steady load; a real Kafka
 * broker and a Flink mini cluster. See benchmarks/README.md.
 */
package io.forewarn.benchmarks.pipeline;
