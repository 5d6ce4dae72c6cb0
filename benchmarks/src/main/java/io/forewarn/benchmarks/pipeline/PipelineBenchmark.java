package io.forewarn.benchmarks.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.local.LocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end performance harness of the detection job, in one command (see
 * benchmarks/README.md):
 *
 * <ol>
 *   <li>the sustainable throughput of a source-only job (the job's Kafka sources and deserializers
 *       into a discarding sink) and of the full pipeline, both searched in this run with {@link
 *       ThroughputSearch}, and their ratio;
 *   <li>a steady run of the full pipeline at 50% of its sustainable rate: event-to-prediction
 *       latency percentiles ({@link LatencyRecorder}), the heap after each GC ({@link HeapAfterGc})
 *       and the size of every checkpoint, and whether they grow ({@link Growth});
 *   <li>a run at 80% for the latency percentiles there.
 * </ol>
 *
 * <p>Writes {@code OUT/pipeline-benchmark.json} and its section of benchmarks/RESULTS.md.
 *
 * <p>Options: {@code --out DIR}, {@code --results FILE}, {@code --trial PT3M}, {@code --steady
 * PT10M}, {@code --latency PT5M} (the 80% run), {@code --warmup PT2M}, {@code --start-rate 2000}
 * (the full pipeline's first trial), {@code --source-start-rate 64000} (the source-only job's),
 * {@code --min-rate 250} (the lowest rate tried when the start rate fails), {@code --max-rate
 * 400000}, {@code --refinements 2}, {@code --services 500}, {@code --parallelism 2}, {@code
 * --revision REV}, {@code --set KEY=VALUE} (a job option, repeatable, e.g. {@code --set
 * flink.execution.buffer-timeout.interval=10ms}), {@code --quick} (45 s trials, 3-minute steady
 * run: to try the harness, not for results), {@code --steady-only RATE} (only a steady run at RATE
 * records/s, with {@code --steady} and {@code --warmup}: a probe, written to {@code
 * steady-only.json} and not to RESULTS.md).
 */
