package io.forewarn.sink.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds Elasticsearch clients from {@link ElasticsearchSinkSettings}: the endpoints, an {@code
 * Authorization} header (API key or basic), TLS trusting the configured CA certificate, and the
 * request timeout. Close a client with {@code client._transport().close()}.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    /** A blocking client, for set-up work such as installing index templates. */
    public static ElasticsearchClient blocking(ElasticsearchSinkSettings settings) {
        return new ElasticsearchClient(transport(settings));
    }

    /** A non-blocking client; the sink writer uses one. */
    public static ElasticsearchAsyncClient async(ElasticsearchSinkSettings settings) {
        return new ElasticsearchAsyncClient(transport(settings));
    }

    private static RestClientTransport transport(ElasticsearchSinkSettings settings) {
        return new RestClientTransport(restClient(settings), new JacksonJsonpMapper());
    }

    /** The low-level REST client behind both clients. */
    public static RestClient restClient(ElasticsearchSinkSettings settings) {
        HttpHost[] hosts =
                settings.endpoints().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis());
        RestClientBuilder builder =
                RestClient.builder(hosts)
                        .setRequestConfigCallback(
                                config ->
                                        config.setConnectTimeout(timeoutMillis)
                                                .setSocketTimeout(timeoutMillis));
        List<Header> headers = authorizationHeaders(settings);
        if (!headers.isEmpty()) {
            builder.setDefaultHeaders(headers.toArray(new Header[0]));
        }
        if (settings.caCertificatePath().isPresent()) {
            SSLContext sslContext = sslContext(Path.of(settings.caCertificatePath().get()));
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(sslContext));
        }
        return builder.build();
    }

    /** The {@code Authorization} header for the configured credentials, if any. */
    static List<Header> authorizationHeaders(ElasticsearchSinkSettings settings) {
        List<Header> headers = new ArrayList<>();
        if (settings.apiKey().isPresent()) {
            headers.add(
                    new BasicHeader(
                            HttpHeaders.AUTHORIZATION, "ApiKey " + settings.apiKey().get()));
        } else if (settings.username().isPresent()) {
            String credentials = settings.username().get() + ":" + settings.password().orElse("");
            headers.add(
                    new BasicHeader(
                            HttpHeaders.AUTHORIZATION,
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    credentials.getBytes(StandardCharsets.UTF_8))));
        }
        return headers;
    }

    /** An SSL context that trusts exactly the certificates in a PEM file. */
    public static SSLContext sslContext(Path caCertificatePem) {
        try (InputStream in = Files.newInputStream(caCertificatePem)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(
                        "No certificate found in CA certificate file " + caCertificatePem);
            }
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trustStore.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot read the CA certificate file "
                            + caCertificatePem
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
