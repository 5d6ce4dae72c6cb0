package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Time-of-day baseline: one running mean per bin of the season (e.g. 48 half-hour bins of a day),
 * keyed by the point's own timestamp, so irregular spacing and repeated timestamps need no special
 * handling. Its residual exposes contextual anomalies (a missing daily peak, a flat stretch where
 * the series normally moves) that a short shingle cannot see.
 */
final class SeasonalBaseline {

    private final long seasonMillis;
    private final long binMillis;
    private final double alpha;
    private final double[] means;
    private final boolean[] seen;

    SeasonalBaseline(long seasonSeconds, long binSeconds, double alpha) {
        this.seasonMillis = seasonSeconds * 1000;
        this.binMillis = binSeconds * 1000;
        this.alpha = alpha;
        int bins = (int) (seasonSeconds / binSeconds);
        this.means = new double[bins];
        this.seen = new boolean[bins];
    }

    /** Expected value for this timestamp, or NaN while its bin has no history. */
    double expected(long timestampMillis) {
        int bin = bin(timestampMillis);
        return seen[bin] ? means[bin] : Double.NaN;
    }

    /** Residual of {@code value} against its bin (0 for a bin's first value), then learns it. */
    double update(long timestampMillis, double value) {
        int bin = bin(timestampMillis);
        if (!seen[bin]) {
            seen[bin] = true;
            means[bin] = value;
            return 0;
        }
        double residual = value - means[bin];
        means[bin] += alpha * residual;
        return residual;
    }

    private int bin(long timestampMillis) {
        return (int) (Math.floorMod(timestampMillis, seasonMillis) / binMillis);
    }

    void write(DataOutput out) throws IOException {
        for (int i = 0; i < means.length; i++) {
            out.writeBoolean(seen[i]);
            if (seen[i]) {
                out.writeDouble(means[i]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        for (int i = 0; i < means.length; i++) {
            seen[i] = in.readBoolean();
            means[i] = seen[i] ? in.readDouble() : 0;
        }
    }
}
