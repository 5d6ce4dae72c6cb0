package io.forewarn.eval;

import static io.forewarn.config.ForewarnOptions.TOPIC_PREDICTIONS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.demo.Progress;
import io.forewarn.detect.DetectJob;
import io.forewarn.detect.JobEnvironment;
import io.forewarn.detect.KafkaEndpoints;
import io.forewarn.schema.Prediction;
import io.forewarn.simulator.EvaluationTimeline;
import io.forewarn.simulator.GroundTruth;
import io.forewarn.simulator.KafkaTelemetrySink;
import io.forewarn.simulator.Pacer;
import io.forewarn.simulator.TelemetryEvent;
import io.forewarn.simulator.TelemetrySimulator;
import io.forewarn.simulator.TelemetrySink;
import io.forewarn.simulator.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;

/**
 * One scorecard run: simulate an {@link EvaluationTimeline} as fast as possible into fresh Kafka
 * topics, run the detection job over them in bounded mode (to the end of the topics, then finish)
 * in the current Flink environment (a local mini cluster from the command line), read the committed
 * predictions, score them and write {@code scorecard.json} and one chart per incident.
 */
public final class ScenarioEvaluation {

    /**
     * What to run.
     *
     * @param seed simulator seed
     * @param scenarios incident and benign scenario names
     * @param start first simulated instant (epoch ms)
     * @param logsPerHostPerMinute log volume per host at mean traffic
     * @param partitions partitions of every topic
     * @param keepTopics leave the run's topics in Kafka afterwards
     */
    public record Settings(
            long seed,
            List<String> scenarios,
            long start,
            double logsPerHostPerMinute,
            int partitions,
            boolean keepTopics) {}

    /**
     * What came out.
     *
     * @param scorecard the scores
     * @param json where the scorecard was written
     * @param records telemetry records simulated
     * @param predictions prediction records read
     */
    public record Result(Scorecard scorecard, Path json, long records, int predictions) {}

    private final ForewarnConfig base;
    private final Settings settings;
    private final Path out;

    /**
     * @param base the job's configuration (Kafka servers, detector settings); topics, group,
     *     bounded mode and the plausibility window of event times are set per run
     * @param settings what to run
     * @param out output directory
     */
    public ScenarioEvaluation(ForewarnConfig base, Settings settings, Path out) {
        this.base = base;
        this.settings = settings;
        this.out = out;
    }

