package io.forewarn.benchmarks.metrics;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the metrics anomaly stage as the job runs it per series interval, against a bare
 * Random Cut Forest with the same dimensions (shingle 8), trees (30) and sample size (256) doing
 * score + update on the same values, in the same run ({@link StageFixture}). Target: the stage at
 * least 0.8x the bare forest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class AnomalyStageBenchmark {

    static final int BATCH = 1000;

    private StageFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new StageFixture();
    }

    /** The anomaly stage, series intervals per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double anomalyStage() {
        double sum = 0;
        for (int k = 0; k < BATCH; k++) {
            sum += fixture.stagePoint();
        }
        return sum;
    }

    /** A bare Random Cut Forest (score + update), points per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double bareForest() {
        double sum = 0;
        for (int k = 0; k < BATCH; k++) {
            sum += fixture.bareForestPoint();
        }
        return sum;
    }
}
