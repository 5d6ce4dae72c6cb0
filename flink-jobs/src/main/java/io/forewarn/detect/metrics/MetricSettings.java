package io.forewarn.detect.metrics;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.config.ConfigException;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.metrics.DetectorOverrides;
import io.forewarn.metrics.MetricFamilies;
import io.forewarn.metrics.MetricFamily;
import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.anomaly.DetectorConfig;
import io.forewarn.metrics.forecast.AlertPolicy;
import io.forewarn.metrics.forecast.ForecastConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the metrics stage ({@link MetricsStage}), read once from the configuration.
 *
 * @param interval aggregation interval of the series
 * @param staggerIntervals whether each entity's intervals are offset by a hash of the entity
 * @param idleTimeout series and entities without data for this long are evicted
 * @param families how each metric family is aggregated and modelled
 * @param maxSeries series models one parallel instance holds at most
 * @param modelCache series models one parallel instance keeps live on the heap
 * @param modelBoxCache share of a new model's forest bounding boxes kept cached
 * @param writeThrough whether a model is written to keyed state right after each point rather than
 *     at the next checkpoint: when checkpoints are at least as frequent as intervals a model is
 *     written once per point either way, and writing as points arrive spreads the work instead of
 *     stalling every checkpoint
 * @param detectorOverrides anomaly detector settings by name (over the evaluated defaults)
 * @param anomalyUpdateEvery an entity anomaly signal is repeated at most this often
 * @param quietIntervals intervals without anomalous series that end an anomaly episode
 * @param predictionConfidence entity confidence from which anomalies become predictions
 * @param predictionGrade grade of a failure family's series from which anomalies become predictions
 * @param predictionPersistence consecutive anomalous intervals of a failure family's series from
 *     which anomalies become predictions
 * @param forecast capacity forecaster settings
 * @param alerts when forecasts are signalled
 */
public record MetricSettings(
        Duration interval,
        boolean staggerIntervals,
        Duration idleTimeout,
        MetricFamilies families,
        int maxSeries,
        int modelCache,
        double modelBoxCache,
        boolean writeThrough,
        TreeMap<String, String> detectorOverrides,
        Duration anomalyUpdateEvery,
        int quietIntervals,
        double predictionConfidence,
        double predictionGrade,
        int predictionPersistence,
        ForecastConfig forecast,
        AlertPolicy alerts)
        implements Serializable {

    /** Points the forest must have scored before the detector may report (see {@link #from}). */
    static final int MIN_CALIBRATION_POINTS = 36;

    /** Reads and validates the metrics options. */
    public static MetricSettings from(ForewarnConfig config) {
        try {
            ForecastConfig forecast =
                    new ForecastConfig(
                            config.get(METRICS_FORECAST_BUCKET),
                            config.get(METRICS_FORECAST_HISTORY),
                            config.get(METRICS_FORECAST_SEASON),
                            config.get(METRICS_FORECAST_HARMONICS),
                            config.get(METRICS_FORECAST_HORIZON),
                            config.get(METRICS_FORECAST_MIN_HISTORY),
                            ForecastConfig.defaults().minSegment(),
                            ForecastConfig.defaults().intervalZ());
            AlertPolicy alerts =
                    new AlertPolicy(
                            config.get(METRICS_FORECAST_MIN_PROBABILITY),
                            config.get(METRICS_FORECAST_MIN_CONFIDENCE),
                            config.get(METRICS_FORECAST_CLEAR_AFTER),
                            config.get(METRICS_FORECAST_UPDATE_INTERVAL));
            MetricSettings settings =
                    new MetricSettings(
                            positive(METRICS_INTERVAL.key(), config.get(METRICS_INTERVAL)),
                            config.get(METRICS_INTERVAL_STAGGER),
                            positive(METRICS_IDLE_TIMEOUT.key(), config.get(METRICS_IDLE_TIMEOUT)),
                            MetricFamilies.configured(
                                    config.get(METRICS_FAMILIES),
                                    config.get(METRICS_BUILTIN_FAMILIES)),
                            atLeastOne(METRICS_MAX_SERIES.key(), config.get(METRICS_MAX_SERIES)),
                            atLeastOne(METRICS_MODEL_CACHE.key(), config.get(METRICS_MODEL_CACHE)),
                            share(
                                    METRICS_MODEL_BOX_CACHE.key(),
                                    config.get(METRICS_MODEL_BOX_CACHE)),
                            config.get(CHECKPOINT_INTERVAL).compareTo(config.get(METRICS_INTERVAL))
                                    <= 0,
                            new TreeMap<>(config.getOptional(METRICS_DETECTOR).orElse(Map.of())),
                            config.get(METRICS_ANOMALY_UPDATE_INTERVAL),
                            atLeastOne(
                                    METRICS_ANOMALY_QUIET_INTERVALS.key(),
                                    config.get(METRICS_ANOMALY_QUIET_INTERVALS)),
                            config.get(METRICS_ANOMALY_PREDICTION_CONFIDENCE),
                            config.get(METRICS_ANOMALY_PREDICTION_GRADE),
                            atLeastOne(
                                    METRICS_ANOMALY_PREDICTION_PERSISTENCE.key(),
                                    config.get(METRICS_ANOMALY_PREDICTION_PERSISTENCE)),
                            forecast,
                            alerts);
            DetectorConfig detector = settings.detector();
            int forestReady = detector.sampleSize / 4;
            if (detector.warmupPoints < forestReady + MIN_CALIBRATION_POINTS) {
                throw new IllegalArgumentException(
                        "the anomaly detector's warmupPoints ("
                                + detector.warmupPoints
                                + ") must be at least sampleSize / 4 + "
                                + MIN_CALIBRATION_POINTS
                                + " ("
                                + (forestReady + MIN_CALIBRATION_POINTS)
                                + "): its forest scores nothing for the first sampleSize / 4"
                                + " points, and a detector warm before the forest has scored"
                                + " for a while alarms on every series");
            }
            return settings;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid metrics settings: " + e.getMessage(), e);
        }
    }

    /** The anomaly detector's settings. */
    public DetectorConfig detector() {
        return DetectorOverrides.apply(detectorOverrides);
    }

    /** What the model of a series of {@code family} holds, with {@code detector} settings. */
    public ModelSpec spec(MetricFamily family, DetectorConfig detector) {
        return ModelSpec.of(family, detector, forecast, alerts)
                .withBoundingBoxCacheFraction(modelBoxCache);
    }

    private static double share(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, not " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
        return d;
    }

    private static int atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1");
        }
        return value;
    }
}
