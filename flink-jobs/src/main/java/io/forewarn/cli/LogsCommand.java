package io.forewarn.cli;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.KafkaEndpoints;
import io.forewarn.logs.LogMiningSettings;
import io.forewarn.logs.history.HistoryReport;
import io.forewarn.logs.history.HistoryReportFormat;
import io.forewarn.logs.history.LogFileAnalyzer;
import io.forewarn.logs.history.LogHistory;
import io.forewarn.logs.template.LogFormat;
import io.forewarn.logs.template.LogParse;
import io.forewarn.schema.LogLevel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code forewarn logs analyze|parse}: the job's template miner over log files. Both read the
 * {@code logs.*} options ({@code --config}, {@code -D}), so the masking and bounds are the job's;
 * {@code --service} picks a service's masking override.
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Mine log templates from files with the job's miner.",
        subcommands = {LogsCommand.Analyze.class, LogsCommand.Parse.class})
final class LogsCommand {

    @Command(
            name = "analyze",
            mixinStandardHelpOptions = true,
            description = {
                "Mine templates from historical log files and print the top error patterns: count,"
                        + " share, first and last seen, trend over the files' time span, example.",
                "Without --format each line is decoded as the job decodes the logs topic (shippers'"
                        + " JSON, or plain lines matching ingest.plain-log.pattern)."
            })
    static final class Analyze implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ConfigOptionsMixin config;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files.")
        List<Path> files;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description =
                        "Header layout, e.g. '<Date> <Time> <Level> <Component>: <Content>'; only"
                                + " <Content> is mined, <Level> and the time fields are read.")
        String format;

        @Option(
                names = "--service",
                paramLabel = "NAME",
                description = "Service of lines that name none (default: the file name).")
        String service;

        @Option(
                names = "--top",
                paramLabel = "N",
                defaultValue = "20",
                description = "Patterns to print (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(
                names = "--min-level",
                paramLabel = "LEVEL",
                defaultValue = "ERROR",
                description =
                        "Least severe level shown: TRACE, DEBUG, INFO, WARN, ERROR, FATAL, or"
                                + " UNKNOWN for all (default: ${DEFAULT-VALUE}; lines without a level"
                                + " get one from keywords).")
        LogLevel minLevel;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ForewarnConfig loaded = config.load();
            LogHistory history = new LogHistory(LogMiningSettings.from(loaded));
            LogFileAnalyzer analyzer =
                    new LogFileAnalyzer(
                            history,
                            format == null ? null : compile(format),
                            KafkaEndpoints.decoderSettings(loaded),
                            service);
            for (Path file : files) {
                analyzer.analyze(readable(file));
            }
            HistoryReport report = history.report(top, minLevel);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(HistoryReportFormat.json(report, analyzer.undecodedLines()));
            } else {
                String what =
                        String.format(
                                Locale.ROOT,
                                "Top %s patterns of %d file%s",
                                minLevel == LogLevel.UNKNOWN ? "" : minLevel + "+",
                                files.size(),
                                files.size() == 1 ? "" : "s");
                out.print(HistoryReportFormat.text(report, what));
                if (analyzer.undecodedLines() > 0) {
                    out.printf(
                            Locale.ROOT,
                            "%n%,d lines did not fit %s and were mined whole.%n",
                            analyzer.undecodedLines(),
                            format == null ? "the job's log decoder" : "the format");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "parse",
            mixinStandardHelpOptions = true,
            description = {
                "Mine a log file and write LineId,EventId,EventTemplate per line (Loghub's"
                        + " structured CSV), with the template of each line's cluster at the end"
                        + " of the run."
            })
    static final class Parse implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ConfigOptionsMixin config;

        @Parameters(index = "0", paramLabel = "LOGFILE", description = "The log file.")
        Path log;

        @Option(
                names = "--format",
                required = true,
                paramLabel = "FORMAT",
                description = "Header layout; only the part named <Content> is mined.")
        String format;

        @Option(
                names = "--out",
                paramLabel = "OUT.csv",
                description = "Output file (default: LOGFILE_structured.csv).")
        Path out;

        @Option(
                names = "--service",
                paramLabel = "NAME",
                description = "Apply this service's masking override (default: none).")
        String service;

        @Override
        public Integer call() throws Exception {
            LogMiningSettings settings = LogMiningSettings.from(config.load());
            Path target = out != null ? out : Path.of(log + "_structured.csv");
            LogParse.Summary summary =
                    LogParse.run(
                            compile(format),
                            readable(log),
                            target,
                            settings.minerConfig(service == null ? "" : service));
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "wrote %s: %,d lines, %,d templates, %,d lines did not fit the"
                                    + " format%n",
                            summary.output(),
                            summary.lines(),
                            summary.templates(),
                            summary.unmatchedHeaders());
            return 0;
        }
    }

    private static LogFormat compile(String format) {
        try {
            return LogFormat.compile(format);
        } catch (IllegalArgumentException e) {
            throw new CliException("Invalid --format: " + e.getMessage(), e);
        }
    }

    private static Path readable(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new CliException("Cannot read log file " + file);
        }
        return file;
    }
}
