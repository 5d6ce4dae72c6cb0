package io.forewarn.cli;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.demo.Progress;
import io.forewarn.eval.ScenarioEvaluation;
import io.forewarn.eval.ScorecardText;
import io.forewarn.local.LocalKafka;
import io.forewarn.simulator.EvaluationTimeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code forewarn eval scenarios}: the end-to-end scorecard. Simulates a timeline of incidents and
 * benign disturbances, runs the detection job over it and scores the predictions (see
 * docs/evaluation.md).
 */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = {
            "Run the forewarn-detect job over a simulated timeline with incident scenarios and"
                    + " benign disturbances (accelerated event time, a local Flink mini cluster,"
                    + " Kafka) and score its predictions: per incident detected or not, lead time,"
                    + " false predictions per hour; overall precision, recall and median lead"
                    + " time. Writes OUT/scorecard.json and OUT/charts/SCENARIO.png.",
            "Starts a local Kafka broker unless --bootstrap-servers is given. Detector settings"
                    + " come from -c/-D as for forewarn run."
        })
final class EvalScenariosCommand implements Callable<Integer> {

    @Mixin ConfigOptionsMixin options;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--scenarios",
            split = ",",
            paramLabel = "LIST",
            description =
                    "Comma-separated scenarios to include (default: all). Incidents: memory-leak,"
                            + " disk-fill, bad-deployment, dependency-outage,"
                            + " connection-pool-exhaustion, certificate-expiry, latency-creep."
                            + " Benign: noisy-service, traffic-peak, planned-restart,"
                            + " routine-deployment.")
    List<String> scenarios;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory for scorecard.json and charts/.")
    Path out;

    @Option(
            names = "--start",
            defaultValue = "2026-11-30T06:00:00Z",
            description = "First simulated instant, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(
            names = "--logs-per-minute",
            defaultValue = "60",
            description =
                    "Log lines per host and minute at mean traffic (default: ${DEFAULT-VALUE}).")
    double logsPerMinute;

    @Option(
            names = "--bootstrap-servers",
            description = "Use this Kafka instead of starting a local broker.")
    String bootstrapServers;

    @Option(
            names = "--work-dir",
            description =
                    "Where the local broker's data goes (default: ~/.forewarn/eval, /var/tmp/forewarn/eval as root).")
    Path workDir;

    @Option(
            names = "--keep-topics",
            description = "Leave the run's topics in Kafka (they are deleted by default).")
    boolean keepTopics;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Progress progress = new Progress(System.out);
        List<String> names = new ArrayList<>();
        if (scenarios == null || scenarios.isEmpty()) {
            names.addAll(EvaluationTimeline.INCIDENTS);
            names.addAll(EvaluationTimeline.BENIGN);
        } else {
            names.addAll(scenarios);
        }
        LocalKafka kafka = null;
        try {
            String servers = bootstrapServers;
            if (servers == null) {
                Path dir = workDir != null ? workDir : WorkDirectories.of("eval");
                Files.createDirectories(dir);
                try (Progress.Step step = progress.step("Starting Kafka (KRaft broker)")) {
                    kafka = LocalKafka.start(dir.resolve("kafka"), 0);
                    servers = kafka.bootstrapServers();
                    step.done("ready on " + servers);
                }
            }
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("job.parallelism", "2");
            defaults.put("elasticsearch.enabled", "false");
            ForewarnConfig config =
                    options.load(defaults).with(Map.of("kafka.bootstrap-servers", servers));
            ScenarioEvaluation.Result result =
                    new ScenarioEvaluation(
                                    config,
                                    new ScenarioEvaluation.Settings(
                                            seed,
                                            names,
                                            start.toEpochMilli(),
                                            logsPerMinute,
                                            2,
                                            keepTopics),
                                    out)
                            .run(progress);
            progress.line("");
            progress.line(ScorecardText.render(result.scorecard()));
            progress.line("Scorecard: " + result.json() + ", charts in " + out.resolve("charts"));
            return 0;
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
