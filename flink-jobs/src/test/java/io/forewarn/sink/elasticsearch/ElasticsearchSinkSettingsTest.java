package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkSettingsTest {

    private static ElasticsearchSinkSettings.Builder valid() {
        return ElasticsearchSinkSettings.builder().endpoint("https://es-1:9200");
    }

    @Test
    void hasTheDocumentedDefaults() {
        ElasticsearchSinkSettings settings = valid().build();

        assertThat(settings.endpoints()).containsExactly("https://es-1:9200");
        assertThat(settings.bulkMaxActions()).isEqualTo(1000);
        assertThat(settings.bulkMaxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(settings.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxInFlightRequests()).isEqualTo(4);
        assertThat(settings.maxBufferedRequests()).isEqualTo(10_000);
        assertThat(settings.retryBackoffInitial()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.retryBackoffMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.flushBufferOnCheckpoint()).isTrue();
        assertThat(settings.apiKey()).isEmpty();
        assertThat(settings.username()).isEmpty();
        assertThat(settings.caCertificatePath()).isEmpty();
    }

    @Test
    void neverShowsSecrets() {
        String apiKey = valid().apiKey("c2VjcmV0LWFwaS1rZXk=").build().toString();
        String basic = valid().basicAuth("forewarn", "hunter2").build().toString();

        assertThat(apiKey).doesNotContain("c2VjcmV0LWFwaS1rZXk=").contains("auth=api-key");
        assertThat(basic).doesNotContain("hunter2").contains("basic(forewarn)");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ElasticsearchSinkSettings settings =
                valid().endpoints(List.of("http://a:9200", "http://b:9200"))
                        .basicAuth("u", "p")
                        .caCertificatePath("/etc/ca.pem")
                        .bulkMaxActions(10)
                        .build();

        ElasticsearchSinkSettings copy = InstantiationUtil.clone(settings);

        assertThat(copy.endpoints()).containsExactly("http://a:9200", "http://b:9200");
        assertThat(copy.password()).contains("p");
        assertThat(copy.caCertificatePath()).contains("/etc/ca.pem");
        assertThat(copy.bulkMaxActions()).isEqualTo(10);
    }

    @Test
    void toBuilderKeepsEverything() {
        ElasticsearchSinkSettings settings =
                valid().apiKey("k")
                        .retryBackoff(Duration.ofMillis(5), Duration.ofSeconds(2))
                        .build();

        assertThat(settings.toBuilder().build().toString()).isEqualTo(settings.toString());
        assertThat(settings.toBuilder().build().apiKey()).contains("k");
    }

    @Test
    void rejectsMissingOrMalformedEndpoints() {
        assertThatThrownBy(() -> ElasticsearchSinkSettings.builder().build())
                .hasMessageContaining("at least one Elasticsearch endpoint");
        assertThatThrownBy(() -> ElasticsearchSinkSettings.builder().endpoint("es-1:9200").build())
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(
                        () -> ElasticsearchSinkSettings.builder().endpoint("http://:9200").build())
                .hasMessageContaining("no host name");
        assertThatThrownBy(
                        () ->
                                ElasticsearchSinkSettings.builder()
                                        .endpoint("http://user:secret@es-1:9200")
                                        .build())
                .hasMessageContaining("must not contain credentials")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsAmbiguousOrIncompleteCredentials() {
        assertThatThrownBy(() -> valid().apiKey("k").basicAuth("u", "p").build())
                .hasMessageContaining("either an API key or a username and password");
        assertThatThrownBy(() -> valid().basicAuth("u", null).build())
                .hasMessageContaining("username and a password");
        assertThatThrownBy(() -> valid().apiKey(" ").build())
                .hasMessageContaining("API key is empty");
    }

    @Test
    void rejectsBoundsTheAsyncSinkCannotWorkWith() {
        assertThatThrownBy(() -> valid().bulkMaxActions(0).build())
                .hasMessageContaining("bulk max actions must be positive");
        assertThatThrownBy(() -> valid().bulkMaxActions(100).maxBufferedRequests(100).build())
                .hasMessageContaining("must be greater than bulk max actions");
        assertThatThrownBy(() -> valid().maxInFlightRequests(0).build())
                .hasMessageContaining("in-flight");
        assertThatThrownBy(() -> valid().bulkMaxBytes(0).build())
                .hasMessageContaining("bulk max bytes");
        assertThatThrownBy(() -> valid().flushInterval(Duration.ZERO).build())
                .hasMessageContaining("flush interval must be positive");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("request timeout must be positive");
        assertThatThrownBy(
                        () ->
                                valid().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("must not exceed retry backoff max");
    }
}
