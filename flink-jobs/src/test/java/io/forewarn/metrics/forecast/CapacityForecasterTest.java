package io.forewarn.metrics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CapacityForecasterTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long START = CapacityScenario.START_MILLIS;
    private static final Threshold FULL = new Threshold(Threshold.Direction.ABOVE, 0.95);

    /** Feeds one point a minute of {@code f(hours)} for the given hours; returns the outlooks. */
    private static List<Outlook> feed(
            CapacityForecaster forecaster,
            double fromHour,
            double toHour,
            java.util.function.DoubleUnaryOperator f) {
        List<Outlook> outlooks = new ArrayList<>();
        for (long t = START + (long) (fromHour * HOUR);
                t < START + (long) (toHour * HOUR);
                t += MINUTE) {
            Outlook o = forecaster.update(t, f.applyAsDouble((t - START) / (double) HOUR));
            if (o != null) {
                outlooks.add(o);
            }
        }
        return outlooks;
    }

    private static Outlook last(List<Outlook> outlooks) {
        return outlooks.get(outlooks.size() - 1);
    }

    @Test
    void linearGrowthCrossesWhereTheLineReachesTheThreshold() {
        CapacityForecaster forecaster = new CapacityForecaster(ForecastConfig.defaults(), FULL);
        // 0.5 + 1% an hour: reaches 0.95 at hour 45
        Outlook outlook = last(feed(forecaster, 0, 12, h -> 0.5 + 0.01 * h));

        assertThat(outlook.status()).isEqualTo(Outlook.Status.BREACH_EXPECTED);
        Breach breach = outlook.breach();
        assertThat((double) breach.expectedAt())
                .isCloseTo(START + 45 * HOUR, org.assertj.core.data.Offset.offset(0.25 * HOUR));
        assertThat(breach.earliestAt()).isLessThanOrEqualTo(breach.expectedAt());
        assertThat(breach.latestAt()).isGreaterThanOrEqualTo(breach.expectedAt());
        assertThat(breach.probability()).isGreaterThan(0.99);
        assertThat(breach.slopePerHour())
                .isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(breach.confidence()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void warmsUpFirstThenTellsClearFromBreached() {
        CapacityForecaster forecaster = new CapacityForecaster(ForecastConfig.defaults(), FULL);
        List<Outlook> early = feed(forecaster, 0, 1.9, h -> 0.6);
        assertThat(early)
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(Outlook.Status.WARMING_UP));

        Outlook flat = last(feed(forecaster, 1.9, 8, h -> 0.6));
        assertThat(flat.status()).isEqualTo(Outlook.Status.CLEAR);
        assertThat(flat.breach()).isNull();
        assertThat(flat.probability()).isLessThan(0.01);

        Outlook full = last(feed(forecaster, 8, 9, h -> 0.97));
        assertThat(full.status()).isEqualTo(Outlook.Status.BREACHED);
        assertThat(full.breach().expectedAt()).isEqualTo(full.breach().forecastAt());
    }

    @Test
    void followsAChangeOfTrendWithinHours() {
        CapacityForecaster forecaster = new CapacityForecaster(ForecastConfig.defaults(), FULL);
        Random random = new Random(3);
        // flat with a daily cycle for two days, then a leak of 2% an hour from hour 48
        Outlook outlook =
                last(
                        feed(
                                forecaster,
                                0,
                                54,
                                h ->
                                        0.5
                                                + 0.02 * Math.max(0, h - 48)
                                                + CapacityScenario.daily(h, 0.03)
                                                + 0.002 * random.nextGaussian()));
        assertThat(outlook.status()).isEqualTo(Outlook.Status.BREACH_EXPECTED);
        // 0.5 + 0.02 (h - 48) + cycle reaches 0.95 around hour 70 (within the cycle's ±1.5 h)
        assertThat((double) outlook.breach().expectedAt())
                .isCloseTo(START + 70 * HOUR, org.assertj.core.data.Offset.offset(3.0 * HOUR));
        assertThat(outlook.breach().slopePerHour())
                .isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.004));
    }

    @Test
    void dailyPeaksCrossBeforeTheTrendDoes() {
        CapacityForecaster forecaster = new CapacityForecaster(ForecastConfig.defaults(), FULL);
        Outlook outlook =
                last(
                        feed(
                                forecaster,
                                0,
                                48,
                                h -> 0.75 + 0.001 * h + CapacityScenario.daily(h, 0.15)));
        assertThat(outlook.status()).isEqualTo(Outlook.Status.BREACH_EXPECTED);
        // peaks at 15:00: 0.90 + 0.001 h; the trend alone would need 150 more hours
        long expected = outlook.breach().expectedAt();
        double hourOfDay = (expected - START) % (24 * HOUR) / (double) HOUR;
        assertThat(hourOfDay).isBetween(11.0, 19.0);
        assertThat(expected - outlook.breach().forecastAt()).isLessThan(100 * HOUR);
    }

    @Test
    void watchesThresholdsBelowToo() {
        // seconds of certificate validity left, falling one second per second, alarm below 1 day
        Threshold expiry = new Threshold(Threshold.Direction.BELOW, 86_400);
        CapacityForecaster forecaster =
                new CapacityForecaster(
                        ForecastConfig.defaults().withHorizon(Duration.ofDays(30)), expiry);
        Outlook outlook = last(feed(forecaster, 0, 6, h -> 10 * 86_400 - h * 3600));
        assertThat(outlook.status()).isEqualTo(Outlook.Status.BREACH_EXPECTED);
        assertThat((double) outlook.breach().expectedAt())
                .isCloseTo(START + 9 * 24 * HOUR, org.assertj.core.data.Offset.offset(0.5 * HOUR));
    }

    @Test
    void restoredForecasterGivesTheSameOutlooks() throws Exception {
        Random random = new Random(5);
        double[] noise = new double[40 * 60];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.003 * random.nextGaussian();
        }
        java.util.function.DoubleUnaryOperator f =
                h ->
                        0.4
                                + 0.006 * h
                                + CapacityScenario.daily(h, 0.05)
                                + noise[(int) (h * 60) % noise.length];
        CapacityForecaster original = new CapacityForecaster(ForecastConfig.defaults(), FULL);
        feed(original, 0, 30.1, f);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.write(new DataOutputStream(bytes));
        CapacityForecaster restored =
                CapacityForecaster.read(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                        ForecastConfig.defaults(),
                        FULL);

        assertThat(feed(restored, 30.1, 40, f)).isEqualTo(feed(original, 30.1, 40, f));
    }

    @Test
    void ignoresNonFiniteValuesAndOlderBuckets() {
        CapacityForecaster forecaster = new CapacityForecaster(ForecastConfig.defaults(), FULL);
        assertThat(forecaster.update(START + HOUR, Double.NaN)).isNull();
        assertThat(forecaster.update(START + HOUR, 0.5)).isNull();
        assertThat(forecaster.update(START, 0.99)).isNull();
        assertThat(forecaster.update(START + 2 * HOUR, 0.5).status())
                .isEqualTo(Outlook.Status.WARMING_UP);
    }

    @Test
    void thresholdsParseAndMeasureExcess() {
        assertThat(Threshold.parse("above:0.95")).isEqualTo(FULL);
        Threshold below = Threshold.parse(" below : 1e9 ");
        assertThat(below.breachedBy(5e8)).isTrue();
        assertThat(below.excess(5e8)).isEqualTo(5e8);
        assertThatThrownBy(() -> Threshold.parse("over:1"))
                .hasMessageContaining("above: or below:");
        assertThatThrownBy(() -> Threshold.parse("0.9")).hasMessageContaining("above:VALUE");
    }
}