    public Result run(Progress progress) throws Exception {
        EvaluationTimeline timeline =
                EvaluationTimeline.build(
                        settings.seed(),
                        settings.start(),
                        settings.scenarios(),
                        settings.logsPerHostPerMinute());
        TelemetrySimulator simulator = timeline.simulator();
        List<GroundTruth> truths = simulator.groundTruth();
        String prefix =
                "eval-" + settings.seed() + "-" + UUID.randomUUID().toString().substring(0, 8);
        EvaluationTopics topics = new EvaluationTopics(prefix);
        // Checkpoints of the run go to a directory of its own unless configured: the job manager's
        // memory (the local default) refuses state beyond 5 MB, which a replay exceeds.
        Path checkpoints =
                base.getOptional(ForewarnOptions.CHECKPOINT_STORAGE).isPresent()
                        ? null
                        : Files.createTempDirectory("forewarn-eval-checkpoints");
        Map<String, String> options = runOptions(prefix, topics);
        if (checkpoints != null) {
            options.put(ForewarnOptions.CHECKPOINT_STORAGE.key(), checkpoints.toUri().toString());
        }
        ForewarnConfig config = base.with(options);
        Files.createDirectories(out.resolve("charts"));
        try (Progress.Step step = progress.step("Creating the run's topics (" + prefix + ".*)")) {
            topics.create(config, settings.partitions());
        }
        try {
            KeyMetricRecorder recorder;
            AtomicLong records = new AtomicLong();
            try (Progress.Step step =
                            progress.step(
                                    String.format(
                                            Locale.ROOT,
                                            "Simulating %.1f hours of %d services with %d incident(s)",
                                            (timeline.end() - timeline.start()) / 3_600_000.0,
                                            timeline.settings().services().size(),
                                            truths.size()));
                    KafkaTelemetrySink kafka =
                            new KafkaTelemetrySink(
                                    config.kafkaProperties(), topicsByKind(config))) {
                recorder = new KeyMetricRecorder(counting(kafka, records), truths);
                simulator.run(timeline.start(), timeline.end(), recorder, Pacer.unpaced());
                step.done(String.format(Locale.ROOT, "%,d records", records.get()));
            }
            try (Progress.Step step =
                    progress.step("Running " + DetectJob.NAME + " over them (bounded)")) {
                StreamExecutionEnvironment env =
                        StreamExecutionEnvironment.getExecutionEnvironment(
                                config.flinkConfiguration());
                JobEnvironment.configure(env, config);
                new DetectJob(config, new KafkaEndpoints(config)).build(env);
                env.execute(DetectJob.NAME + " eval " + prefix);
            }
            List<Prediction> predictions;
            try (Progress.Step step = progress.step("Reading the committed predictions")) {
                predictions =
                        PredictionTopic.readAll(
                                config.kafkaProperties(),
                                config.get(TOPIC_PREDICTIONS),
                                Duration.ofMinutes(2));
                step.done(predictions.size() + " records");
            }
            Scorer scorer =
                    new Scorer(timeline.start(), timeline.end(), truths, simulator.benignWindows());
            Map<GroundTruth, String> charts = new HashMap<>();
            for (GroundTruth truth : truths) {
                charts.put(truth, "charts/" + truth.scenario() + ".png");
            }
            Scorecard card = scorer.score(settings.seed(), predictions, charts::get);
            try (Progress.Step step = progress.step("Drawing " + truths.size() + " charts")) {
                for (int i = 0; i < truths.size(); i++) {
                    GroundTruth truth = truths.get(i);
                    TimelineChart.write(
                            out.resolve(charts.get(truth)),
                            truth,
                            card.incidents().get(i),
                            recorder.series(truth),
                            scorer.markers(truth, predictions));
                }
            }
            Path json = out.resolve("scorecard.json");
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), card);
            return new Result(card, json, records.get(), predictions.size());
        } finally {
            if (!settings.keepTopics()) {
                topics.delete(config);
            }
            if (checkpoints != null) {
                FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
            }
        }
    }

    /** What every run sets: its own topics and group, bounded mode, no plausibility window. */
    private static Map<String, String> runOptions(String prefix, EvaluationTopics topics) {
        Map<String, String> values = new HashMap<>(topics.names());
        values.put("kafka.group-id", prefix);
        values.put("kafka.transactional-id-prefix", prefix);
        values.put("kafka.starting-offsets", "earliest");
        values.put("job.bounded", "true");
        // The simulated timeline may be days in the past: do not dead-letter it as implausible.
        values.put("ingest.max-age", "0 ms");
        values.put("ingest.max-future-skew", "0 ms");
        values.put("elasticsearch.index-prefix", prefix);
        return values;
    }

    private static TelemetrySink counting(TelemetrySink sink, AtomicLong count) {
        return new TelemetrySink() {
            @Override
            public void send(TelemetryEvent event) {
                sink.send(event);
                count.incrementAndGet();
            }

            @Override
            public void flush() {
                sink.flush();
            }
        };
    }

    /** The input topics of a configuration, by the simulator's kind of record. */
    public static Map<Topic, String> topicsByKind(ForewarnConfig config) {
        Map<Topic, String> topics = new EnumMap<>(Topic.class);
        topics.put(Topic.LOGS, config.get(ForewarnOptions.TOPIC_LOGS));
        topics.put(Topic.METRICS, config.get(ForewarnOptions.TOPIC_METRICS));
        topics.put(Topic.DEPLOYMENTS, config.get(ForewarnOptions.TOPIC_DEPLOYMENTS));
        topics.put(Topic.VCS, config.get(ForewarnOptions.TOPIC_VCS));
        topics.put(Topic.DEPENDENCIES, config.get(ForewarnOptions.TOPIC_DEPENDENCIES));
        topics.put(Topic.INCIDENTS, config.get(ForewarnOptions.TOPIC_INCIDENTS));
        return topics;
    }
}
