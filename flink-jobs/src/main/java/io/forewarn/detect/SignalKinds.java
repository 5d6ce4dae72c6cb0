package io.forewarn.detect;

/** Signal kinds with a meaning for the prediction stage. */
public final class SignalKinds {

    private SignalKinds() {}

    /**
     * The condition behind a failure type is over for the entity: its open prediction becomes
     * RESOLVED.
     */
    public static final String RESOLVED = "resolved";

    /** The error rate of a service is far above its baseline. */
    public static final String ERROR_BURST = "error-burst";

    /** Metrics of an entity left their expected ranges (with the series that drove it). */
    public static final String ANOMALY = "anomaly";

    /** A capacity-like series is forecast to cross its threshold. */
    public static final String BREACH_FORECAST = "breach-forecast";
}
