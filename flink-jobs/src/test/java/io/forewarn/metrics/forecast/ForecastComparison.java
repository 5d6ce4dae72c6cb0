package io.forewarn.metrics.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Scores crossing forecasts on a {@link CapacityScenario}: every hour from day 1 on, each method
 * says when the threshold will be crossed; while the true crossing is at most {@link #SCORED_LEAD}
 * away, the absolute error of that time is recorded (a method expecting no crossing is scored as if
 * it said "in {@link #CAP}", as is any later answer). On a scenario without a crossing, a forecast
 * within {@link #SCORED_LEAD} is a false alarm.
 */
public final class ForecastComparison {

    /** Origins whose true crossing is at most this far ahead are scored. */
    public static final Duration SCORED_LEAD = Duration.ofDays(3);

    /** Forecasts further than this (or none) count as this far. */
    public static final Duration CAP = Duration.ofDays(7);

    private static final long HOUR = 3_600_000L;

    private ForecastComparison() {}

    /**
     * Errors of one method on one scenario and seed.
     *
     * @param absoluteErrorsHours error of each scored forecast, hours
     * @param relativeErrors error divided by the true lead time, per scored forecast
     * @param misses scored origins where the method expected no crossing within the scored lead
     * @param covered scored origins whose true crossing fell in the method's interval
     * @param falseAlarms origins of a scenario without crossing with a forecast within the lead
     * @param origins origins evaluated
     */
    public record Score(
            double[] absoluteErrorsHours,
            double[] relativeErrors,
            int misses,
            int covered,
            int falseAlarms,
            int origins) {

        public double meanAbsoluteErrorHours() {
            return Arrays.stream(absoluteErrorsHours).average().orElse(Double.NaN);
        }

        public double medianRelativeError() {
            return median(relativeErrors);
        }

        /** Pools scores of several runs. */
        public static Score pool(List<Score> scores) {
            double[] abs =
                    scores.stream()
                            .flatMapToDouble(s -> Arrays.stream(s.absoluteErrorsHours))
                            .toArray();
            double[] rel =
                    scores.stream().flatMapToDouble(s -> Arrays.stream(s.relativeErrors)).toArray();
            return new Score(
                    abs,
                    rel,
                    scores.stream().mapToInt(Score::misses).sum(),
                    scores.stream().mapToInt(Score::covered).sum(),
                    scores.stream().mapToInt(Score::falseAlarms).sum(),
                    scores.stream().mapToInt(Score::origins).sum());
        }
    }

    /** Runs one method over one noisy realisation of a scenario. */
    public static Score score(CapacityScenario scenario, long seed, CrossingMethod method) {
        double[] values = scenario.values(seed);
        long truth = scenario.trueCrossing();
        long firstOrigin = CapacityScenario.START_MILLIS + 24 * HOUR;
        List<Double> abs = new ArrayList<>();
        List<Double> rel = new ArrayList<>();
        int misses = 0;
        int covered = 0;
        int falseAlarms = 0;
        int origins = 0;
        for (int i = 0; i < values.length; i++) {
            long t = scenario.timestamp(i);
            method.add(t, values[i]);
            long now = t;
            if (now % HOUR != 0 || now < firstOrigin) {
                continue;
            }
            if (truth >= 0 && now >= truth) {
                break;
            }
            long predicted = method.crossing(now);
            origins++;
            if (truth < 0) {
                if (predicted >= 0 && predicted - now <= SCORED_LEAD.toMillis()) {
                    falseAlarms++;
                }
                continue;
            }
            long lead = truth - now;
            if (lead > SCORED_LEAD.toMillis()) {
                continue;
            }
            long capped =
                    predicted < 0
                            ? now + CAP.toMillis()
                            : Math.min(predicted, now + CAP.toMillis());
            if (predicted < 0 || predicted - now > SCORED_LEAD.toMillis()) {
                misses++;
            }
            double error = Math.abs(capped - truth) / (double) HOUR;
            abs.add(error);
            rel.add(error / (lead / (double) HOUR));
            long[] interval = method.interval();
            if (interval != null
                    && predicted >= 0
                    && interval[0] <= truth
                    && truth <= interval[1]) {
                covered++;
            }
        }
        return new Score(
                abs.stream().mapToDouble(Double::doubleValue).toArray(),
                rel.stream().mapToDouble(Double::doubleValue).toArray(),
                misses,
                covered,
                falseAlarms,
                origins);
    }

    /** Pooled score of a method (made fresh per run) over seeds 1..seeds of a scenario. */
    public static Score pooled(
            CapacityScenario scenario, int seeds, Function<Threshold, CrossingMethod> method) {
        List<Score> scores = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            scores.add(score(scenario, seed, method.apply(scenario.threshold())));
        }
        return Score.pool(scores);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
