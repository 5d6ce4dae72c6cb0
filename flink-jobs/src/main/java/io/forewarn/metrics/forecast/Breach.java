package io.forewarn.metrics.forecast;

/**
 * A forecast that a series will cross its {@link Threshold}: when, between when, and how likely
 * within the forecast horizon. Times are epoch milliseconds.
 *
 * @param forecastAt time the forecast was made (end of the last bucket it used)
 * @param expectedAt when the expected path of the series crosses the threshold
 * @param earliestAt the earliest crossing within the interval (the pessimistic path)
 * @param latestAt the latest crossing within the interval (the optimistic path); the end of the
 *     horizon when the optimistic path does not cross within it
 * @param probability probability that the series crosses the threshold within the horizon
 * @param level the series' current level (trend at {@code forecastAt}, without its daily cycle)
 * @param slopePerHour the current trend, in the metric's unit per hour
 * @param confidence how much history stands behind the forecast, 0..1 (1 once a full season of
 *     history is known)
 */
public record Breach(
        long forecastAt,
        long expectedAt,
        long earliestAt,
        long latestAt,
        double probability,
        double level,
        double slopePerHour,
        double confidence) {}
