package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns a raw, series-specific score stream into z units that are comparable across series: the
 * mean of the last few raw scores, standardised by the running mean and variance of all raw scores
 * (the anomaly-likelihood idea of the NAB/HTM paper, with an exponentially weighted history instead
 * of a sliding window, so the state is O(short window)).
 */
final class ScoreCalibrator {

    private final double minAlpha;
    private final double[] recent;
    private int recentCount;
    private int recentNext;
    private double recentSum;
    private long count;
    private double mean;
    private double variance;

    ScoreCalibrator(int memory, int shortWindow) {
        this.minAlpha = 1.0 / memory;
        this.recent = new double[shortWindow];
    }

    /** Running mean of the raw scores. */
    double mean() {
        return mean;
    }

    /**
     * Calibrated score of {@code raw} against the history before it, then adds {@code raw} to the
     * history.
     */
    double update(double raw) {
        if (recentCount == recent.length) {
            recentSum -= recent[recentNext];
        } else {
            recentCount++;
        }
        recent[recentNext] = raw;
        recentSum += raw;
        recentNext = (recentNext + 1) % recent.length;

        double z = (recentSum / recentCount - mean) / Math.sqrt(Math.max(variance, 1e-12));
        double alpha = Math.max(minAlpha, 1.0 / (count + 1));
        double delta = raw - mean;
        mean += alpha * delta;
        variance = (1 - alpha) * (variance + alpha * delta * delta);
        count++;
        return z;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(recentCount);
        out.writeInt(recentNext);
        for (int i = 0; i < recentCount; i++) {
            out.writeDouble(recent[i]);
        }
        out.writeDouble(recentSum);
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(variance);
    }

    void read(DataInput in) throws IOException {
        recentCount = in.readInt();
        recentNext = in.readInt();
        for (int i = 0; i < recentCount; i++) {
            recent[i] = in.readDouble();
        }
        recentSum = in.readDouble();
        count = in.readLong();
        mean = in.readDouble();
        variance = in.readDouble();
    }
}
