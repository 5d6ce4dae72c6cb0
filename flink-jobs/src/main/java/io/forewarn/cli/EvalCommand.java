package io.forewarn.cli;

import io.forewarn.detect.metrics.MetricSettings;
import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.eval.NabEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code forewarn eval ...}: quality evaluations of Forewarn's detectors on simulated incidents and
 * public benchmarks.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate detectors on simulated incidents or benchmark data.",
        subcommands = {EvalScenariosCommand.class, EvalCommand.Nab.class})
final class EvalCommand {

    @Command(
            name = "nab",
            mixinStandardHelpOptions = true,
            description = {
                "Run the metric anomaly detector the job runs (same class, same settings:"
                        + " metrics.anomaly.detector) over every CSV of a NAB data folder"
                        + " (<category>/<file>.csv) and write NAB result files to"
                        + " OUT/forewarn/<category>/forewarn_<file>.csv.",
                "Score them with the NAB scorer, e.g. python3 nab_score.py OUT."
            })
    static final class Nab implements Callable<Integer> {
        @Mixin ConfigOptionsMixin config;

        @Option(
                names = "--data",
                required = true,
                paramLabel = "DIR",
                description = "NAB data folder: one sub-folder per category.")
        Path data;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "DIR",
                description = "Results folder (NAB's results/ layout).")
        Path out;

        @Option(
                names = "--threads",
                paramLabel = "N",
                defaultValue = "2",
                description = "Files scored in parallel (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(data)) {
                throw new CliException("--data " + data + " is not a directory");
            }
            ModelSpec spec = ModelSpec.anomalyOnly(MetricSettings.from(config.load()).detector());
            long start = System.nanoTime();
            NabEvaluation.Summary summary = NabEvaluation.run(data, out, spec, threads);
            System.out.printf(
                    Locale.ROOT,
                    "scored %d rows of %d files in %.1f s -> %s%n",
                    summary.rows(),
                    summary.files(),
                    (System.nanoTime() - start) / 1e9,
                    out.resolve(NabEvaluation.DETECTOR));
            return 0;
        }
    }
}
