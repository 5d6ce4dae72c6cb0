package io.forewarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class DecoderSettingsTest {

    @Test
    void defaults() {
        DecoderSettings settings = DecoderSettings.defaults();

        assertThat(settings.maxRecordBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.maxDeadLetterPayloadBytes()).isEqualTo(64 * 1024);
        assertThat(settings.maxFutureSkew()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.maxFieldChars()).isEqualTo(65536);
        assertThat(settings.maxAttributes()).isEqualTo(64);
        assertThat(settings.maxAttributeValueChars()).isEqualTo(1024);
        assertThat(settings.logLinePattern()).isEqualTo(DecoderSettings.DEFAULT_LOG_LINE_PATTERN);
        assertThat(settings.logTimestampFormat()).isEqualTo("ISO");
        assertThat(settings.logTimestampZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(settings.defaultService()).isNull();
        assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void defaultPatternMatchesTheDocumentedLine() {
        assertThat(
                        Pattern.compile(DecoderSettings.DEFAULT_LOG_LINE_PATTERN, Pattern.DOTALL)
                                .matcher(
                                        "2026-12-04T10:15:30.123Z ERROR [checkout]"
                                                + " [pool-1-thread-3] c.e.Foo - message")
                                .matches())
                .isTrue();
    }

    @Test
    void serializableWithAFixedClockAndRebuildable() throws Exception {
        DecoderSettings settings =
                Samples.settingsBuilder().defaultService("svc").maxAge(Duration.ZERO).build();

        DecoderSettings copy = InstantiationUtil.clone(settings);

        assertThat(copy.toString()).isEqualTo(settings.toString());
        assertThat(copy.clock().instant()).isEqualTo(Samples.NOW);
        assertThat(settings.toBuilder().build().toString()).isEqualTo(settings.toString());
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> DecoderSettings.builder().maxRecordBytes(0).build())
                .hasMessage("maxRecordBytes must be positive, got 0");
        assertThatThrownBy(() -> DecoderSettings.builder().logLinePattern("(?<message>.*").build())
                .hasMessageStartingWith("logLinePattern is not a valid regular expression");
        assertThatThrownBy(() -> DecoderSettings.builder().logLinePattern("(?<message>.*)").build())
                .hasMessage("logLinePattern must have a named group 'timestamp'");
        assertThatThrownBy(() -> DecoderSettings.builder().logTimestampFormat("yyyy-bb").build())
                .hasMessageStartingWith(
                        "logTimestampFormat is neither ISO nor a valid DateTimeFormatter pattern");
    }
}