public final class PipelineBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);

    /**
     * Everything the run measured, as written to JSON.
     *
     * @param date when it ran
     * @param revision the source revision
     * @param cores available processors
     * @param maxHeap the JVM's maximum heap
     * @param settingsNote job settings that matter for the figures
     * @param parallelism job parallelism
     * @param services simulated services
     * @param trialSeconds length of a throughput trial
     * @param outOfOrdernessMillis the job's bounded out-of-orderness
     * @param checkpointIntervalMillis the job's checkpoint interval
     * @param json where the raw figures are
     * @param source the source-only search
     * @param pipeline the full pipeline's search
     * @param ratio pipeline / source-only sustainable rates
     * @param steady the steady run at 50%
     * @param eighty the run at 80%
     * @param checkpointGrowth growth of the checkpoint size in the steady run
     * @param heapGrowth growth of the minute floors of the heap after GC in the steady run
     * @param liveHeapGrowth growth of the live heap (after a full collection) from the end of the
     *     steady run's warm-up to its end
     */
    record Summary(
            String date,
            String revision,
            int cores,
            String maxHeap,
            String settingsNote,
            int parallelism,
            int services,
            long trialSeconds,
            long outOfOrdernessMillis,
            long checkpointIntervalMillis,
            String json,
            ThroughputSearch.Result source,
            ThroughputSearch.Result pipeline,
            double ratio,
            SteadyRun.Result steady,
            SteadyRun.Result eighty,
            Growth checkpointGrowth,
            Growth heapGrowth,
            Growth liveHeapGrowth) {}

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> options = parse(args, overrides);
        boolean quick = options.containsKey("quick");
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/pipeline-benchmark"));
        Path results = Path.of(options.getOrDefault("results", "benchmarks/RESULTS.md"));
        Duration trial = Duration.parse(options.getOrDefault("trial", quick ? "PT45S" : "PT3M"));
        Duration steady = Duration.parse(options.getOrDefault("steady", quick ? "PT3M" : "PT10M"));
        Duration latency = Duration.parse(options.getOrDefault("latency", quick ? "PT2M" : "PT5M"));
        Duration warmup = Duration.parse(options.getOrDefault("warmup", quick ? "PT1M" : "PT2M"));
        double startRate = Double.parseDouble(options.getOrDefault("start-rate", "2000"));
        double sourceStartRate =
                Double.parseDouble(options.getOrDefault("source-start-rate", "64000"));
        double minRate = Double.parseDouble(options.getOrDefault("min-rate", "250"));
        double maxRate = Double.parseDouble(options.getOrDefault("max-rate", "400000"));
        int refinements = Integer.parseInt(options.getOrDefault("refinements", quick ? "1" : "2"));
        int services = Integer.parseInt(options.getOrDefault("services", "500"));
        int parallelism = Integer.parseInt(options.getOrDefault("parallelism", "2"));
        String revision = options.getOrDefault("revision", "unknown");
        Files.createDirectories(out);

        try (LocalKafka kafka = LocalKafka.start(out.resolve("kafka"), 0);
                HeapAfterGc heap = new HeapAfterGc()) {
            Map<String, String> values = new HashMap<>();
            values.put("kafka.bootstrap-servers", kafka.bootstrapServers());
            values.put("job.parallelism", Integer.toString(parallelism));
            values.put("elasticsearch.enabled", "false");
            values.put(
                    ForewarnOptions.METRICS_MODEL_CACHE.key(),
                    Integer.toString(modelCache(services, parallelism)));
            values.put(ForewarnOptions.METRICS_MODEL_BOX_CACHE.key(), "0.25");
            values.putAll(overrides);
            ForewarnConfig base = ForewarnConfig.of(values);
            Payloads payloads = new Payloads(services);
            if (options.containsKey("steady-only")) {
                steadyOnly(
                        new SteadyRun(base, out, payloads),
                        Double.parseDouble(options.get("steady-only")),
                        steady,
                        warmup,
                        Duration.parse(options.getOrDefault("live-heap-every", "PT0S")),
                        heap,
                        out);
                return;
            }
            ThroughputSearch search = new ThroughputSearch(base, out, payloads, trial);

            ThroughputSearch.Result source =
                    search.search(
                            JobKind.SOURCE_ONLY, sourceStartRate, minRate, maxRate, refinements);
            ThroughputSearch.Result pipeline =
                    search.search(JobKind.PIPELINE, startRate, minRate, maxRate, refinements);
            double ratio =
                    source.sustainableRate() == 0
                            ? 0
                            : pipeline.sustainableRate() / source.sustainableRate();
            LOG.info(
                    "Sustainable: source-only {}/s, pipeline {}/s, ratio {}",
                    String.format(Locale.ROOT, "%,.0f", source.sustainableRate()),
                    String.format(Locale.ROOT, "%,.0f", pipeline.sustainableRate()),
                    String.format(Locale.ROOT, "%.2f", ratio));

            SteadyRun runs = new SteadyRun(base, out, payloads);
            SteadyRun.Result half =
                    runs.run(
                            "bench-steady-50",
                            0.5 * pipeline.sustainableRate(),
                            steady,
                            warmup,
                            heap,
                            Duration.ZERO);
            SteadyRun.Result eighty =
                    runs.run(
                            "bench-latency-80",
                            0.8 * pipeline.sustainableRate(),
                            latency,
                            warmup,
                            heap,
                            null);

            Path json = out.resolve("pipeline-benchmark.json");
            Summary summary =
                    new Summary(
                            Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(),
                            revision,
                            Runtime.getRuntime().availableProcessors(),
                            Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB",
                            (overrides.isEmpty()
                                            ? "job defaults"
                                            : "job defaults except " + overrides)
                                    + " (state backend "
                                    + base.get(ForewarnOptions.STATE_BACKEND)
                                    + ", checkpoints every "
                                    + base.get(ForewarnOptions.CHECKPOINT_INTERVAL).toSeconds()
                                    + " s, exactly-once Kafka sinks, Elasticsearch off)",
                            parallelism,
                            services,
                            trial.toSeconds(),
                            base.get(ForewarnOptions.WATERMARK_OUT_OF_ORDERNESS).toMillis(),
                            base.get(ForewarnOptions.CHECKPOINT_INTERVAL).toMillis(),
                            json.toString(),
                            source,
                            pipeline,
                            ratio,
                            half,
                            eighty,
                            Growth.of(checkpointSizes(half), half.warmupSeconds()),
                            Growth.of(
                                    Growth.minutelyFloor(half.heapAfterGc()), half.warmupSeconds()),
                            Growth.between(half.liveHeap()));
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), summary);
            String markdown = Report.markdown(summary);
            Report.write(results, markdown);
            System.out.println();
            System.out.println(markdown);
        }
    }

    /**
     * Only the steady run, at a given rate, without the searches or the run at 80%: a probe of one
     * change's latency, state and live heap. Writes {@code steady-only.json}, not RESULTS.md.
     */
    private static void steadyOnly(
            SteadyRun runs,
            double rate,
            Duration steady,
            Duration warmup,
            Duration liveHeapEvery,
            HeapAfterGc heap,
            Path out)
            throws Exception {
        SteadyRun.Result result =
                runs.run("bench-steady-only", rate, steady, warmup, heap, liveHeapEvery);
        Growth checkpoints = Growth.of(checkpointSizes(result), result.warmupSeconds());
        Growth floors = Growth.of(Growth.minutelyFloor(result.heapAfterGc()), warmup.toSeconds());
        Growth live = Growth.between(result.liveHeap());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(
                        out.resolve("steady-only.json").toFile(),
                        Map.of(
                                "run", result,
                                "checkpointGrowth", String.valueOf(checkpoints),
                                "heapFloorGrowth", String.valueOf(floors),
                                "liveHeapGrowth", String.valueOf(live)));
        LOG.info(
                "Steady run at {}/s: checkpoints {}, heap floors {}, live heap {}",
                String.format(Locale.ROOT, "%,.0f", rate),
                checkpoints,
                floors,
                live);
    }

    private static java.util.List<long[]> checkpointSizes(SteadyRun.Result run) {
        return run.checkpoints().stream().map(c -> new long[] {c[0], c[1]}).toList();
    }

    /**
     * The metric models one instance keeps live, sized to the fleet as an operator would size
     * {@code metrics.model-cache} (docs/metrics.md): each service has {@link Payloads#SERIES}
     * metric series and a log-template rate series per template, spread over the instances, plus a
     * tenth for an uneven spread. Smaller, every interval would reload the surplus models (about 10
     * ms each).
     */
    static int modelCache(int services, int parallelism) {
        int series = services * (Payloads.SERIES + Payloads.TEMPLATES);
        return (int) Math.ceil(series * 1.1 / parallelism);
    }

    /** Options by name; {@code --set KEY=VALUE} options go to {@code overrides}. */
    private static Map<String, String> parse(String[] args, Map<String, String> overrides) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("quick")) {
                options.put(key, "true");
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException("--" + key + " needs a value");
            } else if (key.equals("set")) {
                String[] pair = args[++i].split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("--set needs KEY=VALUE, not " + args[i]);
                }
                overrides.put(pair[0], pair[1]);
            } else {
                options.put(key, args[++i]);
            }
        }
        return options;
    }
}
