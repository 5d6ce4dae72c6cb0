package io.forewarn.logs;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A {@link LogTemplateOperator} in a keyed operator test harness, with helpers to feed simulated
 * minutes of logs and to drain its main and side outputs.
 */
final class LogTemplateHarness implements AutoCloseable {

    static final long MINUTE = 60_000;
    static final int MAX_PARALLELISM = 128;

    /** Normal traffic of a service: four INFO templates. */
    private static final List<Function<Integer, String>> NORMAL =
            List.of(
                    i -> "GET /api/cart 200 " + (5 + i % 50) + " ms",
                    i -> "User u" + (1000 + i) + " logged in from 10.0." + (i % 7) + "." + i % 200,
                    i -> "Cache hit ratio " + (80 + i % 20) + " percent over the last minute",
                    i -> "Processed order " + (400_000 + i * 7) + " in " + (10 + i % 300) + " ms");

    final KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogRecord> harness;

    LogTemplateHarness(LogMiningSettings settings) throws Exception {
        this(settings, 1, 0, null);
    }

    LogTemplateHarness(
            LogMiningSettings settings, int parallelism, int subtask, OperatorSubtaskState state)
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new LogTemplateOperator(settings),
                        LogRecord::getService,
                        Types.STRING,
                        MAX_PARALLELISM,
                        parallelism,
                        subtask);
        if (state != null) {
            harness.initializeState(state);
        }
        harness.open();
    }

    /** Settings: the defaults with these overrides of {@code logs.*} options. */
    static LogMiningSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("logs.signals.warm-up", "2 min");
        values.put("logs.state.idle-timeout", "1 h");
        values.putAll(overrides);
        return LogMiningSettings.from(ForewarnConfig.of(values));
    }

    static LogRecord log(long time, String service, String host, LogLevel level, String message) {
        return LogRecord.newBuilder()
                .setTimestamp(time)
                .setService(service)
                .setHost(host)
                .setLevel(level)
                .setMessage(message)
                .build();
    }

    void process(LogRecord record) throws Exception {
        harness.processElement(new StreamRecord<>(record, record.getTimestamp()));
    }

    void line(long time, String service, LogLevel level, String message) throws Exception {
        process(log(time, service, service + "-1", level, message));
    }

    /**
     * {@code perMinute} normal lines a minute from two hosts for minutes [from, to), each minute
     * followed by a watermark at its end.
     */
    void normalMinutes(String service, int from, int to, int perMinute) throws Exception {
        for (int m = from; m < to; m++) {
            normalLines(service, m, perMinute);
            watermark((m + 1) * MINUTE - 1);
        }
    }

    /** {@code count} normal lines within minute {@code minute}, no watermark. */
    void normalLines(String service, int minute, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            long time = minute * MINUTE + i * (MINUTE / count);
            int n = minute * 1000 + i;
            process(
                    log(
                            time,
                            service,
                            service + "-" + (1 + i % 2),
                            LogLevel.INFO,
                            NORMAL.get(i % NORMAL.size()).apply(n)));
        }
    }

    void watermark(long time) throws Exception {
        harness.processWatermark(time);
    }

    List<LogRecord> records() {
        List<LogRecord> out = new ArrayList<>(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    List<Signal> signals() {
        return drain(harness.getSideOutput(LogDescriptors.SIGNALS));
    }

    List<MetricSample> rates() {
        return drain(harness.getSideOutput(LogDescriptors.TEMPLATE_RATES));
    }

    List<TemplateUpdate> templates() {
        return drain(harness.getSideOutput(LogDescriptors.TEMPLATE_UPDATES));
    }

    OperatorSubtaskState snapshot(long checkpointId) throws Exception {
        return harness.snapshot(checkpointId, checkpointId);
    }

    private static <T> List<T> drain(Queue<StreamRecord<T>> queue) {
        List<T> out = new ArrayList<>();
        if (queue != null) {
            StreamRecord<T> r;
            while ((r = queue.poll()) != null) {
                out.add(r.getValue());
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
