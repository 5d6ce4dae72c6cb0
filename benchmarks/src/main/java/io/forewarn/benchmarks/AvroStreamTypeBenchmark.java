package io.forewarn.benchmarks;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a mined log record, as the log template stage hands it on, with Flink's Avro serializer
 * and with the job's ({@link AvroStreamType}): bare ({@code log}) and in the rule stage's envelope
 * ({@code rule-record}), the two records every log line is written as between the job's tasks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AvroStreamTypeBenchmark {

    /** {@code avro}: Flink's {@link AvroSerializer}; {@code stream-type}: the job's. */
    @Param({"avro", "stream-type"})
    public String serializer;

    @Param({"log", "rule-record"})
    public String record;

    private TypeSerializer<SpecificRecordBase> writer;
    private SpecificRecordBase value;
    private final DataOutputSerializer out = new DataOutputSerializer(4096);

    @Setup
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setUp() {
        LogRecord log =
                LogRecord.newBuilder()
                        .setTimestamp(1_796_520_489_582L)
                        .setService("svc-0042")
                        .setHost("svc-0042-1")
                        .setLevel(LogLevel.WARN)
                        .setMessage("Retrying request to inventory-service (attempt 137 of 5)")
                        .setLogger("com.shop.Bench")
                        .setThread("http-nio-8080-exec-2")
                        .setTraceId(null)
                        .setEnvironment("production")
                        .setAttributes(Map.of("ecs.version", "1.6.0"))
                        .setTemplateId("9f3c2a7b41d08e65")
                        .setTemplate("Retrying request to <*> (attempt <NUM> of <NUM>)")
                        .setTemplateParams(List.of("inventory-service", "137", "5"))
                        .build();
        value =
                record.equals("log")
                        ? log
                        : new RuleRecord("", RuleKeyKind.SERVICE, log.getTimestamp(), log);
        Class type = value.getClass();
        writer =
                serializer.equals("avro")
                        ? new AvroSerializer<>(type)
                        : new AvroStreamType.Serializer<>(type);
    }

    @Benchmark
    public int write() throws Exception {
        out.clear();
        writer.serialize(value, out);
        return out.length();
    }
}
