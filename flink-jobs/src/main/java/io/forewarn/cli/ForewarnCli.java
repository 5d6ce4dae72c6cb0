package io.forewarn.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code forewarn} command line: {@code bin/forewarn} runs this class. Every subcommand has
 * {@code --help}.
 */
@Command(
        name = "forewarn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predicts failures in software systems before they happen.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            RulesCommand.class,
            ConfigCommand.class,
            EvalCommand.class,
            LogsCommand.class,
            SimulateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ForewarnCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new ForewarnCli())
                .setOut(
                        new PrintWriter(
                                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
