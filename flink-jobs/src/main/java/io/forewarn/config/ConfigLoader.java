package io.forewarn.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Forewarn's configuration: a YAML file (nested maps or dotted keys), then command-line
 * overrides, then secrets.
 *
 * <p>Any value may be a reference {@code ${env:NAME}} (an environment variable) or {@code
 * ${file:/path}} (the trimmed content of a file, e.g. a mounted Kubernetes secret). A secret option
 * that is unset also falls back to the environment variable {@code FOREWARN_<KEY>} (the key
 * upper-cased, dots and dashes as underscores), so secrets need never appear in a file.
 *
 * <p>Unknown keys are errors (with the closest known key as a hint), except under the pass-through
 * prefixes {@link ForewarnOptions#KAFKA_PROPERTIES_PREFIX} and {@link
 * ForewarnOptions#FLINK_PREFIX}.
 */
public final class ConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** A loader over this process's environment. */
    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /**
     * Loads the configuration.
     *
     * @param file a YAML file, or null for defaults only
     * @param overrides key/value overrides (command line), applied after the file
     */
    public ForewarnConfig load(Path file, Map<String, String> overrides) {
        return load(Map.of(), file, overrides);
    }

    /**
     * Loads the configuration over some defaults (an embedded run's own settings), which the file
     * and the overrides can change.
     */
    public ForewarnConfig load(
            Map<String, String> defaults, Path file, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        if (file != null) {
            values.putAll(readYaml(file));
        }
        values.putAll(overrides);
        Map<String, String> resolved = new LinkedHashMap<>();
        values.forEach((key, value) -> resolved.put(key, resolveReferences(key, value)));
        for (ConfigOption<?> secret : ForewarnOptions.SECRETS) {
            String variable = environmentVariableOf(secret);
            if (!resolved.containsKey(secret.key()) && environment.get(variable) != null) {
                resolved.put(secret.key(), environment.get(variable));
            }
        }
        checkKeys(resolved.keySet());
        ForewarnConfig config = new ForewarnConfig(Configuration.fromMap(resolved));
        config.validate();
        return config;
    }

    /** The environment variable a secret option falls back to. */
    public static String environmentVariableOf(ConfigOption<?> option) {
        return "FOREWARN_"
                + option.key().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Map<String, String> readYaml(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ConfigException(
                    "Cannot read configuration file " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new ConfigException(
                    "Configuration file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null) {
            return flat;
        }
        if (!(root instanceof Map)) {
            throw new ConfigException(
                    "Configuration file "
                            + file
                            + " must be a YAML mapping of option keys to values");
        }
        flatten("", (Map<?, ?>) root, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map) {
                flatten(key + ".", (Map<?, ?>) value, out);
            } else if (value instanceof Collection) {
                out.put(
                        key,
                        ((Collection<?>) value)
                                .stream().map(String::valueOf).collect(Collectors.joining(";")));
            } else if (value != null) {
                out.put(key, String.valueOf(value));
            }
        }
    }

    private String resolveReferences(String key, String value) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2).trim();
            String replacement;
            if (kind.equals("env")) {
                replacement = environment.get(name);
                if (replacement == null) {
                    throw new ConfigException(
                            "Option '"
                                    + key
                                    + "' refers to environment variable "
                                    + name
                                    + ", which is not set");
                }
            } else {
                try {
                    replacement = Files.readString(Path.of(name), StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    throw new ConfigException(
                            "Option '"
                                    + key
                                    + "' refers to file "
                                    + name
                                    + ", which cannot be read: "
                                    + e.getMessage(),
                            e);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void checkKeys(Set<String> keys) {
        List<String> known =
                ForewarnOptions.all().stream().map(ConfigOption::key).collect(Collectors.toList());
        for (String key : keys) {
            if (known.contains(key)
                    || key.startsWith(ForewarnOptions.KAFKA_PROPERTIES_PREFIX)
                    || key.startsWith(ForewarnOptions.FLINK_PREFIX)) {
                continue;
            }
            if (key.startsWith(ForewarnOptions.LOG_MASKING_OVERRIDES_PREFIX)) {
                checkMaskingOverrideKey(key);
                continue;
            }
            String closest = closest(key, known);
            throw new ConfigException(
                    "Unknown option '"
                            + key
                            + "'"
                            + (closest != null ? "; did you mean '" + closest + "'?" : "")
                            + " (options: docs/reference/configuration.md)");
        }
    }

    /** {@code logs.masking.overrides.SERVICE.KEY}: a service name and one of the override keys. */
    private static void checkMaskingOverrideKey(String key) {
        String rest = key.substring(ForewarnOptions.LOG_MASKING_OVERRIDES_PREFIX.length());
        int dot = rest.lastIndexOf('.');
        String property = rest.substring(dot + 1);
        if (dot <= 0 || !ForewarnOptions.LOG_MASKING_OVERRIDE_KEYS.contains(property)) {
            throw new ConfigException(
                    "Unknown option '"
                            + key
                            + "': per-service masking overrides are "
                            + ForewarnOptions.LOG_MASKING_OVERRIDES_PREFIX
                            + "SERVICE.KEY with KEY one of "
                            + String.join(", ", ForewarnOptions.LOG_MASKING_OVERRIDE_KEYS));
        }
    }

    private static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(key, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 4) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
