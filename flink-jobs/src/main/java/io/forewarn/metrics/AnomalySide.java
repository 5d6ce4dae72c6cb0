package io.forewarn.metrics;

/** Which deviations of a series from its expected range count as anomalies. */
public enum AnomalySide {
    /** Only values above the expected range (latency, errors, usage). */
    HIGH,
    /** Only values below it (throughput, free space). */
    LOW,
    /** Both directions. */
    BOTH,
    /** No anomaly detection for the family (forecasting only). */
    OFF;

    /** Whether a deviation of {@code value} from {@code expected} counts on this side. */
    public boolean counts(double value, double expected) {
        return switch (this) {
            case HIGH -> Double.isNaN(expected) || value >= expected;
            case LOW -> Double.isNaN(expected) || value <= expected;
            case BOTH -> true;
            case OFF -> false;
        };
    }
}
