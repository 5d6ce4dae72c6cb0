package io.forewarn.cli;

import io.forewarn.config.ConfigurationDocs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code forewarn config show|docs}. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the effective configuration or generate its reference.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Docs.class})
final class ConfigCommand {

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Load and validate a configuration and print it, secrets masked.")
    static final class Show implements Callable<Integer> {
        @Mixin ConfigOptionsMixin config;

        @Override
        public Integer call() {
            System.out.print(config.load().describe());
            return 0;
        }
    }

    @Command(
            name = "docs",
            mixinStandardHelpOptions = true,
            description = "Print the options reference (Markdown), or write it into the project.")
    static final class Docs implements Callable<Integer> {
        @Option(
                names = "--write",
                description =
                        "Write " + ConfigurationDocs.PATH + " under --root instead of printing.")
        boolean write;

        @Option(
                names = "--root",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "Project root (default: ${DEFAULT-VALUE}).")
        Path root;

        @Override
        public Integer call() throws Exception {
            if (write) {
                System.out.println("wrote " + ConfigurationDocs.write(root));
            } else {
                System.out.print(ConfigurationDocs.render());
            }
            return 0;
        }
    }
}
