package io.forewarn.cli;

import io.forewarn.config.ConfigException;
import picocli.CommandLine;

/**
 * Prints expected errors (bad configuration, bad input files) as one clear line instead of a stack
 * trace; unexpected ones keep their stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int EXIT_USAGE = 2;

    @Override
    public int handleExecutionException(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof ConfigException || e instanceof CliException) {
            commandLine
                    .getErr()
                    .println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
            return EXIT_USAGE;
        }
        commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e));
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
