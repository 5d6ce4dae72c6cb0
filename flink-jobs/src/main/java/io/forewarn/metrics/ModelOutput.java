package io.forewarn.metrics;

import io.forewarn.metrics.anomaly.Result;
import io.forewarn.metrics.forecast.BreachAlerts;
import io.forewarn.metrics.forecast.Outlook;

/**
 * What a {@link SeriesModel} says about one point.
 *
 * @param anomaly the anomaly detector's result, or null without anomaly detection
 * @param outlook a new forecast (when the point closed a forecast bucket), else null
 * @param alert what to report about the forecast ({@link BreachAlerts.Action#NONE} without one)
 */
public record ModelOutput(Result anomaly, Outlook outlook, BreachAlerts.Action alert) {}
