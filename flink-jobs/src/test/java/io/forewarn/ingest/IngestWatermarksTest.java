package io.forewarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.RelativeClock;
import org.apache.flink.util.clock.SystemClock;
import org.junit.jupiter.api.Test;

/** Dead letters (event time Long.MIN_VALUE) must never move a watermark. */
class IngestWatermarksTest {

    private final WatermarkStrategy<Ingested> strategy =
            IngestWatermarks.boundedOutOfOrderness(Duration.ofSeconds(5), Duration.ofMinutes(1));
    private final TimestampAssigner<Ingested> assigner =
            strategy.createTimestampAssigner(() -> new UnregisteredMetricsGroup());
    private final WatermarkGenerator<Ingested> generator =
            strategy.createWatermarkGenerator(
                    new WatermarkGeneratorSupplier.Context() {
                        @Override
                        public MetricGroup getMetricGroup() {
                            return new UnregisteredMetricsGroup();
                        }

                        @Override
                        public RelativeClock getInputActivityClock() {
                            return SystemClock.getInstance();
                        }
                    });
    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark watermark) {
                    emitted.add(watermark.getTimestamp());
                }

                @Override
                public void markIdle() {}

                @Override
                public void markActive() {}
            };

    @Test
    void timestampIsTheEventTime() {
        assertThat(assigner.extractTimestamp(typed(42_000), 7)).isEqualTo(42_000);
        assertThat(assigner.extractTimestamp(deadLetter(), 7)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void deadLettersAloneLeaveTheWatermarkAtItsMinimum() {
        feed(deadLetter());
        feed(deadLetter());
        generator.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(Long.MIN_VALUE);
    }

    @Test
    void deadLettersNeverMoveTheWatermark() {
        feed(typed(100_000));
        generator.onPeriodicEmit(output);
        feed(deadLetter());
        generator.onPeriodicEmit(output);
        feed(typed(110_000));
        feed(deadLetter());
        generator.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(94_999L, 94_999L, 104_999L);
    }

    private void feed(Ingested element) {
        generator.onEvent(element, assigner.extractTimestamp(element, 0), output);
    }

    private static Ingested typed(long time) {
        return new Ingested(
                LogRecord.newBuilder()
                        .setTimestamp(time)
                        .setService("s")
                        .setLevel(LogLevel.INFO)
                        .setMessage("m")
                        .setAttributes(Map.of())
                        .build(),
                time);
    }

    private static Ingested deadLetter() {
        return new Ingested(
                DeadLetters.create(1, "decode", DeadLetterReason.INVALID_JSON, "d", null, 10),
                Long.MIN_VALUE);
    }
}
