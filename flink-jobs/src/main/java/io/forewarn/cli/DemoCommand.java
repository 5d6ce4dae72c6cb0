package io.forewarn.cli;

import io.forewarn.BuildInfo;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.demo.PredictionBoard;
import io.forewarn.demo.PredictionTable;
import io.forewarn.demo.Progress;
import io.forewarn.detect.DetectJob;
import io.forewarn.detect.ElasticsearchOutputs;
import io.forewarn.detect.JobEnvironment;
import io.forewarn.detect.KafkaEndpoints;
import io.forewarn.eval.ScenarioEvaluation;
import io.forewarn.eval.Scorecard;
import io.forewarn.eval.ScorecardText;
import io.forewarn.eval.Scorer;
import io.forewarn.local.LocalElasticsearch;
import io.forewarn.local.LocalKafka;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.simulator.BenignWindow;
import io.forewarn.simulator.DemoTimeline;
import io.forewarn.simulator.GroundTruth;
import io.forewarn.simulator.KafkaTelemetrySink;
import io.forewarn.simulator.Pacer;
import io.forewarn.simulator.TelemetryEvent;
import io.forewarn.simulator.TelemetrySimulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code forewarn demo}: everything on this machine. An embedded Kafka broker, a local
 * Elasticsearch node, the job in a local Flink cluster with its web UI, fed by the telemetry
 * simulator; the ranked predictions refresh in the terminal. Ctrl-C stops everything.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run Forewarn end to end on this machine: an embedded Kafka broker, a local"
                    + " Elasticsearch node, the forewarn-detect job in a local Flink cluster with"
                    + " its web UI, fed by simulated telemetry with injected incidents. The ranked"
                    + " predictions refresh in the terminal; Ctrl-C stops everything."
        })
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Mixin ConfigOptionsMixin options;

    @Option(
            names = "--speed",
            defaultValue = "30",
            description =
                    "Simulated seconds per real second until the simulation reaches now (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--history",
            defaultValue = "PT3H",
            description = "How far in the past the simulation starts, ISO-8601 (default: 3 hours).")
    Duration history;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description =
                    "Simulator seed; the same seed gives the same telemetry (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--logs-per-minute",
            defaultValue = "60",
            description =
                    "Log lines per host and minute at mean traffic (default: ${DEFAULT-VALUE}).")
    double logsPerMinute;

    @Option(
            names = "--duration",
            description =
                    "Stop by itself after this long, ISO-8601 (e.g. PT5M). Default: until Ctrl-C.")
    Duration duration;

    @Option(
            names = "--web-port",
            defaultValue = "8081",
            description = "Port of the Flink web UI (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(
            names = "--prometheus-port",
            defaultValue = "9249",
            description =
                    "Port of the Prometheus metrics endpoint (/metrics); 0 picks a free one (default:"
                            + " ${DEFAULT-VALUE}).")
    int prometheusPort;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description =
                    "Port of the embedded Kafka broker; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--elasticsearch-port",
            defaultValue = "9200",
            description =
                    "Port of the local Elasticsearch node; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int elasticsearchPort;

    @Option(
            names = "--elasticsearch-url",
            description = "Use this Elasticsearch instead of starting a local node.")
    String elasticsearchUrl;

    @Option(
            names = "--work-dir",
            description =
                    "Where the broker's and the node's data go (default: ~/.forewarn/demo, /var/tmp/forewarn/demo as root).")
    Path workDir;

    @Option(
            names = "--refresh",
            defaultValue = "PT2S",
            description = "How often the table refreshes (default: 2 seconds).")
    Duration refresh;

    private final PrintStream out = System.out;
    private final Progress progress = new Progress(System.out);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        Thread hook = new Thread(this::onInterrupt, "forewarn-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return run(resources);
        } finally {
            shutDown(resources);
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (Ctrl-C): the hook is waiting for us.
            }
        }
    }

    private int run(List<AutoCloseable> resources) throws Exception {
        Path dir = workDir != null ? workDir : WorkDirectories.of("demo");
        Files.createDirectories(dir);
        progress.line(
                "Forewarn demo " + BuildInfo.forewarnVersion() + " (work directory " + dir + ")");

        LocalKafka kafka;
        try (Progress.Step step = progress.step("Starting Kafka (KRaft broker)")) {
            kafka = LocalKafka.start(dir.resolve("kafka"), kafkaPort);
            resources.add(0, kafka);
            step.done("ready on " + kafka.bootstrapServers());
        }
        String esUrl = elasticsearchUrl;
        if (esUrl == null) {
            try (Progress.Step step =
                    progress.step(
                            "Starting Elasticsearch " + BuildInfo.elasticsearchServerVersion())) {
                LocalElasticsearch node =
                        LocalElasticsearch.builder(distribution())
                                .instanceDirectory(dir.resolve("elasticsearch"))
                                .httpPort(elasticsearchPort)
                                .build();
                resources.add(0, node);
                node.start();
                esUrl = node.httpUrl();
                step.done("ready on " + esUrl);
            }
        }

        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        defaults.put("elasticsearch.endpoints", esUrl);
        defaults.put("elasticsearch.replicas", "0");
        defaults.put("job.parallelism", "2");
        defaults.put("checkpoint.interval", "5 s");
        // On disk: the job manager's memory (the local default) refuses state beyond 5 MB.
        defaults.put("checkpoint.storage", dir.resolve("checkpoints").toUri().toString());
        defaults.put("watermark.idleness", "10 s");
        defaults.put("flink.rest.port", Integer.toString(webPort));
        defaults.put(
                "flink.metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        defaults.put("flink.metrics.reporter.prom.port", Integer.toString(prometheusPort));
        ForewarnConfig config = options.load(defaults);

        try (Progress.Step step = progress.step("Creating topics and index templates")) {
            kafka.createTopics(topics(config), 2);
            ElasticsearchOutputs.installTemplates(config);
        }

        JobClient job;
        try (Progress.Step step =
                progress.step("Starting the " + DetectJob.NAME + " job in a local Flink cluster")) {
            StreamExecutionEnvironment env = JobEnvironment.create(config);
            new DetectJob(config, new KafkaEndpoints(config)).build(env);
            job = env.executeAsync(DetectJob.NAME);
            resources.add(0, () -> job.cancel().get(30, TimeUnit.SECONDS));
        }

        long start = Instant.now().minus(history).truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        long end = start + Duration.ofDays(7).toMillis();
        TelemetrySimulator simulator =
                new TelemetrySimulator(
                        DemoTimeline.fleet(seed, logsPerMinute),
                        DemoTimeline.schedule(seed, start, end, Duration.ofMinutes(8)));
        AtomicLong sent = new AtomicLong();
        AtomicLong simulatedTime = new AtomicLong(start);
        KafkaTelemetrySink kafkaSink =
                new KafkaTelemetrySink(
                        config.kafkaProperties(), ScenarioEvaluation.topicsByKind(config));
        Thread feeder =
                new Thread(
                        () -> feed(simulator, start, end, kafkaSink, sent, simulatedTime),
                        "simulator");
        feeder.setDaemon(true);
        feeder.start();
        resources.add(
                0,
                () -> {
                    feeder.interrupt();
                    feeder.join(10_000);
                    kafkaSink.close();
                });

        PredictionBoard board =
                new PredictionBoard(
                        config.kafkaProperties(), config.get(ForewarnOptions.TOPIC_PREDICTIONS));
        resources.add(0, board);

        String webUi = "http://localhost:" + webPort;
        progress.line("");
        progress.line("Flink web UI:   " + webUi);
        if (prometheusPort > 0) {
            progress.line("Prometheus:     http://localhost:" + prometheusPort + "/metrics");
        }
        progress.line(
                "Elasticsearch:  " + esUrl + "/" + config.indexName("predictions") + "/_search");
        progress.line(
                "Kafka:          "
                        + kafka.bootstrapServers()
                        + " (topic "
                        + config.get(ForewarnOptions.TOPIC_PREDICTIONS)
                        + ")");
        progress.line(
                "Simulating from "
                        + Instant.ofEpochMilli(start)
                        + " at "
                        + speed
                        + "x; Ctrl-C stops.");
        progress.line("");

        show(board, sent, simulatedTime, webUi);
        summary(board, sent);
        scorecard(simulator, start, simulatedTime.get(), board);
        return 0;
    }

    private void feed(
            TelemetrySimulator simulator,
            long start,
            long end,
            KafkaTelemetrySink sink,
            AtomicLong sent,
            AtomicLong simulatedTime) {
        try {
            simulator.run(
                    start,
                    end,
                    new io.forewarn.simulator.TelemetrySink() {
                        @Override
                        public void send(TelemetryEvent event) {
                            sink.send(event);
                            sent.incrementAndGet();
                            simulatedTime.accumulateAndGet(event.timestamp(), Math::max);
                        }
                    },
                    Pacer.accelerated(speed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The simulator stopped", e);
        }
    }

    private void show(
            PredictionBoard board, AtomicLong sent, AtomicLong simulatedTime, String webUi)
            throws InterruptedException {
        boolean terminal = System.console() != null;
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        String lastShown = "";
        long lastPrinted = 0;
        while (!stopRequested.await(refresh.toMillis(), TimeUnit.MILLISECONDS)
                && System.nanoTime() < deadline) {
            List<Prediction> predictions = board.predictions();
            String table = PredictionTable.render(predictions, 15, terminalWidth());
            String header =
                    String.format(
                            Locale.ROOT,
                            "Forewarn demo | simulated time %s | %,d records sent | %d open predictions | web UI %s%n%n",
                            Instant.ofEpochMilli(simulatedTime.get())
                                    .truncatedTo(ChronoUnit.SECONDS),
                            sent.get(),
                            open(predictions),
                            webUi);
            if (terminal) {
                out.print("\033[H\033[2J" + header + table);
                out.flush();
            } else if (!table.equals(lastShown)
                    && System.nanoTime() - lastPrinted > TimeUnit.SECONDS.toNanos(10)) {
                out.print(header + table + "\n");
                lastShown = table;
                lastPrinted = System.nanoTime();
            }
        }
    }

    private void summary(PredictionBoard board, AtomicLong sent) {
        List<Prediction> predictions = board.predictions();
        Map<PredictionStatus, Long> byStatus =
                predictions.stream()
                        .collect(
                                Collectors.groupingBy(
                                        Prediction::getStatus,
                                        () -> new EnumMap<>(PredictionStatus.class),
                                        Collectors.counting()));
        out.println();
        out.println(
                "Summary: "
                        + sent.get()
                        + " telemetry records, "
                        + predictions.size()
                        + " predictions ("
                        + byStatus
                        + "), "
                        + board.updates()
                        + " prediction updates.");
        out.print(PredictionTable.render(predictions, 10, terminalWidth()));
    }

    /** Scores the incidents that have had their failure so far (see docs/evaluation.md). */
    private void scorecard(
            TelemetrySimulator simulator, long start, long now, PredictionBoard board) {
        List<GroundTruth> failed =
                simulator.groundTruth().stream().filter(t -> t.failureTime() <= now).toList();
        List<BenignWindow> benign =
                simulator.benignWindows().stream().filter(w -> w.to() <= now).toList();
        if (failed.isEmpty() || now <= start) {
            out.println("Scorecard: no incident has failed yet in the simulated time.");
            return;
        }
        Scorecard card =
                new Scorer(start, now, failed, benign).score(seed, board.history(), t -> null);
        out.println();
        out.println("Scorecard of the incidents so far (rules: docs/evaluation.md):");
        out.print(ScorecardText.render(card));
    }

    private void onInterrupt() {
        stopRequested.countDown();
        try {
            if (!stopped.await(90, TimeUnit.SECONDS)) {
                System.err.println("forewarn demo: shutdown is taking long; exiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutDown(List<AutoCloseable> resources) {
        if (resources.isEmpty()) {
            return;
        }
        try (Progress.Step step = progress.step("Stopping the job, Elasticsearch and Kafka")) {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("Could not stop {} cleanly: {}", resource, e.toString());
                }
            }
        }
    }

    private static Path distribution() {
        Path zip = LocalElasticsearch.mavenRepositoryZip(BuildInfo.elasticsearchServerVersion());
        if (!Files.exists(zip)) {
            throw new CliException(
                    "The Elasticsearch distribution is not in the Maven repository ("
                            + zip
                            + "). Fetch it with: mvn dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
                            + BuildInfo.elasticsearchServerVersion()
                            + ":zip, or pass --elasticsearch-url.");
        }
        return zip;
    }

    private static List<String> topics(ForewarnConfig config) {
        return ForewarnOptions.all().stream()
                .filter(o -> o.key().startsWith("topics."))
                .map(o -> (String) config.get(o))
                .collect(Collectors.toList());
    }

    private static long open(List<Prediction> predictions) {
        return predictions.stream()
                .filter(
                        p ->
                                p.getStatus() == PredictionStatus.OPEN
                                        || p.getStatus() == PredictionStatus.UPDATED)
                .count();
    }

    private static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        try {
            return columns != null ? Math.max(80, Integer.parseInt(columns)) : 160;
        } catch (NumberFormatException e) {
            return 160;
        }
    }
}
