package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Shape novelty from an online Fuzzy ART (adaptive resonance theory) model of the series' recent
 * windows, a second model whose errors differ from the forest's.
 *
 * <p>Each point forms a window of the last {@code window} values, scaled to [0, 1] by the running
 * minimum and maximum of the series and complement coded. The model keeps at most {@code capacity}
 * categories, each a hyperbox in the scaled window space. A window that lies inside or close to a
 * box (fuzzy match {@code |I ∧ w| / window >= vigilance}) resonates with it and slowly widens it
 * (learning rate); a window that matches no box becomes a new category (replacing the least
 * recently used one when full). The novelty of a point is {@code 1 - best match}: the mean
 * distance, in units of the series' range, from its window to the nearest learned box, so it is
 * comparable across series.
 *
 * <p>The range used for scaling is at least {@code resolutionSteps} times the series' resolution
 * (the smallest non-zero change between consecutive values seen so far), so that in a sparse count
 * series (mostly 0, now and then 1-3) a chance cluster of counts is not a new shape; for continuous
 * data the resolution is tiny and this floor has no effect.
 *
 * <p>Some series (white noise, for instance) create categories all the time; for them novelty is
 * routine. The novelty is therefore scaled down by {@code min(1, maxCreationRate / rate)}, where
 * {@code rate} is the exponentially weighted fraction of recent points that created a category.
 *
 * <p>Cost per point: {@code capacity × 2 × window} min/add operations (4,096 with the defaults).
 */
final class FuzzyArtNovelty {

    /** Choice-function regulariser of Fuzzy ART (small: prefers the tightest resonating box). */
    private static final double CHOICE_ALPHA = 1e-3;

    private final int window;
    private final int dims;
    private final int capacity;
    private final double vigilance;
    private final double learningRate;
    private final double maxCreationRate;
    private final double minRateAlpha;
    private final double resolutionSteps;

    private final double[] recent;
    private final double[] input;
    private final double[] weights;
    private final double[] sizes;
    private final long[] lastUsed;
    private int categories;
    private long count;
    private double low;
    private double high;
    private double creationRate;
    private double previous;
    private double resolution = Double.POSITIVE_INFINITY;

    FuzzyArtNovelty(
            int window,
            int capacity,
            double vigilance,
            double learningRate,
            double maxCreationRate,
            int rateMemory,
            double resolutionSteps) {
        this.window = window;
        this.dims = 2 * window;
        this.capacity = capacity;
        this.vigilance = vigilance;
        this.learningRate = learningRate;
        this.maxCreationRate = maxCreationRate;
        this.minRateAlpha = 1.0 / rateMemory;
        this.resolutionSteps = resolutionSteps;
        this.recent = new double[window];
        this.input = new double[dims];
        this.weights = new double[capacity * dims];
        this.sizes = new double[capacity];
        this.lastUsed = new long[capacity];
    }

    /** A model with the shape-novelty settings of {@code config}. */
    static FuzzyArtNovelty of(DetectorConfig config) {
        return new FuzzyArtNovelty(
                config.artWindow,
                config.artCategories,
                config.artVigilance,
                config.artLearningRate,
                config.artMaxCreationRate,
                config.artRateMemory,
                config.artResolutionSteps);
    }

    /** Scaled novelty of the window ending at {@code value} (0 = familiar), then learns it. */
    double update(double value) {
        long index = count++;
        if (index == 0) {
            low = value;
            high = value;
        } else if (value != previous) {
            resolution = Math.min(resolution, Math.abs(value - previous));
        }
        previous = value;
        low = Math.min(low, value);
        high = Math.max(high, value);
        System.arraycopy(recent, 1, recent, 0, window - 1);
        recent[window - 1] = value;

        double rateBefore = creationRate;
        boolean created = false;
        double novelty = 0;
        if (index >= window - 1) {
            double floor =
                    resolution == Double.POSITIVE_INFINITY ? 0 : resolutionSteps * resolution;
            double range = Math.max(Math.max(high - low, floor), 1e-12);
            for (int d = 0; d < window; d++) {
                double x = Math.min(1.0, Math.max(0.0, (recent[d] - low) / range));
                input[d] = x;
                input[window + d] = 1 - x;
            }
            if (categories == 0) {
                learnNew(0, index);
                categories = 1;
            } else {
                double bestMatch = Double.NEGATIVE_INFINITY;
                int chosen = -1;
                double chosenChoice = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < categories; j++) {
                    int base = j * dims;
                    double overlap = 0;
                    for (int d = 0; d < dims; d++) {
                        double w = weights[base + d];
                        double x = input[d];
                        overlap += w < x ? w : x; // min without Math.min's NaN/-0.0 handling
                    }
                    double match = overlap / window;
                    if (match > bestMatch) {
                        bestMatch = match;
                    }
                    if (match >= vigilance) {
                        double choice = overlap / (CHOICE_ALPHA + sizes[j]);
                        if (choice > chosenChoice) {
                            chosenChoice = choice;
                            chosen = j;
                        }
                    }
                }
                novelty = 1 - bestMatch;
                if (chosen >= 0) {
                    int base = chosen * dims;
                    double size = 0;
                    for (int d = 0; d < dims; d++) {
                        double w = weights[base + d];
                        w = learningRate * Math.min(w, input[d]) + (1 - learningRate) * w;
                        weights[base + d] = w;
                        size += w;
                    }
                    sizes[chosen] = size;
                    lastUsed[chosen] = index;
                } else {
                    created = true;
                    int slot;
                    if (categories < capacity) {
                        slot = categories++;
                    } else {
                        slot = 0;
                        for (int j = 1; j < categories; j++) {
                            if (lastUsed[j] < lastUsed[slot]) {
                                slot = j;
                            }
                        }
                    }
                    learnNew(slot, index);
                }
            }
        }
        double alpha = Math.max(minRateAlpha, 1.0 / (index + 1));
        creationRate += alpha * ((created ? 1 : 0) - creationRate);
        return novelty * Math.min(1.0, maxCreationRate / Math.max(rateBefore, 1e-9));
    }

    private void learnNew(int slot, long index) {
        System.arraycopy(input, 0, weights, slot * dims, dims);
        sizes[slot] = window;
        lastUsed[slot] = index;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(low);
        out.writeDouble(high);
        out.writeDouble(creationRate);
        out.writeDouble(previous);
        out.writeDouble(resolution);
        for (double v : recent) {
            out.writeDouble(v);
        }
        out.writeInt(categories);
        for (int j = 0; j < categories; j++) {
            out.writeDouble(sizes[j]);
            out.writeLong(lastUsed[j]);
            for (int d = 0; d < dims; d++) {
                out.writeDouble(weights[j * dims + d]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        count = in.readLong();
        low = in.readDouble();
        high = in.readDouble();
        creationRate = in.readDouble();
        previous = in.readDouble();
        resolution = in.readDouble();
        for (int d = 0; d < window; d++) {
            recent[d] = in.readDouble();
        }
        categories = in.readInt();
        if (categories < 0 || categories > capacity) {
            throw new IOException("invalid category count " + categories);
        }
        for (int j = 0; j < categories; j++) {
            sizes[j] = in.readDouble();
            lastUsed[j] = in.readLong();
            for (int d = 0; d < dims; d++) {
                weights[j * dims + d] = in.readDouble();
            }
        }
    }
}
