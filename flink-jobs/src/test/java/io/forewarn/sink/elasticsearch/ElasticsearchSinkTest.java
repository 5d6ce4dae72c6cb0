package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.schema.Prediction;
import io.forewarn.sink.elasticsearch.documents.PredictionDocuments;
import java.time.Duration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkTest {

    private static final ElasticsearchSinkSettings SETTINGS =
            ElasticsearchSinkSettings.builder()
                    .endpoint("http://es-1:9200")
                    .endpoint("http://es-2:9200")
                    .requestTimeout(Duration.ofSeconds(10))
                    .retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30))
                    .build();

    @Test
    void travelsWithTheJobGraph() throws Exception {
        ElasticsearchSink<Prediction> sink =
                ElasticsearchSink.<Prediction>builder()
                        .settings(SETTINGS)
                        .converter(new PredictionDocuments("forewarn-predictions"))
                        .deadLetters(
                                KafkaDeadLetterHandlerFactory.builder()
                                        .bootstrapServers("kafka:9092")
                                        .producerProperty("sasl.jaas.config", "secret")
                                        .build())
                        .build();

        ElasticsearchSink<Prediction> copy =
                InstantiationUtil.clone(sink, getClass().getClassLoader());

        assertThat(copy.settings().endpoints())
                .containsExactly("http://es-1:9200", "http://es-2:9200");
    }

    @Test
    void needsSettingsAndAConverter() {
        assertThatThrownBy(() -> ElasticsearchSink.<Prediction>builder().settings(SETTINGS).build())
                .hasMessageContaining("converter");
        assertThatThrownBy(
                        () ->
                                ElasticsearchSink.<Prediction>builder()
                                        .converter(new PredictionDocuments("p"))
                                        .build())
                .hasMessageContaining("settings");
    }

    @Test
    void leavesEveryAttemptAndBackoffTimeBeforeTheFrameworkTimesARequestOut() {
        // One HTTP attempt per endpoint, one backoff, one minute of margin.
        assertThat(ElasticsearchSink.frameworkTimeout(SETTINGS))
                .isEqualTo(Duration.ofSeconds(3 * 10 + 30 + 60));
    }

    @Test
    void keepsKafkaCredentialsOutOfTheDeadLetterFactoryDescription() {
        KafkaDeadLetterHandlerFactory factory =
                KafkaDeadLetterHandlerFactory.builder()
                        .bootstrapServers("kafka:9092")
                        .producerProperty("sasl.jaas.config", "password=\"hunter2\"")
                        .build();

        assertThat(factory.toString()).contains("forewarn.deadletter").doesNotContain("hunter2");
        assertThatThrownBy(() -> KafkaDeadLetterHandlerFactory.builder().build())
                .hasMessageContaining("bootstrap servers");
    }
}
