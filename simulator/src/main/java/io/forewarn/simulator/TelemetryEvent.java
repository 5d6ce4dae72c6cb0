package io.forewarn.simulator;

/**
 * One simulated record as a shipper would write it to Kafka.
 *
 * @param topic where it goes
 * @param timestamp its event time, epoch milliseconds
 * @param key the Kafka key (entity), may be null
 * @param value the payload (JSON in a real shipper's format)
 */
public record TelemetryEvent(Topic topic, long timestamp, String key, byte[] value) {}
