package io.forewarn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalAccumulatorTest {

    @Test
    void aggregatesEveryWay() {
        IntervalAccumulator acc = new IntervalAccumulator();
        for (int i = 1; i <= 100; i++) {
            acc.add(1000L * (101 - i), i, Aggregation.P99); // newest sample first
        }
        assertThat(acc.value(Aggregation.MEAN)).isEqualTo(50.5);
        assertThat(acc.value(Aggregation.MAX)).isEqualTo(100);
        assertThat(acc.value(Aggregation.MIN)).isEqualTo(1);
        assertThat(acc.value(Aggregation.LAST)).isEqualTo(1);
        assertThat(acc.value(Aggregation.P99)).isEqualTo(99);
        assertThat(new IntervalAccumulator().value(Aggregation.MEAN)).isNaN();
        assertThatThrownBy(() -> acc.value(Aggregation.RATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileKeepsABoundedReservoir() {
        IntervalAccumulator acc = new IntervalAccumulator();
        for (int i = 0; i < 10_000; i++) {
            acc.add(i, i % 100, Aggregation.P99);
        }
        assertThat(acc.reservoir).hasSize(IntervalAccumulator.RESERVOIR);
        assertThat(acc.value(Aggregation.P99)).isBetween(90.0, 99.0);
        IntervalAccumulator noReservoir = new IntervalAccumulator();
        noReservoir.add(0, 1, Aggregation.MEAN);
        assertThat(noReservoir.reservoir).isNull();
    }

    @Test
    void counterRatesSpanIntervalsAndSurviveResets() {
        IntervalAccumulator first = new IntervalAccumulator();
        first.add(0, 100, Aggregation.RATE);
        first.add(30_000, 130, Aggregation.RATE);
        assertThat(first.rate(0, 0, false)).isEqualTo(1.0); // 30 in 30 s

        IntervalAccumulator next = new IntervalAccumulator();
        next.add(60_000, 190, Aggregation.RATE);
        next.add(90_000, 250, Aggregation.RATE);
        assertThat(next.rate(30_000, 130, true)).isEqualTo(2.0); // 120 in 60 s

        IntervalAccumulator reset = new IntervalAccumulator();
        reset.add(150_000, 60, Aggregation.RATE);
        assertThat(reset.rate(90_000, 250, true)).isEqualTo(1.0); // restarted from 0: 60 in 60 s

        IntervalAccumulator single = new IntervalAccumulator();
        single.add(0, 5, Aggregation.RATE);
        assertThat(single.rate(0, 0, false)).isNaN();
    }
}
