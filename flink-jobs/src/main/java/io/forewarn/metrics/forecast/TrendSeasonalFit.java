package io.forewarn.metrics.forecast;

/**
 * Weighted least-squares fit of a recent trend plus a seasonal cycle to bucketed history:
 *
 * <pre>
 *   y(τ) = L + S·τ + Σ_k (a_k cos kθ(τ) + b_k sin kθ(τ))          no trend change, or
 *   y(τ) = [τ ≥ τ_b] (L + S·τ) + [τ &lt; τ_b] (L0 + S0·τ) + seasonal   a change at τ_b
 * </pre>
 *
 * where τ is the time in hours relative to now (so L is the current level and S the current slope),
 * θ the phase of the season. The change variant lets the level jump and the slope change at τ_b (a
 * leak that starts, a cleanup, growth that slows down) while the seasonal cycle is shared. A small
 * ridge keeps the seasonal coefficients stable when few cycles are known.
 */
final class TrendSeasonalFit {

    /** Ridge added to the diagonal of the seasonal coefficients (relative to the weight sum). */
    private static final double SEASONAL_RIDGE = 1e-3;

    private final int harmonics;
    private final boolean withChange;
    private final int size;
    private final double[] beta;
    private final double[][] inverse;
    private double sse;
    private double weightSum;
    private boolean solved;

    private TrendSeasonalFit(int harmonics, boolean withChange) {
        this.harmonics = harmonics;
        this.withChange = withChange;
        this.size = (withChange ? 4 : 2) + 2 * harmonics;
        this.beta = new double[size];
        this.inverse = new double[size][size];
    }

    /**
     * Fits the model.
     *
     * @param tau hours relative to now of each point (ascending, all ≤ 0)
     * @param seasonal the seasonal features of each point ({@link #seasonalFeatures})
     * @param y values
     * @param w weights (1 for an ordinary fit)
     * @param n number of points used
     * @param harmonics seasonal harmonics
     * @param changeAt index of the first point after the trend change, or -1 for none
     * @return the fit, or null when the system is singular
     */
    static TrendSeasonalFit fit(
            double[] tau,
            double[][] seasonal,
            double[] y,
            double[] w,
            int n,
            int harmonics,
            int changeAt) {
        TrendSeasonalFit fit = new TrendSeasonalFit(harmonics, changeAt >= 0);
        fit.solve(tau, seasonal, y, w, n, changeAt);
        return fit.solved ? fit : null;
    }

    /** cos kθ, sin kθ for k = 1..harmonics: the seasonal features of a point at phase θ. */
    static double[] seasonalFeatures(double theta, int harmonics) {
        double[] f = new double[2 * harmonics];
        for (int k = 1; k <= harmonics; k++) {
            f[2 * k - 2] = Math.cos(k * theta);
            f[2 * k - 1] = Math.sin(k * theta);
        }
        return f;
    }

    private void solve(
            double[] tau, double[][] seasonal, double[] y, double[] w, int n, int changeAt) {
        double[][] a = new double[size][size];
        double[] b = new double[size];
        double[] x = new double[size];
        for (int i = 0; i < n; i++) {
            row(tau[i], seasonal[i], changeAt < 0 || i >= changeAt, x);
            double wi = w[i];
            weightSum += wi;
            for (int r = 0; r < size; r++) {
                if (x[r] == 0) {
                    continue;
                }
                double wx = wi * x[r];
                b[r] += wx * y[i];
                for (int c = r; c < size; c++) {
                    a[r][c] += wx * x[c];
                }
            }
        }
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < r; c++) {
                a[r][c] = a[c][r];
            }
        }
        for (int r = trendParameters(); r < size; r++) {
            a[r][r] += SEASONAL_RIDGE * weightSum;
        }
        if (!invert(a, inverse)) {
            return;
        }
        for (int r = 0; r < size; r++) {
            double sum = 0;
            for (int c = 0; c < size; c++) {
                sum += inverse[r][c] * b[c];
            }
            beta[r] = sum;
        }
        for (int i = 0; i < n; i++) {
            double e = y[i] - predict(tau[i], seasonal[i], changeAt < 0 || i >= changeAt, x);
            sse += w[i] * e * e;
        }
        solved = true;
    }

    private int trendParameters() {
        return withChange ? 4 : 2;
    }

    /** Design row of a point; {@code recent} is whether it lies after the trend change. */
    private void row(double tau, double[] seasonal, boolean recent, double[] x) {
        if (recent) {
            x[0] = 1;
            x[1] = tau;
            if (withChange) {
                x[2] = 0;
                x[3] = 0;
            }
        } else {
            x[0] = 0;
            x[1] = 0;
            x[2] = 1;
            x[3] = tau;
        }
        System.arraycopy(seasonal, 0, x, trendParameters(), 2 * harmonics);
    }

    private double predict(double tau, double[] seasonal, boolean recent, double[] x) {
        row(tau, seasonal, recent, x);
        double sum = 0;
        for (int r = 0; r < size; r++) {
            sum += beta[r] * x[r];
        }
        return sum;
    }

    /** Fitted value of a point of the history (for residuals). */
    double fitted(double tau, double[] seasonal, boolean recent) {
        return predict(tau, seasonal, recent, new double[size]);
    }

    /** Current level: the recent trend at τ = 0, without the season. */
    double level() {
        return beta[0];
    }

    /** Current slope per hour. */
    double slope() {
        return beta[1];
    }

    /** The seasonal component at phase {@code theta}. */
    double season(double theta) {
        double sum = 0;
        int j = trendParameters();
        for (int k = 1; k <= harmonics; k++) {
            sum += beta[j++] * Math.cos(k * theta);
            sum += beta[j++] * Math.sin(k * theta);
        }
        return sum;
    }

    /** Weighted sum of squared residuals. */
    double sse() {
        return sse;
    }

    /** Number of parameters. */
    int parameters() {
        return size;
    }

    /** Residual variance (weighted), with the degrees of freedom the fit used. */
    double residualVariance() {
        return sse / Math.max(1, weightSum - size);
    }

    /** Unscaled covariance entries of (level, slope): multiply by the residual variance. */
    double levelVarianceFactor() {
        return inverse[0][0];
    }

    double slopeVarianceFactor() {
        return inverse[1][1];
    }

    double levelSlopeCovarianceFactor() {
        return inverse[0][1];
    }

    /** Gauss-Jordan inversion with partial pivoting; false if (nearly) singular. */
    private static boolean invert(double[][] a, double[][] out) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(a[r], 0, m[r], 0, n);
            m[r][n + r] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-12) {
                return false;
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            double p = m[c][c];
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            System.arraycopy(m[r], n, out[r], 0, n);
        }
        return true;
    }
}
