package io.forewarn.benchmarks.pipeline;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full pipeline at a constant rate for a while: latency percentiles after a warm-up, and every
 * {@value #SAMPLE_SECONDS} s the consumer lag and the latest completed checkpoint; the heap after
 * each garbage collection comes from {@link HeapAfterGc}. Writes {@code latencies.csv} (every
 * measured prediction), {@code checkpoints.csv} (every completed checkpoint with its trigger time)
 * and {@code gc.csv} (every garbage collection with its duration) to the run's directory.
 */
final class SteadyRun {

    private static final Logger LOG = LoggerFactory.getLogger(SteadyRun.class);
    static final int SAMPLE_SECONDS = 10;

    /**
     * How long after the full collection of the first live-heap histogram the latency measurement
     * starts: the pause of a few seconds, and the job catching up with what arrived during it, stay
     * out of the percentiles.
     */
    static final int LIVE_HEAP_SETTLE_SECONDS = 30;

    /** Classes listed in the log and in {@code live-heap-growth.txt}, by change of live bytes. */
    private static final int LIVE_HEAP_TOP = 40;

    /**
     * What a steady run measured.
     *
     * @param targetRate records per second asked for
     * @param achievedRate records per second sent
     * @param seconds duration
     * @param warmupSeconds how much of the start the latency and growth figures leave out
     * @param latency latency percentiles after the warm-up
     * @param checkpoints (seconds, state size, checkpointed size, duration ms) of each new
     *     completed checkpoint
     * @param failedCheckpoints checkpoints that failed during the run
     * @param heapAfterGc (seconds, bytes) after each collection
     * @param lag (seconds, records) samples
     * @param liveHeap (seconds, bytes) of the live heap at the end of the warm-up, at each further
     *     interval asked for, and at the end of the run, each from a full collection ({@link
     *     LiveHeap}); empty when not asked for
     */
    record Result(
            double targetRate,
            double achievedRate,
            long seconds,
            long warmupSeconds,
            LatencyRecorder.Snapshot latency,
            List<long[]> checkpoints,
            long failedCheckpoints,
            List<long[]> heapAfterGc,
            List<long[]> lag,
            List<long[]> liveHeap) {}

    private final ForewarnConfig base;
    private final Path work;
    private final Payloads payloads;

    SteadyRun(ForewarnConfig base, Path work, Payloads payloads) {
        this.base = base;
        this.work = work;
        this.payloads = payloads;
    }

    /**
     * Runs the full pipeline at {@code rate} for {@code duration}. Unless {@code liveHeapEvery} is
     * null, a class histogram of the live heap is taken at the end of the warm-up and at the end of
     * the run (files {@code live-heap-start.txt}, {@code live-heap-end.txt} and {@code
     * live-heap-growth.txt}), and, if it is positive, every {@code liveHeapEvery} in between
     * ({@code live-heap-<seconds>s.txt}: probes of long runs, whose latency figures then include
     * those pauses); the latency measurement starts {@value #LIVE_HEAP_SETTLE_SECONDS} s after the
     * first, outside its pause.
     */
    Result run(
            String name,
            double rate,
            Duration duration,
            Duration warmup,
            HeapAfterGc heap,
            Duration liveHeapEvery)
            throws Exception {
        boolean liveHeap = liveHeapEvery != null;
        LOG.info(
                "Steady run {} at {} records/s for {} s",
                name,
                String.format(Locale.ROOT, "%,.0f", rate),
                duration.toSeconds());
        List<long[]> checkpoints = new ArrayList<>();
        List<long[]> lagSamples = new ArrayList<>();
        List<long[]> liveHeapSamples = new ArrayList<>();
        Path dir = work.resolve(name);
        LiveHeap startHeap = null;
        Map<Long, CheckpointStats.Completed> completed = new TreeMap<>();
        LatencyRecorder.Snapshot latency;
        double achieved;
        long failed = 0;
        long startMillis = System.currentTimeMillis();
        try (BenchmarkRun run =
                        BenchmarkRun.start(
                                base, name, work.resolve(name), JobKind.PIPELINE, payloads, rate);
                ConsumerLag lag = run.lag();
                LatencyRecorder recorder =
                        new LatencyRecorder(
                                run.config().kafkaProperties(),
                                run.predictionsTopic(),
                                run.config().get(ForewarnOptions.WATERMARK_OUT_OF_ORDERNESS),
                                work.resolve(name).resolve("latencies.csv"))) {
            CheckpointStats stats = run.checkpoints();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            boolean reset = false;
            long lastCheckpoint = -1;
            long next = start;
            while (System.nanoTime() < end) {
                next += SAMPLE_SECONDS * 1_000_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                if (liveHeap && startHeap == null && seconds >= warmup.toSeconds()) {
                    startHeap = liveHeap(dir.resolve("live-heap-start.txt"));
                    liveHeapSamples.add(new long[] {seconds, startHeap.totalBytes()});
                } else if (startHeap != null
                        && !liveHeapEvery.isZero()
                        && !liveHeapEvery.isNegative()
                        && seconds - liveHeapSamples.get(liveHeapSamples.size() - 1)[0]
                                >= liveHeapEvery.toSeconds()
                        && end - System.nanoTime() > liveHeapEvery.toNanos() / 2) {
                    LiveHeap now = liveHeap(dir.resolve("live-heap-" + seconds + "s.txt"));
                    liveHeapSamples.add(new long[] {seconds, now.totalBytes()});
                    LOG.info(
                            "  live heap at {} s: {} MB; largest changes since the warm-up:\n{}",
                            seconds,
                            now.totalBytes() >> 20,
                            now.growthSince(startHeap, 12));
                }
                long measureFrom = warmup.toSeconds() + (liveHeap ? LIVE_HEAP_SETTLE_SECONDS : 0);
                if (!reset && seconds >= measureFrom) {
                    recorder.reset();
                    reset = true;
                }
                lagSamples.add(new long[] {seconds, lag.lag()});
                CheckpointStats.Snapshot read = stats.read(run.jobId());
                CheckpointStats.Latest latest = read.latest();
                if (latest != null && latest.id() != lastCheckpoint) {
                    lastCheckpoint = latest.id();
                    checkpoints.add(
                            new long[] {
                                seconds,
                                latest.stateSize(),
                                latest.checkpointedSize(),
                                latest.durationMillis()
                            });
                }
                if (latest != null) {
                    failed = latest.failed();
                }
                for (CheckpointStats.Completed c : read.history()) {
                    completed.putIfAbsent(c.id(), c);
                }
                if (!run.jobRunning()) {
                    throw new IllegalStateException(
                            "The job stopped during the steady run " + name);
                }
            }
            latency = recorder.snapshot();
            if (startHeap != null) {
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                LiveHeap endHeap = liveHeap(dir.resolve("live-heap-end.txt"));
                liveHeapSamples.add(new long[] {seconds, endHeap.totalBytes()});
                String growth = endHeap.growthSince(startHeap, LIVE_HEAP_TOP);
                Files.writeString(dir.resolve("live-heap-growth.txt"), growth);
                LOG.info(
                        "  live heap {} MB -> {} MB; largest changes by class:\n{}",
                        startHeap.totalBytes() >> 20,
                        endHeap.totalBytes() >> 20,
                        growth);
            }
            writeCheckpoints(work.resolve(name).resolve("checkpoints.csv"), completed.values());
            achieved = run.generator().achievedRate();
        }
        List<long[]> heapSamples = new ArrayList<>();
        List<HeapAfterGc.Sample> collections = new ArrayList<>();
        for (HeapAfterGc.Sample s : heap.samples()) {
            if (s.atMillis() >= startMillis) {
                heapSamples.add(new long[] {(s.atMillis() - startMillis) / 1000, s.bytes()});
                collections.add(s);
            }
        }
        writeCollections(work.resolve(name).resolve("gc.csv"), collections);
        HeapAfterGc.Sample longest =
                collections.stream()
                        .max(Comparator.comparingLong(HeapAfterGc.Sample::durationMillis))
                        .orElse(null);
        if (longest != null) {
            LOG.info(
                    "  {} garbage collections, the longest {} ms ({}, {}) at {} s",
                    collections.size(),
                    longest.durationMillis(),
                    longest.collector(),
                    longest.cause(),
                    (longest.atMillis() - startMillis) / 1000);
        }
        LOG.info(
                "  latency p50/p99/p99.9 pipeline {}/{}/{} ms, committed {}/{}/{} ms ({} predictions)",
                latency.pipeline().p50(),
                latency.pipeline().p99(),
                latency.pipeline().p999(),
                latency.committed().p50(),
                latency.committed().p99(),
                latency.committed().p999(),
                latency.pipeline().count());
        return new Result(
                rate,
                achieved,
                duration.toSeconds(),
                warmup.toSeconds(),
                latency,
                checkpoints,
                failed,
                heapSamples,
                lagSamples,
                liveHeapSamples);
    }

    private static LiveHeap liveHeap(Path file) throws IOException {
        long begin = System.nanoTime();
        LiveHeap histogram = LiveHeap.take();
        Files.writeString(file, histogram.text());
        LOG.info(
                "  live heap {} MB (class histogram with a full collection, {} ms) in {}",
                histogram.totalBytes() >> 20,
                (System.nanoTime() - begin) / 1_000_000,
                file.getFileName());
        return histogram;
    }

    /**
     * Every garbage collection of the harness JVM during the run, one line each (end time in epoch
     * ms, collector, action, cause, duration, heap after), to line the slow predictions of {@code
     * latencies.csv} up with the collections' pauses.
     */
    static void writeCollections(Path file, Collection<HeapAfterGc.Sample> collections)
            throws IOException {
        StringBuilder csv =
                new StringBuilder("end_ms,collector,action,cause,duration_ms,heap_after_bytes\n");
        for (HeapAfterGc.Sample s : collections) {
            csv.append(s.atMillis())
                    .append(',')
                    .append(csvField(s.collector()))
                    .append(',')
                    .append(csvField(s.action()))
                    .append(',')
                    .append(csvField(s.cause()))
                    .append(',')
                    .append(s.durationMillis())
                    .append(',')
                    .append(s.bytes())
                    .append('\n');
        }
        Files.writeString(file, csv);
    }

    /** The JVM's names and causes hold no commas today; quoted if one ever does. */
    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * Every completed checkpoint seen during the run, one line each (id, trigger time in epoch ms,
     * end-to-end duration, state size), to line the slow predictions of {@code latencies.csv} up
     * with the checkpoints.
     */
    static void writeCheckpoints(Path file, Collection<CheckpointStats.Completed> checkpoints)
            throws IOException {
        StringBuilder csv = new StringBuilder("id,trigger_ms,duration_ms,state_size\n");
        for (CheckpointStats.Completed c : checkpoints) {
            csv.append(c.id())
                    .append(',')
                    .append(c.triggerMillis())
                    .append(',')
                    .append(c.durationMillis())
                    .append(',')
                    .append(c.stateSize())
                    .append('\n');
        }
        Files.writeString(file, csv);
    }
}
