package io.forewarn.config;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.metrics.DetectorOverrides;
import io.forewarn.metrics.MetricFamilies;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;

/**
 * Forewarn's validated configuration. Read typed values with {@link #get(ConfigOption)}; derived
 * settings (Kafka client properties, Flink configuration) are built here once so every connector
 * sees the same values. {@link #toString()} masks secrets.
 */
public final class ForewarnConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String MASK = "******";

    /** Brokers refuse transactions longer than transaction.max.timeout.ms, 15 min by default. */
    static final Duration BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private final Configuration configuration;

    ForewarnConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    /** The defaults, with overrides (tests, embedded runs). */
    public static ForewarnConfig of(Map<String, String> values) {
        return new ConfigLoader(Map.of()).load(null, values);
    }

    public <T> T get(ConfigOption<T> option) {
        return configuration.get(option);
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        return configuration.getOptional(option);
    }

    /** A copy with some values replaced. */
    public ForewarnConfig with(Map<String, String> values) {
        Configuration copy = new Configuration(configuration);
        values.forEach(copy::setString);
        ForewarnConfig config = new ForewarnConfig(copy);
        config.validate();
        return config;
    }

    /** Properties every Kafka client of the job gets: servers, security and pass-through ones. */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        props.setProperty("bootstrap.servers", get(KAFKA_BOOTSTRAP_SERVERS));
        String protocol = get(KAFKA_SECURITY_PROTOCOL).toUpperCase(Locale.ROOT);
        props.setProperty("security.protocol", protocol);
        if (protocol.startsWith("SASL")) {
            String mechanism = get(KAFKA_SASL_MECHANISM).toUpperCase(Locale.ROOT);
            props.setProperty("sasl.mechanism", mechanism);
            String module =
                    mechanism.startsWith("SCRAM")
                            ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                            : "org.apache.kafka.common.security.plain.PlainLoginModule";
            props.setProperty(
                    "sasl.jaas.config",
                    module
                            + " required username=\""
                            + jaasEscape(get(KAFKA_SASL_USERNAME))
                            + "\" password=\""
                            + jaasEscape(get(KAFKA_SASL_PASSWORD))
                            + "\";");
        }
        if (protocol.endsWith("SSL")) {
            getOptional(KAFKA_SSL_TRUSTSTORE_LOCATION)
                    .ifPresent(
                            location -> {
                                props.setProperty("ssl.truststore.location", location);
                                props.setProperty(
                                        "ssl.truststore.type", get(KAFKA_SSL_TRUSTSTORE_TYPE));
                            });
            getOptional(KAFKA_SSL_TRUSTSTORE_PASSWORD)
                    .ifPresent(password -> props.setProperty("ssl.truststore.password", password));
        }
        prefixed(KAFKA_PROPERTIES_PREFIX).forEach(props::setProperty);
        return props;
    }

    /**
     * The Flink configuration of the job: state backend, checkpoints, no Kryo, object reuse between
     * chained operators (the job's operators neither keep nor change the records they are handed;
     * {@code flink.pipeline.object-reuse: false} turns it off), pass-through.
     */
    public Configuration flinkConfiguration() {
        Configuration flink = new Configuration();
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        flink.set(PipelineOptions.OBJECT_REUSE, true);
        flink.set(
                StateBackendOptions.STATE_BACKEND,
                get(STATE_BACKEND) == StateBackend.ROCKSDB ? "rocksdb" : "hashmap");
        getOptional(CHECKPOINT_STORAGE)
                .ifPresent(
                        dir -> {
                            flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
                            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
                        });
        prefixed(FLINK_PREFIX).forEach(flink::setString);
        return flink;
    }

    /** Index name for one kind of document: predictions, signals, log-templates, evaluation. */
    public String indexName(String kind) {
        return get(ES_INDEX_PREFIX) + "-" + kind;
    }

    /**
     * The values set under a prefix, keys without the prefix, sorted: pass-through settings and
     * per-service overrides such as {@link ForewarnOptions#LOG_MASKING_OVERRIDES_PREFIX}.
     */
    public Map<String, String> valuesWithPrefix(String prefix) {
        return prefixed(prefix);
    }

    private Map<String, String> prefixed(String prefix) {
        Map<String, String> out = new TreeMap<>();
        configuration
                .toMap()
                .forEach(
                        (key, value) -> {
                            if (key.startsWith(prefix)) {
                                out.put(key.substring(prefix.length()), value);
                            }
                        });
        return out;
    }

    /** Checks every value's type and the relations between options. */
    void validate() {
        for (ConfigOption<?> option : ForewarnOptions.all()) {
            try {
                configuration.getOptional(option);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "Option '" + option.key() + "' has an invalid value: " + e.getMessage(), e);
            }
        }
        String protocol = get(KAFKA_SECURITY_PROTOCOL).toUpperCase(Locale.ROOT);
        if (!protocol.matches("PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL")) {
            throw new ConfigException(
                    "Option 'kafka.security.protocol' must be PLAINTEXT, SSL, SASL_PLAINTEXT or"
                            + " SASL_SSL, not '"
                            + protocol
                            + "'");
        }
        if (protocol.startsWith("SASL")
                && (getOptional(KAFKA_SASL_USERNAME).isEmpty()
                        || getOptional(KAFKA_SASL_PASSWORD).isEmpty())) {
            throw new ConfigException(
                    "kafka.security.protocol "
                            + protocol
                            + " needs kafka.sasl.username and"
                            + " kafka.sasl.password (or "
                            + ConfigLoader.environmentVariableOf(KAFKA_SASL_PASSWORD)
                            + ")");
        }
        Duration transactionTimeout = get(KAFKA_TRANSACTION_TIMEOUT);
        if (transactionTimeout.compareTo(BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT) > 0
                && !prefixed(KAFKA_PROPERTIES_PREFIX).containsKey("transaction.timeout.ms")) {
            throw new ConfigException(
                    "Option 'kafka.transaction-timeout' ("
                            + transactionTimeout
                            + ") exceeds the"
                            + " brokers' default transaction.max.timeout.ms of 15 min; the sinks"
                            + " would fail. Lower it, or raise the brokers' maximum first.");
        }
        if (transactionTimeout.compareTo(get(CHECKPOINT_INTERVAL).multipliedBy(2)) < 0) {
            throw new ConfigException(
                    "Option 'kafka.transaction-timeout' must be at least twice checkpoint.interval,"
                            + " or transactions time out before their checkpoint commits them");
        }
        if (getOptional(ES_API_KEY).isPresent() && getOptional(ES_USERNAME).isPresent()) {
            throw new ConfigException(
                    "Set either elasticsearch.api-key or elasticsearch.username/password, not both");
        }
        if (getOptional(ES_USERNAME).isPresent() != getOptional(ES_PASSWORD).isPresent()) {
            throw new ConfigException(
                    "elasticsearch.username and elasticsearch.password go together");
        }
        Duration window = get(ERROR_RATE_WINDOW);
        Duration slide = get(ERROR_RATE_SLIDE);
        if (slide.isZero()
                || slide.isNegative()
                || window.toMillis() % slide.toMillis() != 0
                || window.compareTo(slide) < 0) {
            throw new ConfigException(
                    "detect.error-rate.window ("
                            + window
                            + ") must be a positive multiple of"
                            + " detect.error-rate.slide ("
                            + slide
                            + ")");
        }
        try {
            MetricFamilies.configured(get(METRICS_FAMILIES), get(METRICS_BUILTIN_FAMILIES));
            DetectorOverrides.apply(getOptional(METRICS_DETECTOR).orElse(Map.of()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid metrics settings: " + e.getMessage(), e);
        }
        getOptional(PARALLELISM)
                .filter(p -> p < 1)
                .ifPresent(
                        p -> {
                            throw new ConfigException(
                                    "job.parallelism must be at least 1, not " + p);
                        });
    }

    /** The explicitly set options, secrets masked, one per line: safe to log. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(configuration.toMap())
                .forEach(
                        (key, value) ->
                                out.append(key)
                                        .append(": ")
                                        .append(isSecret(key) ? MASK : value)
                                        .append('\n'));
        return out.toString();
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return ForewarnOptions.SECRETS.stream().anyMatch(o -> o.key().equals(key))
                || lower.contains("password")
                || lower.contains("secret")
                || lower.contains("api-key")
                || lower.contains("jaas")
                || lower.contains("token");
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "ForewarnConfig{\n" + describe() + "}";
    }
}
