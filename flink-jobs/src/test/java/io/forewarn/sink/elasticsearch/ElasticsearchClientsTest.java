package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchClientsTest {

    private static ElasticsearchSinkSettings.Builder settings() {
        return ElasticsearchSinkSettings.builder().endpoint("https://es-1:9200");
    }

    @Test
    void sendsAnApiKey() {
        List<Header> headers =
                ElasticsearchClients.authorizationHeaders(settings().apiKey("aWQ6a2V5").build());

        assertThat(headers).hasSize(1);
        assertThat(headers.get(0).getName()).isEqualTo("Authorization");
        assertThat(headers.get(0).getValue()).isEqualTo("ApiKey aWQ6a2V5");
    }

    @Test
    void sendsBasicCredentials() {
        List<Header> headers =
                ElasticsearchClients.authorizationHeaders(
                        settings().basicAuth("forewarn", "s3cret").build());

        assertThat(headers.get(0).getValue()).isEqualTo("Basic Zm9yZXdhcm46czNjcmV0");
    }

    @Test
    void sendsNoCredentialsWhenNoneAreConfigured() {
        assertThat(ElasticsearchClients.authorizationHeaders(settings().build())).isEmpty();
    }

    @Test
    void trustsTheCertificatesOfAPemFile() throws URISyntaxException {
        Path pem = Path.of(getClass().getResource("/elasticsearch/test-ca.pem").toURI());

        SSLContext context = ElasticsearchClients.sslContext(pem);

        assertThat(context.getProtocol()).isEqualTo("TLS");
    }

    @Test
    void namesAnUnreadableCertificateFile(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");

        assertThatThrownBy(() -> ElasticsearchClients.sslContext(notPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notPem.toString());
        assertThatThrownBy(() -> ElasticsearchClients.sslContext(dir.resolve("missing.pem")))
                .hasMessageContaining("missing.pem");
    }
}
