package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Stuck-value detector: the length of the current run of identical values, relative to the longest
 * run the series has recently shown (a decaying record). A series that never repeats itself and
 * then freezes scores high within a few points; a series that is often flat (integer counts, idle
 * gauges, a constant) learns long runs and stays quiet. Runs that began before the detector was
 * warm never count as anomalous.
 */
final class FlatlineTracker {

    private final double decay;
    private double previous = Double.NaN;
    private long run;
    private boolean runStartedWarm;
    private double longestRun;

    FlatlineTracker(int halfLife) {
        this.decay = Math.pow(0.5, 1.0 / halfLife);
    }

    /**
     * Ratio of the current run (points after the first one equal to it) to one more than the recent
     * longest run; 0 outside a run. Then learns the value.
     */
    double update(double value, boolean warm) {
        longestRun *= decay;
        if (value == previous) {
            run++;
        } else {
            longestRun = Math.max(longestRun, run);
            run = 0;
            runStartedWarm = warm;
        }
        previous = value;
        if (!runStartedWarm) {
            longestRun = Math.max(longestRun, run);
            return 0;
        }
        return run / (longestRun + 1);
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(previous);
        out.writeLong(run);
        out.writeBoolean(runStartedWarm);
        out.writeDouble(longestRun);
    }

    void read(DataInput in) throws IOException {
        previous = in.readDouble();
        run = in.readLong();
        runStartedWarm = in.readBoolean();
        longestRun = in.readDouble();
    }
}
