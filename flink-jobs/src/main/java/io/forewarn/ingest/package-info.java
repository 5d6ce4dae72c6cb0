/**
 * Ingestion: decoders that turn the bytes of Forewarn's input topics (JSON from shippers, plain log
 * lines, Avro single-object encoding) into typed Avro records, the Kafka deserializer that
 * dead-letters whatever cannot be decoded with a precise reason, the splitter that separates typed
 * records, dead letters and late records, and the dead-letter topic encoding.
 *
 * <p>Wiring, per input topic: a {@code KafkaSource<Ingested>} with {@link
 * io.forewarn.ingest.IngestDeserializer} and {@link
 * io.forewarn.ingest.IngestWatermarks#boundedOutOfOrderness}, then {@link
 * io.forewarn.ingest.IngestSplitter}; the side outputs {@link
 * io.forewarn.ingest.IngestTags#DEAD_LETTERS} of all topics go to a {@code KafkaSink} with {@link
 * io.forewarn.ingest.DeadLetterSerializationSchema}.
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>One Kafka record is decoded or dead-lettered as a whole, never in part (for example when
 *       one sample of an OTLP batch has an implausible time): the dead letter then holds the
 *       complete original, and replaying it cannot duplicate records that already passed.
 *   <li>The deserializer decodes fully before it emits, so that an exception thrown by a chained
 *       operator behind the collector is not mistaken for bad input.
 *   <li>Decoders are plain Java without Flink, one class per shape, testable with byte arrays.
 *   <li>NaN and infinite metric values are dropped and counted rather than dead-lettered: they are
 *       routine in Prometheus data (staleness markers, empty summaries).
 * </ul>
 *
 * <p>Accepted shapes, limits and dead-letter reasons: {@code docs/reference/input-formats.md}.
 */
package io.forewarn.ingest;
