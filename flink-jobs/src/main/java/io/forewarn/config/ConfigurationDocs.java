package io.forewarn.config;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.apache.flink.util.TimeUtils;

/**
 * Generates {@code docs/reference/configuration.md} from {@link ForewarnOptions}. A test fails when
 * the committed file differs; regenerate it with {@code bin/forewarn config docs --write}.
 */
public final class ConfigurationDocs {

    /** Where the generated table lives, relative to the project root. */
    public static final String PATH = "docs/reference/configuration.md";

    private ConfigurationDocs() {}

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append(
                        "<!-- Generated from ForewarnOptions by `bin/forewarn config docs --write`."
                                + " Do not edit by hand. -->\n\n")
                .append(
                        "Options are read from the YAML file given with `--config` (nested maps or"
                                + " dotted keys) and overridden with `-Dkey=value` on the command line."
                                + " Any value may be `${env:NAME}` or `${file:/path}`. Secrets (marked below)"
                                + " are never logged; when unset they are read from the environment variable"
                                + " shown. Two prefixes pass settings through unchanged: `kafka.properties.*`"
                                + " to every Kafka client, `flink.*` to the Flink configuration (for example"
                                + " `flink.rest.port`). Per-service masking overrides of the log template"
                                + " miner are `logs.masking.overrides.SERVICE.disabled-rules`,"
                                + " `.enabled-rules` and `.extra-patterns` (see docs/logs.md).\n\n");
        String section = null;
        for (Field field : ForewarnOptions.class.getDeclaredFields()) {
            if (field.getType() != ConfigOption.class) {
                continue;
            }
            ConfigOption<?> option = read(field);
            String group = option.key().substring(0, option.key().indexOf('.'));
            if (!group.equals(section)) {
                section = group;
                out.append("\n## ")
                        .append(group)
                        .append("\n\n")
                        .append("| Key | Type | Default | Description |\n")
                        .append("| --- | --- | --- | --- |\n");
            }
            String description =
                    option.description().getBlocks().isEmpty() ? "" : renderDescription(option);
            if (ForewarnOptions.SECRETS.contains(option)) {
                description =
                        "**Secret** (env `"
                                + ConfigLoader.environmentVariableOf(option)
                                + "`). "
                                + description;
            }
            out.append("| `")
                    .append(option.key())
                    .append("` | ")
                    .append(typeName(field))
                    .append(" | ")
                    .append(
                            option.hasDefaultValue()
                                    ? "`" + format(option.defaultValue()) + "`"
                                    : "(none)")
                    .append(" | ")
                    .append(description.replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String renderDescription(ConfigOption<?> option) {
        return new HtmlFormatter().format(option.description());
    }

    private static ConfigOption<?> read(Field field) {
        try {
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeName(Field field) {
        Type type = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            return ((Class<?>) parameterized.getRawType()).getSimpleName()
                    + "&lt;"
                    + ((Class<?>) parameterized.getActualTypeArguments()[0]).getSimpleName()
                    + "&gt;";
        }
        Class<?> clazz = (Class<?>) type;
        if (clazz.isEnum()) {
            return "Enum: "
                    + List.of(clazz.getEnumConstants()).stream()
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return clazz.getSimpleName();
    }

    private static String format(Object value) {
        if (value instanceof Duration) {
            return TimeUtils.formatWithHighestUnit((Duration) value);
        }
        if (value instanceof MemorySize) {
            return ((MemorySize) value).toHumanReadableString().replaceAll(" \\(.*\\)", "");
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    /** Writes the reference into the project at {@code root}. */
    public static Path write(Path root) throws IOException {
        Path target = root.resolve(PATH);
        Files.createDirectories(target.getParent());
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        return target;
    }
}
