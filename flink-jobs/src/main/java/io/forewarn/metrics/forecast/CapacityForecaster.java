package io.forewarn.metrics.forecast;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Forecasts when a capacity-like series (disk or memory used, open file descriptors, pool usage,
 * queue depth, seconds of certificate validity left) crosses its {@link Threshold}, with an
 * interval and a probability, from a robust trend plus daily-seasonal model.
 *
 * <p>Points are averaged into buckets ({@link ForecastConfig#bucket()}); a bounded ring keeps the
 * buckets of the last {@link ForecastConfig#history()}. Each time a bucket closes the model is
 * refitted ({@link TrendSeasonalFit}): a linear trend plus Fourier terms of the daily cycle (once a
 * full cycle is known), and, when it explains the history better by the Bayesian information
 * criterion, a trend change — the current trend is then fitted on the recent segment only, so a
 * leak that starts, a cleanup or growth that slows are followed within hours instead of being
 * averaged with the past. Two Huber reweighting passes make the fit robust to spikes.
 *
 * <p>The crossing is searched on the fitted path (trend plus the season at each future time, so a
 * daily peak crosses first); the interval comes from the uncertainty of level and slope, inflated
 * for autocorrelated residuals; the probability is that of the path crossing within the horizon.
 *
 * <p>Not thread-safe; one instance per series. State is O(history buckets).
 */
public final class CapacityForecaster {

    private static final double HOUR = 3_600_000.0;
    private static final int ROBUST_PASSES = 2;
    private static final double HUBER_K = 1.5;
    private static final double MAX_INFLATION = 25;

    private final ForecastConfig config;
    private final Threshold threshold;
    private final long bucketMillis;
    private final int capacity;
    private final long[] buckets;
    private final double[] means;
    private int head;
    private int size;
    private long currentBucket = Long.MIN_VALUE;
    private double currentSum;
    private int currentCount;

    /** A forecaster without history. */
    public CapacityForecaster(ForecastConfig config, Threshold threshold) {
        this.config = config;
        this.threshold = threshold;
        this.bucketMillis = config.bucket().toMillis();
        this.capacity = config.historyBuckets();
        this.buckets = new long[capacity];
        this.means = new double[capacity];
    }

    /**
     * Adds one point. Returns the new outlook when the point closed a bucket (the first point of a
     * later bucket), otherwise null. Points of a bucket older than the current one are ignored,
     * non-finite values too.
     */
    public Outlook update(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        long bucket = Math.floorDiv(timestampMillis, bucketMillis);
        if (currentCount > 0 && bucket < currentBucket) {
            return null;
        }
        Outlook outlook = null;
        if (currentCount > 0 && bucket > currentBucket) {
            outlook = closeBucket();
        }
        if (currentCount == 0 || bucket > currentBucket) {
            currentBucket = bucket;
            currentSum = 0;
            currentCount = 0;
        }
        currentSum += value;
        currentCount++;
        return outlook;
    }

    private Outlook closeBucket() {
        double mean = currentSum / currentCount;
        int slot = (head + size) % capacity;
        if (size == capacity) {
            head = (head + 1) % capacity;
        } else {
            size++;
        }
        buckets[slot] = currentBucket;
        means[slot] = mean;
        currentCount = 0;
        return forecast((currentBucket + 1) * bucketMillis, mean);
    }

    /** The outlook at {@code now} from the closed buckets. */
    private Outlook forecast(long now, double lastMean) {
        if (threshold.breachedBy(lastMean)) {
            Breach now0 = new Breach(now, now, now, now, 1.0, lastMean, 0, 1.0);
            return new Outlook(Outlook.Status.BREACHED, now0, 1.0, lastMean);
        }
        long oldestAllowed = Math.floorDiv(now - config.history().toMillis(), bucketMillis);
        int n = 0;
        double[] tau = new double[size];
        double[] theta = new double[size];
        double[] y = new double[size];
        long first = Long.MAX_VALUE;
        for (int k = 0; k < size; k++) {
            int slot = (head + k) % capacity;
            if (buckets[slot] < oldestAllowed) {
                continue;
            }
            long center = buckets[slot] * bucketMillis + bucketMillis / 2;
            first = Math.min(first, buckets[slot] * bucketMillis);
            tau[n] = (center - now) / HOUR;
            theta[n] = phase(center);
            y[n] = means[slot];
            n++;
        }
        long span = n == 0 ? 0 : now - first;
        if (n < 4 || span < config.minHistory().toMillis()) {
            return new Outlook(Outlook.Status.WARMING_UP, null, 0, lastMean);
        }
        long season = config.season().toMillis();
        int harmonics = span >= season ? config.harmonics() : 0;
        double confidence = Math.min(1.0, (double) span / season);

        double[][] seasonal = new double[n][];
        for (int i = 0; i < n; i++) {
            seasonal[i] = TrendSeasonalFit.seasonalFeatures(theta[i], harmonics);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        int changeAt = chooseChange(tau, seasonal, y, w, n, harmonics);
        TrendSeasonalFit fit = TrendSeasonalFit.fit(tau, seasonal, y, w, n, harmonics, changeAt);
        if (fit == null) {
            return new Outlook(Outlook.Status.WARMING_UP, null, 0, lastMean);
        }
        double[] residuals = new double[n];
        for (int pass = 0; pass < ROBUST_PASSES; pass++) {
            residuals(fit, tau, seasonal, y, n, changeAt, residuals);
            double scale = 1.4826 * medianAbsolute(residuals, n) + 1e-12;
            for (int i = 0; i < n; i++) {
                double r = Math.abs(residuals[i]) / (HUBER_K * scale);
                w[i] = r <= 1 ? 1.0 : 1.0 / r;
            }
            TrendSeasonalFit robust =
                    TrendSeasonalFit.fit(tau, seasonal, y, w, n, harmonics, changeAt);
            if (robust == null) {
                break;
            }
            fit = robust;
        }
        residuals(fit, tau, seasonal, y, n, changeAt, residuals);
        double inflation = autocorrelationInflation(residuals, n);
        double variance = fit.residualVariance() * inflation;
        return crossing(fit, now, variance, confidence, lastMean);
    }

    /** Index of the first point after the best trend change, or -1 when none pays off. */
    private int chooseChange(
            double[] tau, double[][] seasonal, double[] y, double[] w, int n, int harmonics) {
        TrendSeasonalFit base = TrendSeasonalFit.fit(tau, seasonal, y, w, n, harmonics, -1);
        if (base == null) {
            return -1;
        }
        double best = bic(base, n, false);
        int bestAt = -1;
        double minSegmentHours = config.minSegment().toMillis() / HOUR;
        double step = Math.max(bucketMillis / HOUR, minSegmentHours / 3);
        double nextCandidate = Double.NEGATIVE_INFINITY;
        for (int j = 4; j < n - 3; j++) {
            if (tau[j] > -minSegmentHours) {
                break;
            }
            if (tau[j] < nextCandidate) {
                continue;
            }
            nextCandidate = tau[j] + step;
            TrendSeasonalFit changed = TrendSeasonalFit.fit(tau, seasonal, y, w, n, harmonics, j);
            if (changed != null) {
                double score = bic(changed, n, true);
                if (score < best) {
                    best = score;
                    bestAt = j;
                }
            }
        }
        return bestAt;
    }

    /** Bayesian information criterion; a change also pays for its (searched) location. */
    private static double bic(TrendSeasonalFit fit, int n, boolean change) {
        double k = fit.parameters() + (change ? 2 : 0);
        return n * Math.log(Math.max(fit.sse(), 1e-300) / n) + k * Math.log(n);
    }

    private Outlook crossing(
            TrendSeasonalFit fit, long now, double variance, double confidence, double lastMean) {
        double level = fit.level();
        double slope = fit.slope();
        double varL = variance * fit.levelVarianceFactor();
        double varS = variance * fit.slopeVarianceFactor();
        double cov = variance * fit.levelSlopeCovarianceFactor();
        double z = config.intervalZ();
        double stepHours = bucketMillis / HOUR;
        double horizonHours = config.horizon().toMillis() / HOUR;

        double expected = Double.NaN;
        double earliest = Double.NaN;
        double latest = Double.NaN;
        double bestMargin = Double.NEGATIVE_INFINITY;
        double prevE = Double.NaN;
        double prevUpper = Double.NaN;
        double prevLower = Double.NaN;
        double prevTau = 0;
        for (double tau = stepHours; tau <= horizonHours + 1e-9; tau += stepHours) {
            double mean = level + slope * tau + fit.season(phase(now + (long) (tau * HOUR)));
            double sd = Math.sqrt(Math.max(varL + tau * tau * varS + 2 * tau * cov, 1e-24));
            double e = threshold.excess(mean);
            bestMargin = Math.max(bestMargin, e / sd);
            if (Double.isNaN(expected) && e >= 0) {
                expected = interpolate(prevTau, prevE, tau, e);
            }
            if (Double.isNaN(earliest) && e + z * sd >= 0) {
                earliest = interpolate(prevTau, prevUpper, tau, e + z * sd);
            }
            if (Double.isNaN(latest) && e - z * sd >= 0) {
                latest = interpolate(prevTau, prevLower, tau, e - z * sd);
            }
            prevE = e;
            prevUpper = e + z * sd;
            prevLower = e - z * sd;
            prevTau = tau;
        }
        double probability = normalCdf(bestMargin);
        if (Double.isNaN(expected)) {
            return new Outlook(Outlook.Status.CLEAR, null, probability, lastMean);
        }
        if (Double.isNaN(latest)) {
            latest = horizonHours;
        }
        Breach breach =
                new Breach(
                        now,
                        now + (long) (expected * HOUR),
                        now + (long) (Math.min(earliest, expected) * HOUR),
                        now + (long) (Math.max(latest, expected) * HOUR),
                        probability,
                        level,
                        slope,
                        confidence);
        return new Outlook(Outlook.Status.BREACH_EXPECTED, breach, probability, lastMean);
    }

    /** Where the excess, linear between two steps, reaches 0 (the later step if unknown). */
    private static double interpolate(double t0, double e0, double t1, double e1) {
        if (Double.isNaN(e0) || e1 <= e0) {
            return t1;
        }
        return t0 + (t1 - t0) * (-e0) / (e1 - e0);
    }

    private double phase(long timeMillis) {
        long season = config.season().toMillis();
        return 2 * Math.PI * Math.floorMod(timeMillis, season) / season;
    }

    private static void residuals(
            TrendSeasonalFit fit,
            double[] tau,
            double[][] seasonal,
            double[] y,
            int n,
            int changeAt,
            double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = y[i] - fit.fitted(tau[i], seasonal[i], changeAt < 0 || i >= changeAt);
        }
    }

    /** Variance inflation for lag-1 autocorrelated residuals: (1 + ρ) / (1 - ρ), ρ ≥ 0. */
    private static double autocorrelationInflation(double[] r, int n) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            den += r[i] * r[i];
            if (i > 0) {
                num += r[i] * r[i - 1];
            }
        }
        double rho = den > 0 ? Math.max(0, Math.min(0.95, num / den)) : 0;
        return Math.min(MAX_INFLATION, (1 + rho) / (1 - rho));
    }

    private static double medianAbsolute(double[] r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.abs(r[i]);
        }
        Arrays.sort(a);
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26 on erf; error below 1.5e-7). */
    static double normalCdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double poly =
                t
                        * (0.254829592
                                + t
                                        * (-0.284496736
                                                + t
                                                        * (1.421413741
                                                                + t
                                                                        * (-1.453152027
                                                                                + t
                                                                                        * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** Writes the history (the configuration and threshold are not part of the state). */
    public void write(DataOutput out) throws IOException {
        out.writeLong(currentBucket);
        out.writeDouble(currentSum);
        out.writeInt(currentCount);
        out.writeInt(size);
        for (int k = 0; k < size; k++) {
            int slot = (head + k) % capacity;
            out.writeLong(buckets[slot]);
            out.writeDouble(means[slot]);
        }
    }

    /**
     * Reads a history written by {@link #write}; if this forecaster keeps fewer buckets than were
     * written, the oldest are dropped.
     */
    public static CapacityForecaster read(DataInput in, ForecastConfig config, Threshold threshold)
            throws IOException {
        CapacityForecaster f = new CapacityForecaster(config, threshold);
        f.currentBucket = in.readLong();
        f.currentSum = in.readDouble();
        f.currentCount = in.readInt();
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            long bucket = in.readLong();
            double mean = in.readDouble();
            int slot = (f.head + f.size) % f.capacity;
            if (f.size == f.capacity) {
                f.head = (f.head + 1) % f.capacity;
            } else {
                f.size++;
            }
            f.buckets[slot] = bucket;
            f.means[slot] = mean;
        }
        return f;
    }
}
