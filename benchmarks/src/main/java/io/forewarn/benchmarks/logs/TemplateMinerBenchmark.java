package io.forewarn.benchmarks.logs;

import io.forewarn.logs.template.MinerConfig;
import io.forewarn.logs.template.MiningResult;
import io.forewarn.logs.template.SyntheticSystemLogs;
import io.forewarn.logs.template.TemplateMiner;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the template miner (the job's, default configuration) on a mixed
 * stream of eight systems' messages. One operation mines one line, so the score is lines per
 * second.
 *
 * <ul>
 *   <li>{@code steadyState}: every template already exists (the miner has seen the stream once).
 *   <li>{@code withUnseenLines}: every {@code unseenEvery}-th line starts with a fresh random word,
 *       so it opens a new template; at the default bound of 10,000 templates the least recently
 *       used ones are evicted continuously, so the share of unseen lines stays the same forever.
 * </ul>
 *
 * The stream is the Loghub-2k systems of {@code -p loghubDir=DIR} (a folder with {@code
 * formats.json}), or, by default, a synthetic stream in their style ({@code SyntheticSystemLogs}),
 * so the benchmark needs no data files. The setup prints the memory per template (the miner's
 * estimate, a heap measurement over 20,000 templates, the snapshot size) and lines per second of
 * CPU time, which other load on the machine does not lower as it lowers the scores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TemplateMinerBenchmark {

    private static final int HEAP_SAMPLE_TEMPLATES = 20_000;

    /** Loghub data folder; empty for the synthetic stream. */
    @Param({""})
    public String loghubDir;

    /** One line in this many is unseen in {@code withUnseenLines}. */
    @Param({"10"})
    public int unseenEvery;

    private String[] mixed;
    private String[] withUnseen;
    private TemplateMiner steadyMiner;
    private TemplateMiner unseenMiner;
    private int steadyPos;
    private int unseenPos;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> stream =
                loghubDir.isEmpty()
                        ? SyntheticSystemLogs.mixedStream(2_000, 42)
                        : LoghubStream.mixed(Path.of(loghubDir));
        mixed = stream.toArray(new String[0]);
        steadyMiner = new TemplateMiner();
        for (String s : mixed) {
            steadyMiner.mine(s);
        }
        withUnseen = streamWithUnseen(mixed, 10, new Random(42));
        unseenMiner = new TemplateMiner();
        for (String s : withUnseen) {
            unseenMiner.mine(s);
        }
        System.out.printf(
                "%n[stream] %s: %,d lines, %,d templates%n",
                loghubDir.isEmpty() ? "synthetic eight-system stream" : loghubDir,
                mixed.length,
                steadyMiner.templateCount());
        System.out.printf(
                "[memory] estimate %.0f bytes/template, snapshot %.0f bytes/template%n",
                (double) steadyMiner.estimatedMemoryBytes() / steadyMiner.templateCount(),
                (double) snapshotBytes(steadyMiner) / steadyMiner.templateCount());
        measureHeapPerTemplate(mixed);
        System.out.printf(
                "[cpu] steady state %,.0f lines per CPU second, with unseen lines %,.0f%n",
                linesPerCpuSecond(steadyMiner, mixed), linesPerCpuSecond(unseenMiner, withUnseen));
    }

    /**
     * Lines mined per second of this thread's CPU time after warm-up passes: a figure that, unlike
     * the wall-clock score, does not drop when other processes compete for the cores.
     */
    private static double linesPerCpuSecond(TemplateMiner miner, String[] lines) {
        for (int pass = 0; pass < 10; pass++) { // warm up the JIT
            for (String s : lines) {
                miner.mine(s);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long lineCount = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 10; pass++) {
            for (String s : lines) {
                miner.mine(s);
            }
            lineCount += lines.length;
        }
        return lineCount * 1e9 / (threads.getCurrentThreadCpuTime() - start);
    }

    /**
     * {@code copies} copies of the stream where every unseenEvery-th line gets a fresh first word.
     */
    private String[] streamWithUnseen(String[] lines, int copies, Random random) {
        String[] out = new String[lines.length * copies];
        for (int i = 0; i < out.length; i++) {
            String base = lines[i % lines.length];
            out[i] = i % unseenEvery == unseenEvery - 1 ? randomWord(random) + " " + base : base;
        }
        return out;
    }

    private static String randomWord(Random random) {
        char[] w = new char[10];
        for (int k = 0; k < w.length; k++) {
            w[k] = (char) ('a' + random.nextInt(26));
        }
        return new String(w);
    }

    private static void measureHeapPerTemplate(String[] lines) {
        Random random = new Random(7);
        String[] unique = new String[HEAP_SAMPLE_TEMPLATES];
        for (int i = 0; i < unique.length; i++) {
            unique[i] = randomWord(random) + " " + lines[i % lines.length];
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        TemplateMiner miner =
                new TemplateMiner(
                        MinerConfig.builder()
                                .maxTemplates(HEAP_SAMPLE_TEMPLATES)
                                .maxMemoryBytes(1L << 30)
                                .build());
        for (String s : unique) {
            miner.mine(s);
        }
        long after = usedHeapAfterGc(memory);
        System.out.printf(
                "[memory] %,d templates: heap %.0f bytes/template, estimate %.0f bytes/template%n",
                miner.templateCount(),
                (double) (after - before) / miner.templateCount(),
                (double) miner.estimatedMemoryBytes() / miner.templateCount());
        if (miner.linesMined() != unique.length) {
            throw new AssertionError("the miner must stay reachable until measured");
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long snapshotBytes(TemplateMiner miner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            miner.snapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    @Benchmark
    public MiningResult steadyState() {
        String s = mixed[steadyPos];
        steadyPos = steadyPos + 1 == mixed.length ? 0 : steadyPos + 1;
        return steadyMiner.mine(s);
    }

    @Benchmark
    public MiningResult withUnseenLines() {
        String s = withUnseen[unseenPos];
        unseenPos = unseenPos + 1 == withUnseen.length ? 0 : unseenPos + 1;
        return unseenMiner.mine(s);
    }
}
