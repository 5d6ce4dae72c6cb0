package io.forewarn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir Path dir;

    private Path yaml(String text) throws Exception {
        Path file = dir.resolve("forewarn.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsNestedAndDottedKeysThenAppliesOverrides() throws Exception {
        Path file =
                yaml(
                        "kafka:\n"
                                + "  bootstrap-servers: broker-1:9092\n"
                                + "  group-id: from-file\n"
                                + "elasticsearch.endpoints:\n"
                                + "  - https://es-1:9200\n"
                                + "  - https://es-2:9200\n"
                                + "checkpoint:\n"
                                + "  interval: 20 s\n");
        ForewarnConfig config =
                new ConfigLoader(Map.of()).load(file, Map.of("kafka.group-id", "from-cli"));
        assertThat(config.get(ForewarnOptions.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("broker-1:9092");
        assertThat(config.get(ForewarnOptions.KAFKA_GROUP_ID)).isEqualTo("from-cli");
        assertThat(config.get(ForewarnOptions.ES_ENDPOINTS))
                .containsExactly("https://es-1:9200", "https://es-2:9200");
        assertThat(config.get(ForewarnOptions.CHECKPOINT_INTERVAL))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void unknownKeysAreRejectedWithTheClosestKnownKey() throws Exception {
        Path file = yaml("kafka.bootstrap-server: x:9092\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'kafka.bootstrap-server'")
                .hasMessageContaining("did you mean 'kafka.bootstrap-servers'");
    }

    @Test
    void wrongTypesNameTheOption() {
        assertThatThrownBy(() -> ForewarnConfig.of(Map.of("checkpoint.interval", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("checkpoint.interval");
    }

    @Test
    void secretsComeFromEnvironmentAndFilesAndAreNeverPrinted() throws Exception {
        Path secret = dir.resolve("password");
        Files.writeString(secret, "s3cr3t-from-file\n");
        Path file =
                yaml(
                        "elasticsearch:\n"
                                + "  username: forewarn\n"
                                + "  password: ${file:"
                                + secret
                                + "}\n"
                                + "kafka:\n"
                                + "  security.protocol: SASL_SSL\n"
                                + "  sasl.username: svc\n");
        ForewarnConfig config =
                new ConfigLoader(Map.of("FOREWARN_KAFKA_SASL_PASSWORD", "env-pa\"ss"))
                        .load(file, Map.of());
        assertThat(config.get(ForewarnOptions.ES_PASSWORD)).isEqualTo("s3cr3t-from-file");
        assertThat(config.get(ForewarnOptions.KAFKA_SASL_PASSWORD)).isEqualTo("env-pa\"ss");
        assertThat(config.kafkaProperties().getProperty("sasl.jaas.config"))
                .isEqualTo(
                        "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"svc\" password=\"env-pa\\\"ss\";");
        assertThat(config.toString())
                .doesNotContain("s3cr3t-from-file")
                .doesNotContain("env-pa")
                .contains("elasticsearch.password: ******");
    }

    @Test
    void missingEnvironmentReferenceIsAClearError() throws Exception {
        Path file = yaml("elasticsearch.api-key: ${env:NOT_SET_ANYWHERE}\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, Map.of()))
                .hasMessageContaining("elasticsearch.api-key")
                .hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void transactionTimeoutAboveTheBrokerMaximumIsRejected() {
        assertThatThrownBy(() -> ForewarnConfig.of(Map.of("kafka.transaction-timeout", "1 h")))
                .hasMessageContaining("kafka.transaction-timeout")
                .hasMessageContaining("15 min");
    }

    @Test
    void passThroughPrefixesReachKafkaAndFlink() {
        ForewarnConfig config =
                ForewarnConfig.of(
                        Map.of(
                                "kafka.properties.linger.ms", "5",
                                "flink.rest.port", "18081",
                                "state.backend", "rocksdb"));
        assertThat(config.kafkaProperties().getProperty("linger.ms")).isEqualTo("5");
        assertThat(config.flinkConfiguration().toMap())
                .containsEntry("rest.port", "18081")
                .containsEntry("state.backend.type", "rocksdb")
                .containsEntry("pipeline.generic-types", "false");
    }

    @Test
    void errorRateWindowMustBeAMultipleOfTheSlide() {
        assertThatThrownBy(
                        () ->
                                ForewarnConfig.of(
                                        Map.of(
                                                "detect.error-rate.window",
                                                "5 min",
                                                "detect.error-rate.slide",
                                                "2 min")))
                .hasMessageContaining("multiple");
        assertThat(ForewarnConfig.of(Map.of()).get(ForewarnOptions.ES_ENDPOINTS))
                .isEqualTo(List.of("http://localhost:9200"));
    }
}
