package io.forewarn.metrics;

import io.forewarn.metrics.anomaly.DetectorConfig;
import io.forewarn.metrics.anomaly.SeriesDetector;
import io.forewarn.metrics.forecast.AlertPolicy;
import io.forewarn.metrics.forecast.ForecastConfig;
import io.forewarn.metrics.forecast.Threshold;

/**
 * What a {@link SeriesModel} holds for the series of one family.
 *
 * @param detector settings of the anomaly detector, or null for no anomaly detection
 * @param forecast settings of the capacity forecaster (its horizon already the family's), or null
 *     for no forecasting
 * @param threshold the limit forecasts watch (null for deadlines and without forecasting)
 * @param deadline whether the value is the epoch second of the failure itself
 * @param alerts when forecasts become alerts
 * @param boundingBoxCacheFraction share of the anomaly forest's bounding boxes kept cached (heap
 *     against time; scores do not depend on it)
 */
public record ModelSpec(
        DetectorConfig detector,
        ForecastConfig forecast,
        Threshold threshold,
        boolean deadline,
        AlertPolicy alerts,
        double boundingBoxCacheFraction) {

    /** Anomaly detection only: what the NAB evaluation runs. */
    public static ModelSpec anomalyOnly(DetectorConfig detector) {
        return new ModelSpec(
                detector,
                null,
                null,
                false,
                AlertPolicy.defaults(),
                SeriesDetector.DEFAULT_BOUNDING_BOX_CACHE_FRACTION);
    }

    /** The spec of a family's series, with the job's detector, forecast and alert settings. */
    public static ModelSpec of(
            MetricFamily family,
            DetectorConfig detector,
            ForecastConfig forecast,
            AlertPolicy alerts) {
        ForecastConfig forecasting =
                !family.forecasts()
                        ? null
                        : family.horizon() == null
                                ? forecast
                                : forecast.withHorizon(family.horizon());
        return new ModelSpec(
                family.detectsAnomalies() ? detector : null,
                forecasting,
                family.capacity(),
                family.deadline(),
                alerts,
                SeriesDetector.DEFAULT_BOUNDING_BOX_CACHE_FRACTION);
    }

    /** This spec with its anomaly forest caching the given share of its bounding boxes. */
    public ModelSpec withBoundingBoxCacheFraction(double fraction) {
        return new ModelSpec(detector, forecast, threshold, deadline, alerts, fraction);
    }

    /** Whether the spec forecasts crossings (by trend or by deadline). */
    public boolean forecasts() {
        return forecast != null;
    }
}
