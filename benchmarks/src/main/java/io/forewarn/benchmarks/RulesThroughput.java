package io.forewarn.benchmarks;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.runtime.RuleKeys;
import io.forewarn.rules.runtime.RuleSettings;
import io.forewarn.rules.runtime.RulesStage;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Runs the same synthetic stream through the same rules two ways on a local mini cluster at the
 * same parallelism: the dynamic rules stage (router and one rule operator), and one Flink CEP
 * operator per rule ({@code CEP.pattern(...)}) on the stream keyed as each rule needs. Reports
 * records per second of processing time and the number of matches (which must agree).
 */
final class RulesThroughput {

    /**
     * One run.
     *
     * @param records records processed
     * @param millis processing time: from the first record generated to the end of the matches'
     *     stream (job deployment and shutdown excluded)
     * @param matches matches emitted
     */
    record Run(long records, long millis, long matches) {
        double recordsPerSecond() {
            return records * 1000.0 / millis;
        }
    }

    private final int parallelism;

    RulesThroughput(int parallelism) {
        this.parallelism = parallelism;
    }

    Run dynamic(List<RuleUpdate> rules, long records) throws Exception {
        StreamExecutionEnvironment env = environment(1);
        DataStream<RuleRecord> input = input(env, records);
        DataStream<RuleUpdate> control =
                env.fromData(new AvroTypeInfo<>(RuleUpdate.class), rules.get(0));
        RulesStage.Result stage =
                RulesStage.apply(input, control, new RuleSettings(10_000, 1000), rules);
        stage.signals().filter(new CountMatches<>()).sinkTo(new DiscardingSink<>());
        stage.statuses().sinkTo(new DiscardingSink<>());
        return run(env, records, "dynamic rules (" + rules.size() + ")");
    }

    Run baseline(List<RuleUpdate> rules, List<CompiledRule> compiled, long records)
            throws Exception {
        StreamExecutionEnvironment env = environment(rules.size());
        DataStream<RuleRecord> input = input(env, records);
        Map<KeyKind, KeyedStream<RuleRecord, String>> keyed = new EnumMap<>(KeyKind.class);
        DataStream<Signal> all = null;
        for (int i = 0; i < rules.size(); i++) {
            KeyKind kind = compiled.get(i).rule().key();
            KeyedStream<RuleRecord, String> stream =
                    keyed.computeIfAbsent(
                            kind,
                            k ->
                                    input.map(new KeyFor(k))
                                            .returns(new AvroTypeInfo<>(RuleRecord.class))
                                            .keyBy(RuleRecord::getKey, Types.STRING));
            DataStream<Signal> matches =
                    CEP.pattern(stream, compiled.get(i).pattern())
                            .process(new StaticRuleMatch(rules.get(i).getContent()))
                            .returns(new AvroTypeInfo<>(Signal.class))
                            .name("CEP " + compiled.get(i).id());
            all = all == null ? matches : all.union(matches);
        }
        all.filter(new CountMatches<>()).sinkTo(new DiscardingSink<>());
        return run(env, records, "one CEP operator per rule (" + rules.size() + ")");
    }

    private StreamExecutionEnvironment environment(int operators) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Room for the network buffers of many parallel operators.
        MemorySize network = MemorySize.ofMebiBytes(Math.min(2048, 128 + 4L * operators));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.getConfig().setAutoWatermarkInterval(200);
        return env;
    }

    /** Records 0..n-1 generated in order, spread round robin, timestamps increasing per subtask. */
    private DataStream<RuleRecord> input(StreamExecutionEnvironment env, long records) {
        return env.fromSequence(0, records - 1)
                .setParallelism(1)
                .rebalance()
                .map(new SyntheticTelemetry())
                .returns(new AvroTypeInfo<>(RuleRecord.class))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<RuleRecord>forMonotonousTimestamps()
                                .withTimestampAssigner((r, previous) -> r.getTimestamp()));
    }

    private static Run run(StreamExecutionEnvironment env, long records, String name)
            throws Exception {
        JobExecutionResult result = env.execute(name);
        Long matches = result.getAccumulatorResult(CountMatches.ACCUMULATOR);
        Long started = result.getAccumulatorResult(SyntheticTelemetry.STARTED);
        Long ended = result.getAccumulatorResult(CountMatches.ENDED);
        return new Run(records, Math.max(1, ended - started), matches == null ? 0 : matches);
    }

    /** Sets the routing key of a key kind, as the dynamic stage's router does. */
    static final class KeyFor implements MapFunction<RuleRecord, RuleRecord> {
        private static final long serialVersionUID = 1L;
        private final KeyKind kind;

        KeyFor(KeyKind kind) {
            this.kind = kind;
        }

        @Override
        public RuleRecord map(RuleRecord r) {
            String key = RuleKeys.keyOf(kind, r.getRecord());
            return new RuleRecord(
                    key == null ? "" : key,
                    RuleKeyKind.valueOf(kind.name()),
                    r.getTimestamp(),
                    r.getRecord());
        }
    }
}
