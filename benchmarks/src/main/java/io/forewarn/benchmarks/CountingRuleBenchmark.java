package io.forewarn.benchmarks;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.rules.runtime.BundledRules;
import io.forewarn.rules.runtime.RuleRecordSerializer;
import io.forewarn.rules.runtime.RuleRunner;
import io.forewarn.rules.runtime.RuleState;
import io.forewarn.rules.testing.InMemoryStateStore;
import io.forewarn.rules.testing.NoRuntimeContext;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in {@code retry-storm} rule (20 retries of a service within a minute) run per record as
 * the rule operator runs it (one key, one record per watermark), by the counting matcher and by
 * Flink CEP's NFA ({@link RuleRunner#nfaOnly}), over a service in a permanent storm (a retry every
 * 370 ms, a match every 20). Both keep their state in memory by reference, as the heap state
 * backend does, but without its per-access costs; so this measures the matching itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CountingRuleBenchmark {

    static final int BATCH = 1000;

    /** {@code counting}: the job's engine; {@code nfa}: Flink CEP's NFA for the same rule. */
    @Param({"counting", "nfa"})
    public String matcher;

    private RuleRunner runner;
    private RuleState state;
    private long time;
    private long matches;
    private final RuleRunner.Listener listener =
            new RuleRunner.Listener() {
                @Override
                public void onMatch(
                        Map<String, List<RuleRecord>> match, long operatorTime, long matchTime) {
                    matches++;
                }

                @Override
                public void onDeadline(long at) {
                    // No timers here: every record advances time.
                }
            };

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CompiledRule rule = null;
        for (RuleUpdate u : BundledRules.builtIn()) {
            if (u.getRuleId().equals("retry-storm")) {
                rule =
                        new RuleCompiler()
                                .compile(
                                        new RuleParser().parse("retry-storm.yaml", u.getContent()));
            }
        }
        if (rule == null) {
            throw new IllegalStateException("no built-in retry-storm rule");
        }
        runner =
                matcher.equals("nfa")
                        ? RuleRunner.nfaOnly(rule, NoRuntimeContext.INSTANCE, () -> 0L)
                        : new RuleRunner(rule, NoRuntimeContext.INSTANCE, () -> 0L);
        state = new RuleState(new InMemoryStateStore(), new RuleRecordSerializer());
        time = 1_000_000;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        runner.close();
        if (matches == 0) {
            throw new IllegalStateException("the benchmark stream found no match");
        }
    }

    /** Records of one key per second, each run as its own watermark step. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long retries() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            time += 370;
            RuleRecord record = retry(time);
            runner.run(
                    state,
                    List.of(new RuleRunner.Batch(time, List.of(record))),
                    time,
                    1000,
                    listener);
        }
        return matches;
    }

    private static RuleRecord retry(long time) {
        LogRecord log =
                LogRecord.newBuilder()
                        .setTimestamp(time)
                        .setService("svc-0001")
                        .setHost("svc-0001-1")
                        .setLevel(LogLevel.WARN)
                        .setMessage("Retrying request to payments-api (attempt 2 of 3)")
                        .setAttributes(Map.of())
                        .build();
        return new RuleRecord("service:svc-0001", RuleKeyKind.SERVICE, time, log);
    }
}
