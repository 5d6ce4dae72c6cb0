package io.forewarn.metrics.anomaly;

/**
 * What a {@link SeriesDetector} says about one point.
 *
 * @param anomalyScore score in [0, 1] that an anomaly starts at this point: at least 0.5 only at
 *     the onset of an episode (once, then quiet for the suppression period), rising towards 1 with
 *     its severity; below 0.5 otherwise. Comparable across series, so one threshold fits all.
 * @param grade instantaneous severity in [0, 1]: 0 = normal, 0.5 = at the detection threshold,
 *     approaching 1 far beyond it. Unlike the score it is not suppressed after an onset.
 * @param confidence how much history stands behind the verdict, in [0, 1]: 0 for the first point, 1
 *     once warm. Scores of a cold detector are always 0.
 * @param expectedValue value the detector expected (time-of-day baseline, else the running mean);
 *     NaN before anything was learned
 * @param lowerBound lower end of the expected range (NaN while unknown)
 * @param upperBound upper end of the expected range (NaN while unknown)
 * @param warm whether the detector has seen enough points to report anomalies
 * @param skipped true if the value was NaN or infinite: it was ignored and the state is unchanged
 */
public record Result(
        double anomalyScore,
        double grade,
        double confidence,
        double expectedValue,
        double lowerBound,
        double upperBound,
        boolean warm,
        boolean skipped) {

    /** Result for a value that was not a finite number. */
    static Result skippedPoint(double confidence, boolean warm) {
        return new Result(0, 0, confidence, Double.NaN, Double.NaN, Double.NaN, warm, true);
    }
}
