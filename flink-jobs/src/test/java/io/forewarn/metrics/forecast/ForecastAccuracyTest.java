package io.forewarn.metrics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity forecaster against Prometheus-style {@code predict_linear} over 6 h and 24 h, on
 * series with daily seasonality and changes of trend ({@link CapacityScenario}): its error of the
 * predicted crossing time must be well below the better of the two, and it must not raise false
 * alarms on a series that never crosses. The full table (more seeds, RCFCaster too) is produced by
 * the benchmarks module's ForecastComparisonMain.
 */
class ForecastAccuracyTest {

    private static final int SEEDS = 1;

    @Test
    void crossingTimeErrorIsWellBelowPredictLinearOnEveryScenario() {
        List<CapacityScenario> crossing =
                CapacityScenario.all().stream().filter(s -> s.trueCrossing() >= 0).toList();
        assertThat(crossing).hasSizeGreaterThanOrEqualTo(5);
        for (CapacityScenario s : crossing) {
            double forewarn =
                    ForecastComparison.pooled(
                                    s,
                                    SEEDS,
                                    th -> new ForewarnCrossing(ForecastConfig.defaults(), th))
                            .meanAbsoluteErrorHours();
            double linear6h =
                    ForecastComparison.pooled(
                                    s,
                                    SEEDS,
                                    th -> new PredictLinearCrossing(Duration.ofHours(6), th))
                            .meanAbsoluteErrorHours();
            double linear24h =
                    ForecastComparison.pooled(
                                    s,
                                    SEEDS,
                                    th -> new PredictLinearCrossing(Duration.ofHours(24), th))
                            .meanAbsoluteErrorHours();
            assertThat(forewarn)
                    .as(
                            "%s: mean absolute error (h) of forewarn vs predict_linear 6h %.1f /"
                                    + " 24h %.1f",
                            s.name(), linear6h, linear24h)
                    .isLessThan(0.5 * Math.min(linear6h, linear24h));
        }
    }

    @Test
    void aSeriesThatNeverCrossesRaisesAlmostNoAlarm() {
        CapacityScenario never =
                CapacityScenario.all().stream()
                        .filter(s -> s.trueCrossing() < 0)
                        .findFirst()
                        .orElseThrow();
        var forewarn =
                ForecastComparison.pooled(
                        never, SEEDS, th -> new ForewarnCrossing(ForecastConfig.defaults(), th));
        var linear =
                ForecastComparison.pooled(
                        never, SEEDS, th -> new PredictLinearCrossing(Duration.ofHours(24), th));
        assertThat(forewarn.falseAlarms()).isLessThanOrEqualTo(forewarn.origins() / 50);
        assertThat(linear.falseAlarms()).isGreaterThan(forewarn.origins() / 5);
    }
}
