package io.forewarn.metrics.forecast;

/**
 * What a {@link CapacityForecaster} concluded when a bucket closed.
 *
 * @param status the conclusion
 * @param breach the crossing forecast when {@code status} is {@link Status#BREACH_EXPECTED} or
 *     {@link Status#BREACHED} (then expected at the forecast time), else null
 * @param probability probability of a crossing within the horizon (also for CLEAR, where it is
 *     below one half)
 * @param value the mean of the bucket that closed
 */
public record Outlook(Status status, Breach breach, double probability, double value) {

    /** The forecaster's conclusion. */
    public enum Status {
        /** Not enough history for a forecast yet. */
        WARMING_UP,
        /** No crossing expected within the horizon. */
        CLEAR,
        /** The expected path crosses the threshold within the horizon. */
        BREACH_EXPECTED,
        /** The series is at or beyond the threshold now. */
        BREACHED
    }
}
