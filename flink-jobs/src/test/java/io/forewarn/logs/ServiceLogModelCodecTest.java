package io.forewarn.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.logs.template.SyntheticSystemLogs;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceLogModelCodecTest {

    private static final LogMiningSettings SETTINGS =
            LogTemplateHarness.settings(Map.of("logs.mining.max-templates", "60"));

    @Test
    void aDecodedModelEncodesToTheSameBytesAndBehavesTheSame() throws IOException {
        ServiceLogModel model = new ServiceLogModel("svc", SETTINGS);
        List<String> messages = SyntheticSystemLogs.mixedStream(400, 3);
        Recorder first = new Recorder();
        for (int i = 0; i < messages.size() / 2; i++) {
            model.observe(record(i, messages.get(i)), first);
            if (i % 500 == 499) {
                model.onTimer(i * 1_000L, first);
            }
        }
        byte[] bytes = ServiceLogModelCodec.encode(model);
        ServiceLogModel decoded = ServiceLogModelCodec.decode(bytes, SETTINGS);
        assertThat(ServiceLogModelCodec.encode(decoded)).isEqualTo(bytes);

        Recorder original = new Recorder();
        Recorder restored = new Recorder();
        for (int i = messages.size() / 2; i < messages.size(); i++) {
            LogRecord a = record(i, messages.get(i));
            LogRecord b = record(i, messages.get(i));
            model.observe(a, original);
            decoded.observe(b, restored);
            assertThat(b).isEqualTo(a);
            if (i % 500 == 499) {
                model.onTimer(i * 1_000L, original);
                decoded.onTimer(i * 1_000L, restored);
            }
        }
        assertThat(restored.events).isEqualTo(original.events);
        assertThat(ServiceLogModelCodec.encode(decoded))
                .isEqualTo(ServiceLogModelCodec.encode(model));
    }

    @Test
    void anUnknownVersionIsRejected() {
        assertThatThrownBy(() -> ServiceLogModelCodec.decode(new byte[] {0, 0, 0, 9}, SETTINGS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 9");
    }

    private static LogRecord record(int i, String message) {
        return LogTemplateHarness.log(
                i * 1_000L,
                "svc",
                "h" + (i % 3),
                i % 7 == 0 ? LogLevel.WARN : LogLevel.INFO,
                message);
    }

    /** Everything a model emits, in order. */
    private static final class Recorder implements LogModelOutput {
        final List<String> events = new ArrayList<>();

        @Override
        public void signal(Signal signal) {
            events.add("signal " + signal);
        }

        @Override
        public void rate(MetricSample sample) {
            events.add("rate " + sample);
        }

        @Override
        public void template(TemplateUpdate update) {
            events.add("template " + update + " " + update.example);
        }

        @Override
        public void wakeUpAt(long eventTime) {
            events.add("timer " + eventTime);
        }
    }
}
