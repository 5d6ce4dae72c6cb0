package io.forewarn.metrics.forecast;

import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.ForecastDescriptor;
import com.amazon.randomcutforest.parkservices.RCFCaster;
import com.amazon.randomcutforest.returntypes.RangeVector;

/**
 * RCFCaster (randomcutforest-parkservices) as a {@link CrossingMethod}: fed hourly means, a shingle
 * of one day, forecasting {@code horizonHours} steps; the crossing is the first forecast step at or
 * beyond the threshold.
 */
public final class RcfCasterCrossing implements CrossingMethod {

    private static final long HOUR = 3_600_000L;

    private final RCFCaster caster;
    private final TransformMethod transform;
    private final Threshold threshold;
    private long currentHour = Long.MIN_VALUE;
    private double sum;
    private int count;
    private RangeVector forecast;
    private long forecastFrom;

    public RcfCasterCrossing(TransformMethod transform, int horizonHours, Threshold threshold) {
        this.transform = transform;
        this.threshold = threshold;
        this.caster =
                RCFCaster.builder()
                        .dimensions(24)
                        .shingleSize(24)
                        .internalShinglingEnabled(true)
                        .numberOfTrees(30)
                        .sampleSize(256)
                        .forecastHorizon(horizonHours)
                        .transformMethod(transform)
                        .randomSeed(42)
                        .build();
    }

    @Override
    public String name() {
        return "RCFCaster " + transform;
    }

    @Override
    public void add(long timestampMillis, double value) {
        long hour = Math.floorDiv(timestampMillis, HOUR);
        if (count > 0 && hour != currentHour) {
            ForecastDescriptor d =
                    caster.process(new double[] {sum / count}, (currentHour + 1) * HOUR);
            if (d.getTimedForecast() != null) {
                forecast = d.getTimedForecast().rangeVector;
                forecastFrom = (currentHour + 1) * HOUR;
            }
            sum = 0;
            count = 0;
        }
        currentHour = hour;
        sum += value;
        count++;
    }

    @Override
    public long crossing(long now) {
        if (forecast == null || forecast.values.length == 0) {
            return -1;
        }
        for (int i = 0; i < forecast.values.length; i++) {
            if (threshold.breachedBy(forecast.values[i])) {
                return forecastFrom + i * HOUR;
            }
        }
        return -1;
    }
}
