package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Reports an anomaly once, at its onset, then stays quiet for a suppression period (as HTM and
 * ARTime do): NAB rewards the earliest detection in a window and charges every further row.
 *
 * <p>It maps a combined severity (1 = at the detection threshold) to the anomaly score: onsets get
 * {@code 0.5 + 0.5 * (1 - 1/severity)} in [0.5, 1); every other point stays below 0.5, so any
 * threshold of at least 0.5 sees exactly one detection per episode.
 */
final class OnsetGate {

    private final int suppressionPoints;
    private long pointsSinceOnset = Long.MAX_VALUE / 2;

    OnsetGate(int suppressionPoints) {
        this.suppressionPoints = suppressionPoints;
    }

    /** Anomaly score for one point of the given severity; {@code eligible} false forbids onsets. */
    double score(double severity, boolean eligible) {
        pointsSinceOnset++;
        double bounded = Math.max(0, severity);
        if (eligible && bounded >= 1 && pointsSinceOnset > suppressionPoints) {
            pointsSinceOnset = 0;
            return 0.5 + 0.5 * (1 - 1 / bounded);
        }
        return 0.49 * Math.min(bounded, 1);
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(pointsSinceOnset);
    }

    void read(DataInput in) throws IOException {
        pointsSinceOnset = in.readLong();
    }
}
