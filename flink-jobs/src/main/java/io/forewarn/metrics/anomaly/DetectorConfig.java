package io.forewarn.metrics.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Every knob of a {@link SeriesDetector}. One default ({@link #defaults()}) is used for all NAB
 * series; nothing is tuned per series. Instances are immutable; use {@link #builder()} or {@link
 * #toBuilder()} to derive variants.
 *
 * <p>Lengths are counted in accepted points (rows), durations in seconds of the series' own
 * timestamps.
 */
public final class DetectorConfig {

    /** Random Cut Forest: points per shingle (internal shingling of the univariate value). */
    public final int shingleSize;

    /** Random Cut Forest: number of trees. */
    public final int numberOfTrees;

    /** Random Cut Forest: points kept per tree. */
    public final int sampleSize;

    /** Random Cut Forest: sampler time decay (1 / effective memory in points). */
    public final double timeDecay;

    /** Random Cut Forest: seed, so runs are reproducible. */
    public final long randomSeed;

    /** Points before the detector is warm; it never reports an anomaly before then. */
    public final int warmupPoints;

    /** Memory (points) of the running mean/variance that calibrates each raw component score. */
    public final int calibrationMemory;

    /** Points averaged in the short-term mean that is compared with the calibration. */
    public final int shortWindow;

    /** Seasonal baseline: length of the season in seconds (one day). */
    public final long seasonSeconds;

    /** Seasonal baseline: width of a time-of-day bin in seconds. */
    public final long seasonBinSeconds;

    /** Seasonal baseline: weight of the newest value in its bin's running mean. */
    public final double seasonAlpha;

    /** Value envelope: half-life (points) of the decay of the running extremes to the mean. */
    public final int envelopeHalfLife;

    /** Value envelope: weight of the newest value in the running mean and variance. */
    public final double envelopeAlpha;

    /** Calibrated forest score (z units) that counts as an anomaly on its own. */
    public final double forestThreshold;

    /** Calibrated seasonal-residual score (z units) that counts as an anomaly on its own. */
    public final double seasonalThreshold;

    /** Envelope excess (value standard deviations beyond the running extremes) that counts. */
    public final double envelopeThreshold;

    /** Flatline: half-life (points) of the decaying record of the longest run of equal values. */
    public final int flatlineHalfLife;

    /** Flatline: run length, as a multiple of (record run + 1), that counts as an anomaly. */
    public final double flatlineThreshold;

    /** Points after a reported anomaly during which no new onset is reported. */
    public final int suppressionPoints;

    /** Shape novelty (Fuzzy ART): values per window. */
    public final int artWindow;

    /** Shape novelty: maximum number of categories (hyperboxes) kept; 0 disables the component. */
    public final int artCategories;

    /** Shape novelty: vigilance, the fuzzy match a window needs to resonate with a category. */
    public final double artVigilance;

    /** Shape novelty: learning rate of a resonating category. */
    public final double artLearningRate;

    /** Shape novelty: novelty (mean distance to the nearest category, in ranges) that counts. */
    public final double artThreshold;

    /** Shape novelty: creation rate above which novelty is scaled down (novelty is routine). */
    public final double artMaxCreationRate;

    /** Shape novelty: memory (points) of the running category-creation rate. */
    public final int artRateMemory;

    /** Shape novelty: the scaling range is at least this many steps of the series' resolution. */
    public final double artResolutionSteps;

    private DetectorConfig(Builder b) {
        this.shingleSize = positive("shingleSize", b.shingleSize);
        this.numberOfTrees = positive("numberOfTrees", b.numberOfTrees);
        this.sampleSize = positive("sampleSize", b.sampleSize);
        this.timeDecay = nonNegative("timeDecay", b.timeDecay);
        this.randomSeed = b.randomSeed;
        this.warmupPoints = positive("warmupPoints", b.warmupPoints);
        this.calibrationMemory = positive("calibrationMemory", b.calibrationMemory);
        this.shortWindow = positive("shortWindow", b.shortWindow);
        this.seasonSeconds = positive("seasonSeconds", b.seasonSeconds);
        this.seasonBinSeconds = positive("seasonBinSeconds", b.seasonBinSeconds);
        if (seasonSeconds % seasonBinSeconds != 0) {
            throw new IllegalArgumentException("seasonBinSeconds must divide seasonSeconds");
        }
        this.seasonAlpha = fraction("seasonAlpha", b.seasonAlpha);
        this.envelopeHalfLife = positive("envelopeHalfLife", b.envelopeHalfLife);
        this.envelopeAlpha = fraction("envelopeAlpha", b.envelopeAlpha);
        this.forestThreshold = positive("forestThreshold", b.forestThreshold);
        this.seasonalThreshold = positive("seasonalThreshold", b.seasonalThreshold);
        this.envelopeThreshold = positive("envelopeThreshold", b.envelopeThreshold);
        this.flatlineHalfLife = positive("flatlineHalfLife", b.flatlineHalfLife);
        this.flatlineThreshold = positive("flatlineThreshold", b.flatlineThreshold);
        this.suppressionPoints = (int) nonNegative("suppressionPoints", b.suppressionPoints);
        this.artWindow = positive("artWindow", b.artWindow);
        this.artCategories = (int) nonNegative("artCategories", b.artCategories);
        this.artVigilance = fraction("artVigilance", b.artVigilance);
        this.artLearningRate = fraction("artLearningRate", b.artLearningRate);
        this.artThreshold = positive("artThreshold", b.artThreshold);
        this.artMaxCreationRate = fraction("artMaxCreationRate", b.artMaxCreationRate);
        this.artRateMemory = positive("artRateMemory", b.artRateMemory);
        this.artResolutionSteps = nonNegative("artResolutionSteps", b.artResolutionSteps);
    }

    /** The single configuration evaluated on NAB. */
    public static DetectorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.shingleSize = shingleSize;
        b.numberOfTrees = numberOfTrees;
        b.sampleSize = sampleSize;
        b.timeDecay = timeDecay;
        b.randomSeed = randomSeed;
        b.warmupPoints = warmupPoints;
        b.calibrationMemory = calibrationMemory;
        b.shortWindow = shortWindow;
        b.seasonSeconds = seasonSeconds;
        b.seasonBinSeconds = seasonBinSeconds;
        b.seasonAlpha = seasonAlpha;
        b.envelopeHalfLife = envelopeHalfLife;
        b.envelopeAlpha = envelopeAlpha;
        b.forestThreshold = forestThreshold;
        b.seasonalThreshold = seasonalThreshold;
        b.envelopeThreshold = envelopeThreshold;
        b.flatlineHalfLife = flatlineHalfLife;
        b.flatlineThreshold = flatlineThreshold;
        b.suppressionPoints = suppressionPoints;
        b.artWindow = artWindow;
        b.artCategories = artCategories;
        b.artVigilance = artVigilance;
        b.artLearningRate = artLearningRate;
        b.artThreshold = artThreshold;
        b.artMaxCreationRate = artMaxCreationRate;
        b.artRateMemory = artRateMemory;
        b.artResolutionSteps = artResolutionSteps;
        return b;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(shingleSize);
        out.writeInt(numberOfTrees);
        out.writeInt(sampleSize);
        out.writeDouble(timeDecay);
        out.writeLong(randomSeed);
        out.writeInt(warmupPoints);
        out.writeInt(calibrationMemory);
        out.writeInt(shortWindow);
        out.writeLong(seasonSeconds);
        out.writeLong(seasonBinSeconds);
        out.writeDouble(seasonAlpha);
        out.writeInt(envelopeHalfLife);
        out.writeDouble(envelopeAlpha);
        out.writeDouble(forestThreshold);
        out.writeDouble(seasonalThreshold);
        out.writeDouble(envelopeThreshold);
        out.writeInt(flatlineHalfLife);
        out.writeDouble(flatlineThreshold);
        out.writeInt(suppressionPoints);
        out.writeInt(artWindow);
        out.writeInt(artCategories);
        out.writeDouble(artVigilance);
        out.writeDouble(artLearningRate);
        out.writeDouble(artThreshold);
        out.writeDouble(artMaxCreationRate);
        out.writeInt(artRateMemory);
        out.writeDouble(artResolutionSteps);
    }

    /** Reads a configuration written by {@link #write} (snapshot format 2). */
    static DetectorConfig read(DataInput in) throws IOException {
        return read(in, 2);
    }

    /**
     * Reads a configuration of the given snapshot format. Format 1 predates the shape-novelty
     * component: it is read with that component disabled, so a restored format-1 detector continues
     * exactly as it would have.
     */
    static DetectorConfig read(DataInput in, int format) throws IOException {
        Builder b = new Builder();
        b.shingleSize = in.readInt();
        b.numberOfTrees = in.readInt();
        b.sampleSize = in.readInt();
        b.timeDecay = in.readDouble();
        b.randomSeed = in.readLong();
        b.warmupPoints = in.readInt();
        b.calibrationMemory = in.readInt();
        b.shortWindow = in.readInt();
        b.seasonSeconds = in.readLong();
        b.seasonBinSeconds = in.readLong();
        b.seasonAlpha = in.readDouble();
        b.envelopeHalfLife = in.readInt();
        b.envelopeAlpha = in.readDouble();
        b.forestThreshold = in.readDouble();
        b.seasonalThreshold = in.readDouble();
        b.envelopeThreshold = in.readDouble();
        b.flatlineHalfLife = in.readInt();
        b.flatlineThreshold = in.readDouble();
        b.suppressionPoints = in.readInt();
        if (format >= 2) {
            b.artWindow = in.readInt();
            b.artCategories = in.readInt();
            b.artVigilance = in.readDouble();
            b.artLearningRate = in.readDouble();
            b.artThreshold = in.readDouble();
            b.artMaxCreationRate = in.readDouble();
            b.artRateMemory = in.readInt();
            b.artResolutionSteps = in.readDouble();
        } else {
            b.artCategories = 0;
        }
        return b.build();
    }

    private static int positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
        return v;
    }

    private static long positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
        return v;
    }

    private static double positive(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
        return v;
    }

    private static double nonNegative(String name, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + v);
        }
        return v;
    }

    private static double fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + v);
        }
        return v;
    }

    /** Mutable builder; every field starts at the NAB default. */
    public static final class Builder {
        private int shingleSize = 8;
        private int numberOfTrees = 30;
        private int sampleSize = 256;
        private double timeDecay = 1.0 / 2560;
        private long randomSeed = 42;
        private int warmupPoints = 300;
        private int calibrationMemory = 8000;
        private int shortWindow = 4;
        private long seasonSeconds = 86_400;
        private long seasonBinSeconds = 1_800;
        private double seasonAlpha = 0.25;
        private int envelopeHalfLife = 2_000;
        private double envelopeAlpha = 0.0005;
        private double forestThreshold = 4.5;
        private double seasonalThreshold = 7.0;
        private double envelopeThreshold = 0.7;
        private int flatlineHalfLife = 5_000;
        private double flatlineThreshold = 10.0;
        private int suppressionPoints = 120;
        private int artWindow = 8;
        private int artCategories = 128;
        private double artVigilance = 0.9;
        private double artLearningRate = 0.1;
        private double artThreshold = 0.15;
        private double artMaxCreationRate = 0.25;
        private int artRateMemory = 1_000;
        private double artResolutionSteps = 10;

        private Builder() {}

        public Builder shingleSize(int v) {
            shingleSize = v;
            return this;
        }

        public Builder numberOfTrees(int v) {
            numberOfTrees = v;
            return this;
        }

        public Builder sampleSize(int v) {
            sampleSize = v;
            return this;
        }

        public Builder timeDecay(double v) {
            timeDecay = v;
            return this;
        }

        public Builder randomSeed(long v) {
            randomSeed = v;
            return this;
        }

        public Builder warmupPoints(int v) {
            warmupPoints = v;
            return this;
        }

        public Builder calibrationMemory(int v) {
            calibrationMemory = v;
            return this;
        }

        public Builder shortWindow(int v) {
            shortWindow = v;
            return this;
        }

        public Builder seasonSeconds(long v) {
            seasonSeconds = v;
            return this;
        }

        public Builder seasonBinSeconds(long v) {
            seasonBinSeconds = v;
            return this;
        }

        public Builder seasonAlpha(double v) {
            seasonAlpha = v;
            return this;
        }

        public Builder envelopeHalfLife(int v) {
            envelopeHalfLife = v;
            return this;
        }

        public Builder envelopeAlpha(double v) {
            envelopeAlpha = v;
            return this;
        }

        public Builder forestThreshold(double v) {
            forestThreshold = v;
            return this;
        }

        public Builder seasonalThreshold(double v) {
            seasonalThreshold = v;
            return this;
        }

        public Builder envelopeThreshold(double v) {
            envelopeThreshold = v;
            return this;
        }

        public Builder flatlineHalfLife(int v) {
            flatlineHalfLife = v;
            return this;
        }

        public Builder flatlineThreshold(double v) {
            flatlineThreshold = v;
            return this;
        }

        public Builder suppressionPoints(int v) {
            suppressionPoints = v;
            return this;
        }

        public Builder artWindow(int v) {
            artWindow = v;
            return this;
        }

        public Builder artCategories(int v) {
            artCategories = v;
            return this;
        }

        public Builder artVigilance(double v) {
            artVigilance = v;
            return this;
        }

        public Builder artLearningRate(double v) {
            artLearningRate = v;
            return this;
        }

        public Builder artThreshold(double v) {
            artThreshold = v;
            return this;
        }

        public Builder artMaxCreationRate(double v) {
            artMaxCreationRate = v;
            return this;
        }

        public Builder artRateMemory(int v) {
            artRateMemory = v;
            return this;
        }

        public Builder artResolutionSteps(double v) {
            artResolutionSteps = v;
            return this;
        }

        /**
         * Sets one knob by its field name, e.g. {@code ("suppressionPoints", "100")}; for
         * command-line overrides in evaluations.
         */
        public Builder set(String name, String value) {
            switch (name) {
                case "shingleSize" -> shingleSize = Integer.parseInt(value);
                case "numberOfTrees" -> numberOfTrees = Integer.parseInt(value);
                case "sampleSize" -> sampleSize = Integer.parseInt(value);
                case "timeDecay" -> timeDecay = Double.parseDouble(value);
                case "randomSeed" -> randomSeed = Long.parseLong(value);
                case "warmupPoints" -> warmupPoints = Integer.parseInt(value);
                case "calibrationMemory" -> calibrationMemory = Integer.parseInt(value);
                case "shortWindow" -> shortWindow = Integer.parseInt(value);
                case "seasonSeconds" -> seasonSeconds = Long.parseLong(value);
                case "seasonBinSeconds" -> seasonBinSeconds = Long.parseLong(value);
                case "seasonAlpha" -> seasonAlpha = Double.parseDouble(value);
                case "envelopeHalfLife" -> envelopeHalfLife = Integer.parseInt(value);
                case "envelopeAlpha" -> envelopeAlpha = Double.parseDouble(value);
                case "forestThreshold" -> forestThreshold = Double.parseDouble(value);
                case "seasonalThreshold" -> seasonalThreshold = Double.parseDouble(value);
                case "envelopeThreshold" -> envelopeThreshold = Double.parseDouble(value);
                case "flatlineHalfLife" -> flatlineHalfLife = Integer.parseInt(value);
                case "flatlineThreshold" -> flatlineThreshold = Double.parseDouble(value);
                case "suppressionPoints" -> suppressionPoints = Integer.parseInt(value);
                case "artWindow" -> artWindow = Integer.parseInt(value);
                case "artCategories" -> artCategories = Integer.parseInt(value);
                case "artVigilance" -> artVigilance = Double.parseDouble(value);
                case "artLearningRate" -> artLearningRate = Double.parseDouble(value);
                case "artThreshold" -> artThreshold = Double.parseDouble(value);
                case "artMaxCreationRate" -> artMaxCreationRate = Double.parseDouble(value);
                case "artRateMemory" -> artRateMemory = Integer.parseInt(value);
                case "artResolutionSteps" -> artResolutionSteps = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown detector option: " + name);
            }
            return this;
        }

        public DetectorConfig build() {
            return new DetectorConfig(this);
        }
    }
}
