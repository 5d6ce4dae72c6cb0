package io.forewarn.metrics.forecast;

/**
 * Prometheus' {@code predict_linear(v[window], t)} as a crossing forecast: an ordinary
 * least-squares line through the samples of the last {@code window}, extrapolated to the threshold.
 * The baseline the capacity forecaster is compared with.
 */
public final class PredictLinear {

    private final long windowMillis;

    public PredictLinear(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * When the line through the samples in (now - window, now] reaches the threshold, or -1 if it
     * does not (flat or moving away).
     */
    public long crossing(long[] times, double[] values, int upTo, long now, Threshold threshold) {
        double n = 0;
        double st = 0;
        double sv = 0;
        double stt = 0;
        double stv = 0;
        for (int i = upTo; i >= 0 && times[i] > now - windowMillis; i--) {
            double t = (times[i] - now) / 3_600_000.0;
            n++;
            st += t;
            sv += values[i];
            stt += t * t;
            stv += t * values[i];
        }
        double den = n * stt - st * st;
        if (n < 2 || den == 0) {
            return -1;
        }
        double slope = (n * stv - st * sv) / den;
        double atNow = (sv - slope * st) / n;
        if (threshold.breachedBy(atNow)) {
            return now;
        }
        double hours = (threshold.value() - atNow) / slope;
        return hours > 0 ? now + (long) (hours * 3_600_000.0) : -1;
    }
}
