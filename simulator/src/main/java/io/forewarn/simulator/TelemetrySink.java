package io.forewarn.simulator;

/** Where simulated records go: Kafka, files, or a test's list. */
public interface TelemetrySink extends AutoCloseable {

    void send(TelemetryEvent event);

    /** Makes everything sent so far durable (e.g. Kafka producer flush). */
    default void flush() {}

    @Override
    default void close() {}
}
