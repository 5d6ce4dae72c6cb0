package io.forewarn.cli;

import io.forewarn.config.ConfigLoader;
import io.forewarn.config.ForewarnConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code -D key=value}, shared by the commands that load options. */
final class ConfigOptionsMixin {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "YAML configuration file (see docs/reference/configuration.md).")
    Path file;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            description = "Override one option, e.g. -Dkafka.bootstrap-servers=broker:9092.")
    Map<String, String> overrides = new LinkedHashMap<>();

    ForewarnConfig load() {
        return load(Map.of());
    }

    /** Loads with these defaults below the file and the command-line overrides. */
    ForewarnConfig load(Map<String, String> defaults) {
        return ConfigLoader.fromSystemEnvironment().load(defaults, file, overrides);
    }
}
