package io.forewarn.benchmarks.metrics;

import com.amazon.randomcutforest.RandomCutForest;
import io.forewarn.metrics.Aggregation;
import io.forewarn.metrics.EntityAssessment;
import io.forewarn.metrics.IntervalAccumulator;
import io.forewarn.metrics.MetricFamilies;
import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.SeriesModel;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.metrics.anomaly.DetectorConfig;
import io.forewarn.metrics.anomaly.Result;
import io.forewarn.metrics.forecast.AlertPolicy;
import io.forewarn.metrics.forecast.ForecastConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The workload of {@link AnomalyStageBenchmark} and {@link PairedThroughput}: a seasonal stream
 * with occasional spikes, two samples per interval, run through the metrics anomaly stage or
 * through a bare Random Cut Forest of the same dimensions, trees and sample size. Both start warm.
 *
 * <p>One stage operation = one interval of one series: aggregate its two samples ({@link
 * IntervalAccumulator}, the features), run the series' {@link SeriesModel} (the models: forest,
 * calibration, seasonal baseline, envelope, flatline, onset gate), build its verdict and, every
 * fourth series, assess the entity of four series ({@link EntityAssessment}: thresholding and
 * attribution). Flink's own per-record cost is not part of either side.
 */
final class StageFixture {

    private static final int POINTS_PER_DAY = 1440;
    private static final int STREAM = 32 * POINTS_PER_DAY;
    private static final int ENTITY_SERIES = 4;
    private static final long START = 1_767_225_600_000L;
    private static final long MINUTE = 60_000;

    private final DetectorConfig config = DetectorConfig.defaults();
    private final MetricFamilies families = MetricFamilies.defaults();
    private double[][] samples;
    private float[] values;
    private int nextStage;
    private int nextBare;
    private SeriesModel model;
    private RandomCutForest forest;
    private final float[] point = new float[1];
    private final List<SeriesVerdict> entity = new ArrayList<>();

    /** A warm stage and a warm bare forest over the same stream. */
    StageFixture() {
        Random random = new Random(1);
        samples = new double[STREAM][2];
        values = new float[STREAM];
        for (int i = 0; i < STREAM; i++) {
            double level = 100 + 10 * Math.sin(2 * Math.PI * i / POINTS_PER_DAY);
            double spike = i % 997 == 500 ? 25 : 0;
            samples[i][0] = level + spike + 2 * random.nextGaussian();
            samples[i][1] = level + spike + 2 * random.nextGaussian();
            values[i] = (float) ((samples[i][0] + samples[i][1]) / 2);
        }
        model =
                SeriesModel.create(
                        ModelSpec.of(
                                families.named("gauges"),
                                config,
                                ForecastConfig.defaults(),
                                AlertPolicy.defaults()));
        forest =
                RandomCutForest.builder()
                        .dimensions(config.shingleSize)
                        .shingleSize(config.shingleSize)
                        .internalShinglingEnabled(true)
                        .numberOfTrees(config.numberOfTrees)
                        .sampleSize(config.sampleSize)
                        .timeDecay(config.timeDecay)
                        .randomSeed(config.randomSeed)
                        .build();
        for (int i = 0; i < 2 * config.warmupPoints; i++) { // both start warm
            stagePoint();
            bareForestPoint();
        }
    }

    private static int advance(int i) {
        return (i + 1) % STREAM;
    }

    /** One interval of one series through the stage. */
    double stagePoint() {
        int i = nextStage;
        nextStage = advance(i);
        long t = START + i * MINUTE;
        IntervalAccumulator interval = new IntervalAccumulator();
        interval.add(t, samples[i][0], Aggregation.MEAN);
        interval.add(t + MINUTE / 2, samples[i][1], Aggregation.MEAN);
        double value = interval.value(Aggregation.MEAN);
        Result r = model.update(t + MINUTE, value).anomaly();
        SeriesVerdict v = new SeriesVerdict();
        v.series = "s" + (i % ENTITY_SERIES);
        v.metric = "m";
        v.family = "gauges";
        v.service = "svc";
        v.timestamp = t + MINUTE;
        v.value = value;
        v.expected = r.expectedValue();
        v.lower = r.lowerBound();
        v.upper = r.upperBound();
        v.grade = r.grade();
        v.anomalyScore = r.anomalyScore();
        v.confidence = r.confidence();
        v.warm = r.warm();
        entity.add(v);
        double grade = 0;
        if (entity.size() == ENTITY_SERIES) {
            grade = EntityAssessment.of(entity, families).grade();
            entity.clear();
        }
        return r.anomalyScore() + grade;
    }

    /** One point through the bare forest. */
    double bareForestPoint() {
        point[0] = values[nextBare];
        nextBare = advance(nextBare);
        double score = forest.getAnomalyScore(point);
        forest.update(point);
        return score;
    }
}
