package io.forewarn.benchmarks;

import io.forewarn.rules.runtime.RuleRecords;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.DeploymentStatus;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.state.RuleRecord;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A deterministic telemetry stream: record {@code i} depends only on {@code i}. 74.9% metric
 * samples over {@value #METRICS} metric names with values 0..100, 25% logs (a tenth of them errors
 * naming one of {@value #ERROR_CODES} error codes), 0.1% deployments; {@value #SERVICES} services
 * with three hosts each; one record per millisecond of event time.
 */
final class SyntheticTelemetry extends RichMapFunction<Long, RuleRecord> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: when the first record was generated (wall clock), the start of processing. */
    static final String STARTED = "started";

    private transient LongMinimum started;

    static final int METRICS = 50;
    static final int SERVICES = 100;
    static final int ERROR_CODES = 20;
    static final long START = 1_767_225_600_000L;

    @Override
    public void open(OpenContext openContext) {
        started = new LongMinimum();
        getRuntimeContext().addAccumulator(STARTED, started);
    }

    @Override
    public RuleRecord map(Long i) {
        if (started != null && started.getLocalValuePrimitive() == Long.MAX_VALUE) {
            started.add(System.currentTimeMillis());
        }
        return RuleRecords.of(record(i));
    }

    static Object record(long i) {
        long h = mix(i);
        long ts = START + i;
        String service = "svc-" + Math.floorMod(h, SERVICES);
        String host = service + "-" + Math.floorMod(h >>> 8, 3);
        int kind = (int) Math.floorMod(h >>> 16, 1000);
        if (kind < 749) {
            return MetricSample.newBuilder()
                    .setTimestamp(ts)
                    .setName("m_" + Math.floorMod(h >>> 24, METRICS))
                    .setValue(Math.floorMod(h >>> 32, 1001) / 10.0)
                    .setService(service)
                    .setHost(host)
                    .setLabels(Map.of())
                    .build();
        } else if (kind < 999) {
            boolean error = Math.floorMod(h >>> 24, 10) == 0;
            return LogRecord.newBuilder()
                    .setTimestamp(ts)
                    .setService(service)
                    .setHost(host)
                    .setLevel(error ? LogLevel.ERROR : LogLevel.INFO)
                    .setMessage(
                            error
                                    ? "request failed with E" + Math.floorMod(h >>> 32, ERROR_CODES)
                                    : "request served in " + Math.floorMod(h >>> 32, 500) + " ms")
                    .build();
        }
        return DeploymentEvent.newBuilder()
                .setTimestamp(ts)
                .setDeploymentId("d-" + i)
                .setService(service)
                .setVersion("1." + Math.floorMod(h >>> 24, 50))
                .setStatus(DeploymentStatus.SUCCEEDED)
                .setSource("benchmark")
                .build();
    }

    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
