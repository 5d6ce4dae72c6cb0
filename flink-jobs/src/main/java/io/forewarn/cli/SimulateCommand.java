package io.forewarn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.demo.Progress;
import io.forewarn.eval.ScenarioEvaluation;
import io.forewarn.simulator.DemoTimeline;
import io.forewarn.simulator.EvaluationTimeline;
import io.forewarn.simulator.FileTelemetrySink;
import io.forewarn.simulator.KafkaTelemetrySink;
import io.forewarn.simulator.Pacer;
import io.forewarn.simulator.TelemetryEvent;
import io.forewarn.simulator.TelemetrySimulator;
import io.forewarn.simulator.TelemetrySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code forewarn simulate}: the telemetry simulator on its own, writing to Kafka or to files, with
 * the ground truth of its incidents next to it.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate a fleet's telemetry (logs in ECS, Vector, Fluent Bit and plain formats;"
                    + " metrics; deployments with VCS statistics; dependency status; incidents)"
                    + " with incident scenarios and benign disturbances, and write it to Kafka"
                    + " (the topics of the configuration) or, with --out, to one JSON-lines file"
                    + " per topic. The ground truth goes to ground-truth.json (in --out, or"
                    + " --ground-truth).",
            "The same seed gives the same records."
        })
final class SimulateCommand implements Callable<Integer> {

    @Mixin ConfigOptionsMixin options;

    @Option(
            names = "--timeline",
            defaultValue = "evaluation",
            description =
                    "evaluation (the scorecard's timeline: eight services, every scenario once) or"
                            + " demo (six services, incidents in rotation). Default: ${DEFAULT-VALUE}.")
    String timeline;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--scenarios",
            split = ",",
            paramLabel = "LIST",
            description =
                    "Scenarios of the evaluation timeline (default: all; see eval scenarios).")
    List<String> scenarios;

    @Option(
            names = "--start",
            description =
                    "First simulated instant, ISO-8601 (default: 2026-11-30T06:00:00Z for the"
                            + " evaluation timeline, the duration before now for the demo one).")
    Instant start;

    @Option(
            names = "--duration",
            description =
                    "How much to simulate, ISO-8601 (default: the evaluation timeline's length, or"
                            + " PT6H for the demo one).")
    Duration duration;

    @Option(
            names = "--speed",
            defaultValue = "max",
            description =
                    "max (as fast as possible) or simulated seconds per real second (1 = real time);"
                            + " never ahead of the wall clock. Default: ${DEFAULT-VALUE}.")
    String speed;

    @Option(
            names = "--logs-per-minute",
            defaultValue = "60",
            description =
                    "Log lines per host and minute at mean traffic (default: ${DEFAULT-VALUE}).")
    double logsPerMinute;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write files (logs.jsonl, metrics.jsonl, ...) here instead of to Kafka.")
    Path out;

    @Option(
            names = "--ground-truth",
            paramLabel = "FILE",
            description =
                    "Where the ground truth goes (default: DIR/ground-truth.json with --out).")
    Path groundTruth;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(System.out);
        TelemetrySimulator simulator;
        long from;
        long to;
        if (timeline.equals("demo")) {
            Duration length = duration != null ? duration : Duration.ofHours(6);
            from =
                    start != null
                            ? start.toEpochMilli()
                            : Instant.now()
                                    .minus(length)
                                    .truncatedTo(ChronoUnit.MINUTES)
                                    .toEpochMilli();
            to = from + length.toMillis();
            simulator =
                    new TelemetrySimulator(
                            DemoTimeline.fleet(seed, logsPerMinute),
                            DemoTimeline.schedule(seed, from, to, Duration.ofMinutes(8)));
        } else if (timeline.equals("evaluation")) {
            List<String> names = new ArrayList<>();
            if (scenarios == null || scenarios.isEmpty()) {
                names.addAll(EvaluationTimeline.INCIDENTS);
                names.addAll(EvaluationTimeline.BENIGN);
            } else {
                names.addAll(scenarios);
            }
            long first =
                    (start != null ? start : Instant.parse("2026-11-30T06:00:00Z")).toEpochMilli();
            EvaluationTimeline evaluation =
                    EvaluationTimeline.build(seed, first, names, logsPerMinute);
            simulator = evaluation.simulator();
            from = evaluation.start();
            to = duration != null ? from + duration.toMillis() : evaluation.end();
        } else {
            throw new CliException("--timeline must be evaluation or demo, not " + timeline);
        }
        Pacer pacer =
                speed.equals("max")
                        ? Pacer.unpaced()
                        : Pacer.accelerated(Double.parseDouble(speed));
        AtomicLong records = new AtomicLong();
        String target;
        try (TelemetrySink sink = open()) {
            target = out != null ? out.toString() : "Kafka";
            try (Progress.Step step =
                    progress.step(
                            String.format(
                                    Locale.ROOT,
                                    "Simulating %s to %s into %s",
                                    Instant.ofEpochMilli(from),
                                    Instant.ofEpochMilli(to),
                                    target))) {
                simulator.run(
                        from,
                        to,
                        new TelemetrySink() {
                            @Override
                            public void send(TelemetryEvent event) {
                                sink.send(event);
                                records.incrementAndGet();
                            }

                            @Override
                            public void flush() {
                                sink.flush();
                            }
                        },
                        pacer);
                step.done(String.format(Locale.ROOT, "%,d records", records.get()));
            }
        }
        Path truthFile =
                groundTruth != null
                        ? groundTruth
                        : out != null ? out.resolve("ground-truth.json") : null;
        if (truthFile != null) {
            Map<String, Object> truth = new LinkedHashMap<>();
            truth.put("seed", seed);
            truth.put("start", Instant.ofEpochMilli(from).toString());
            truth.put("end", Instant.ofEpochMilli(to).toString());
            truth.put("incidents", simulator.groundTruth());
            truth.put("benign", simulator.benignWindows());
            Files.createDirectories(truthFile.toAbsolutePath().getParent());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(truthFile.toFile(), truth);
            progress.line("Ground truth: " + truthFile);
        }
        return 0;
    }

    private TelemetrySink open() throws Exception {
        if (out != null) {
            return new FileTelemetrySink(out);
        }
        ForewarnConfig config = options.load();
        return new KafkaTelemetrySink(
                config.kafkaProperties(), ScenarioEvaluation.topicsByKind(config));
    }
}
