package io.forewarn.simulator;

/** How a service's logs reach Kafka: the shipper and its record shape. */
public enum LogFormat {
    /** Filebeat / Elastic Agent ECS JSON, dotted keys. */
    ECS,
    /** Vector's {@code kubernetes_logs} source, JSON. */
    VECTOR,
    /** Fluent Bit's kubernetes filter, JSON. */
    FLUENT_BIT,
    /** Plain Logback lines; they name no host. */
    PLAIN;

    /** Renders one log record of a service in this format. */
    public TelemetryEvent render(
            long time,
            String service,
            String host,
            String level,
            String logger,
            String thread,
            String message) {
        switch (this) {
            case VECTOR:
                return Formats.vectorLog(time, service, host, level, logger, thread, message);
            case FLUENT_BIT:
                return Formats.fluentBitLog(time, service, host, level, logger, thread, message);
            case PLAIN:
                return Formats.plainLog(time, service, level, logger, thread, message);
            default:
                return Formats.ecsLog(time, service, host, level, logger, thread, message);
        }
    }
}
