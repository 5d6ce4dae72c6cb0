/**
 * Ingestion: decoders that turn the bytes of Forewarn's input topics (JSON from shippers, plain log
 * lines, Avro single-object encoding) into typed Avro records, the Kafka deserializer that
 * dead-letters whatever cannot be decoded with a precise reason, the splitter that separates typed
 * records, dead letters and late records, and the dead-letter topic encoding.
 *
 * <p>Accepted shapes, limits and dead-letter reasons: {@code docs/reference/input-formats.md}.
 */
package io.forewarn.ingest;
