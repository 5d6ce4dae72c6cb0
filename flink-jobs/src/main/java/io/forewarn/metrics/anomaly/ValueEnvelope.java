package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Running upper and lower extremes of the value that slowly decay towards the running mean. A value
 * beyond them is a new record for the recent past; the excess, in running standard deviations,
 * measures how much it breaks the record. Large spikes, dips and level shifts score high; the
 * routine ups and downs of a spiky series do not, because they stay inside the envelope.
 */
final class ValueEnvelope {

    private final double decay;
    private final double alpha;
    private boolean started;
    private double mean;
    private double variance;
    private double upper;
    private double lower;

    ValueEnvelope(int halfLife, double alpha) {
        this.decay = Math.pow(0.5, 1.0 / halfLife);
        this.alpha = alpha;
    }

    /** Running mean of the value. */
    double mean() {
        return mean;
    }

    /** Excess of {@code value} beyond the envelope (negative inside it), then learns it. */
    double update(double value) {
        if (!started) {
            started = true;
            mean = value;
            upper = value;
            lower = value;
        }
        double scale = Math.sqrt(variance) + 1e-9 + 1e-3 * Math.abs(mean);
        double excess = Math.max(value - upper, lower - value) / scale;
        upper = Math.max(value, mean + (upper - mean) * decay);
        lower = Math.min(value, mean + (lower - mean) * decay);
        double delta = value - mean;
        mean += alpha * delta;
        variance = (1 - alpha) * (variance + alpha * delta * delta);
        return excess;
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(started);
        out.writeDouble(mean);
        out.writeDouble(variance);
        out.writeDouble(upper);
        out.writeDouble(lower);
    }

    void read(DataInput in) throws IOException {
        started = in.readBoolean();
        mean = in.readDouble();
        variance = in.readDouble();
        upper = in.readDouble();
        lower = in.readDouble();
    }
}
