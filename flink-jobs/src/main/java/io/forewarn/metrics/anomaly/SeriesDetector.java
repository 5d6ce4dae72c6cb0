package io.forewarn.metrics.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Streaming anomaly detector for one univariate series. Feed it the series' points in arrival order
 * with {@link #update(long, double)}; each call returns at once with that point's {@link Result}
 * and uses only the points up to and including it.
 *
 * <p>Five cheap views of the series feed one severity, each calibrated online against its own
 * history so that severities are comparable across series:
 *
 * <ul>
 *   <li>a Random Cut Forest over shingles of recent values (shape anomalies);
 *   <li>the residual against a time-of-day baseline (contextual anomalies: a missing daily peak, a
 *       flat day);
 *   <li>the excess over the running extremes of the value (record-breaking spikes, dips and level
 *       shifts);
 *   <li>the length of the current run of identical values against the series' recent record (a
 *       stuck sensor);
 *   <li>the novelty of the recent window's shape for an online Fuzzy ART model of the series'
 *       windows ({@link FuzzyArtNovelty}: bursts and regimes never seen before, a second model
 *       whose errors differ from the forest's).
 * </ul>
 *
 * The {@link OnsetGate} reports each episode once, at its onset. Per point the work is one forest
 * score and update, one pass over the Fuzzy ART categories (at most {@code artCategories × 2 ×
 * artWindow} min/add operations) and O(1) arithmetic.
 *
 * <p>Not thread-safe: use one instance per series and thread (e.g. per key in a keyed operator).
 * {@link #snapshot()} and {@link #restore(byte[])} move the full state, and a restored detector
 * continues with exactly the scores the original would have produced.
 */
public final class SeriesDetector {

    /**
     * Version written first in every snapshot. Format 2 added the shape-novelty component's
     * settings and state; format 1 snapshots still restore, with that component disabled.
     */
    public static final int FORMAT_VERSION = 2;

    private final DetectorConfig config;
    private final ForestScorer forest;
    private final ScoreCalibrator forestCalibrator;
    private final SeasonalBaseline seasonal;
    private final ScoreCalibrator seasonalCalibrator;
    private final ValueEnvelope envelope;
    private final FlatlineTracker flatline;
    private final OnsetGate gate;
    private final FuzzyArtNovelty novelty; // null when config.artCategories == 0
    private long points;

    /** Share of the forest's bounding boxes cached unless told otherwise: all, as a bare forest. */
    public static final double DEFAULT_BOUNDING_BOX_CACHE_FRACTION =
            ForestScorer.DEFAULT_BOUNDING_BOX_CACHE_FRACTION;

    /** A cold detector with the given settings. */
    public SeriesDetector(DetectorConfig config) {
        this(config, DEFAULT_BOUNDING_BOX_CACHE_FRACTION);
    }

    /**
     * A cold detector whose forest caches this share of its bounding boxes: less heap, more time
     * per point, the same scores ({@link ForestScorer#DEFAULT_BOUNDING_BOX_CACHE_FRACTION}).
     */
    public SeriesDetector(DetectorConfig config, double boundingBoxCacheFraction) {
        this(config, new ForestScorer(config, boundingBoxCacheFraction));
    }

    private SeriesDetector(DetectorConfig config, ForestScorer forest) {
        this.config = config;
        this.forest = forest;
        this.forestCalibrator = new ScoreCalibrator(config.calibrationMemory, config.shortWindow);
        this.seasonal =
                new SeasonalBaseline(
                        config.seasonSeconds, config.seasonBinSeconds, config.seasonAlpha);
        this.seasonalCalibrator = new ScoreCalibrator(config.calibrationMemory, config.shortWindow);
        this.envelope = new ValueEnvelope(config.envelopeHalfLife, config.envelopeAlpha);
        this.flatline = new FlatlineTracker(config.flatlineHalfLife);
        this.gate = new OnsetGate(config.suppressionPoints);
        this.novelty = config.artCategories == 0 ? null : FuzzyArtNovelty.of(config);
    }

    /** The settings of this detector. */
    public DetectorConfig config() {
        return config;
    }

    /** Number of finite values accepted so far. */
    public long pointsSeen() {
        return points;
    }

    /** Whether the detector has seen enough points to report anomalies. */
    public boolean isWarm() {
        return points >= config.warmupPoints;
    }

    /**
     * Scores one point, then learns it. Timestamps may repeat, be irregularly spaced or go
     * backwards; they only place the point in the time-of-day baseline. A NaN or infinite value is
     * skipped: the result is flagged {@link Result#skipped()} and the state is unchanged.
     *
     * @param timestampMillis the point's event time, epoch milliseconds
     * @param value the observed value
     */
    public Result update(long timestampMillis, double value) {
        boolean warm = isWarm();
        double confidence = Math.min(1.0, (double) points / config.warmupPoints);
        if (!Double.isFinite(value)) {
            return Result.skippedPoint(confidence, warm);
        }
        double expected = seasonal.expected(timestampMillis);
        if (Double.isNaN(expected)) {
            expected = points == 0 ? Double.NaN : envelope.mean();
        }
        double spread = 3 * Math.max(residualDeviation(), 1e-9 + 1e-3 * Math.abs(expected));

        double forestZ = forestCalibrator.update(forest.update(value));
        double residual = seasonal.update(timestampMillis, value);
        double seasonalZ = seasonalCalibrator.update(Math.abs(residual));
        double excess = envelope.update(value);
        double stuck = flatline.update(value, warm);
        double shapeNovelty = novelty == null ? 0 : novelty.update(value);
        points++;

        double severity =
                warm
                        ? max(
                                forestZ / config.forestThreshold,
                                seasonalZ / config.seasonalThreshold,
                                excess / config.envelopeThreshold,
                                stuck / config.flatlineThreshold,
                                shapeNovelty / config.artThreshold)
                        : 0;
        double score = gate.score(severity, warm);
        double grade = Math.max(0, severity) / (1 + Math.max(0, severity));
        return new Result(
                score,
                grade,
                confidence,
                expected,
                expected - spread,
                expected + spread,
                warm,
                false);
    }

    private static double max(double a, double b, double c, double d, double e) {
        return Math.max(Math.max(Math.max(a, b), Math.max(c, d)), e);
    }

    /** Standard deviation of the value around its time-of-day baseline (0 while unknown). */
    private double residualDeviation() {
        // the calibrator's running mean of |residual|; sqrt(pi/2) turns it into a Gaussian sigma
        return 1.2533 * seasonalCalibrator.mean();
    }

    /**
     * The full state as bytes: a format version, the settings, the forest (through the library's
     * state mapper, written field by field) and the small online statistics. No Java serialization.
     */
    public byte[] snapshot() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT_VERSION);
            config.write(out);
            out.writeLong(points);
            forest.write(out);
            forestCalibrator.write(out);
            seasonal.write(out);
            seasonalCalibrator.write(out);
            envelope.write(out);
            flatline.write(out);
            gate.write(out);
            if (novelty != null) {
                novelty.write(out);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write detector snapshot", e);
        }
    }

    /**
     * Rebuilds a detector from {@link #snapshot()} bytes.
     *
     * <p>Reads the current format and format 1 (written before the shape-novelty component existed;
     * such a detector is restored with that component disabled and continues exactly as before).
     *
     * @throws IllegalArgumentException if the bytes are not a snapshot of a supported version
     */
    public static SeriesDetector restore(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int version = in.readInt();
            if (version != FORMAT_VERSION && version != 1) {
                throw new IllegalArgumentException(
                        "unsupported detector snapshot version "
                                + version
                                + " (this build reads 1 to "
                                + FORMAT_VERSION
                                + ")");
            }
            DetectorConfig config = DetectorConfig.read(in, version);
            long points = in.readLong();
            SeriesDetector detector = new SeriesDetector(config, ForestScorer.read(in));
            detector.points = points;
            detector.forestCalibrator.read(in);
            detector.seasonal.read(in);
            detector.seasonalCalibrator.read(in);
            detector.envelope.read(in);
            detector.flatline.read(in);
            detector.gate.read(in);
            if (detector.novelty != null) {
                detector.novelty.read(in);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after detector snapshot");
            }
            return detector;
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt detector snapshot", e);
        }
    }
}
