package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.config.ForewarnConfig;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

    @Test
    void latencySettingsReachTheEnvironment() {
        StreamExecutionEnvironment defaults = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(defaults, ForewarnConfig.of(Map.of()));
        assertThat(defaults.getBufferTimeout()).isEqualTo(10);
        assertThat(defaults.getConfig().getAutoWatermarkInterval()).isEqualTo(10);

        StreamExecutionEnvironment set = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(
                set,
                ForewarnConfig.of(
                        Map.of("job.buffer-timeout", "100 ms", "watermark.interval", "1 s")));
        assertThat(set.getBufferTimeout()).isEqualTo(100);
        assertThat(set.getConfig().getAutoWatermarkInterval()).isEqualTo(1000);
        assertThat(set.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
    }

    @Test
    void chainedOperatorsShareRecordsUnlessTurnedOff() {
        StreamExecutionEnvironment defaults = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(defaults, ForewarnConfig.of(Map.of()));
        assertThat(defaults.getConfig().isObjectReuseEnabled()).isTrue();

        StreamExecutionEnvironment off = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(
                off, ForewarnConfig.of(Map.of("flink.pipeline.object-reuse", "false")));
        assertThat(off.getConfig().isObjectReuseEnabled()).isFalse();
    }
}
