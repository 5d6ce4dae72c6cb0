package io.forewarn.metrics.forecast;

import java.time.Duration;
import java.util.Arrays;

/** {@link PredictLinear} over a window as a {@link CrossingMethod}. */
public final class PredictLinearCrossing implements CrossingMethod {

    private final PredictLinear predictLinear;
    private final Duration window;
    private final Threshold threshold;
    private long[] times = new long[1024];
    private double[] values = new double[1024];
    private int size;

    public PredictLinearCrossing(Duration window, Threshold threshold) {
        this.predictLinear = new PredictLinear(window.toMillis());
        this.window = window;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "predict_linear[" + window.toHours() + "h]";
    }

    @Override
    public void add(long timestampMillis, double value) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        times[size] = timestampMillis;
        values[size] = value;
        size++;
    }

    @Override
    public long crossing(long now) {
        return size == 0 ? -1 : predictLinear.crossing(times, values, size - 1, now, threshold);
    }
}
