package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classifies the exceptions the real Elasticsearch client raises for failed bulk requests. An HTTP
 * endpoint on the loopback interface answers every request with a fixed error status, the way
 * Elasticsearch or a proxy in front of it would.
 */
class RequestFailuresTest {

    private HttpServer endpoint;
    private volatile int status;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext(
                "/",
                exchange -> {
                    byte[] body =
                            ("{\"error\":{\"type\":\"test_exception\",\"reason\":\"status "
                                            + status
                                            + "\"},\"status\":"
                                            + status
                                            + "}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @ParameterizedTest(name = "HTTP {0} retriable: {1}")
    @CsvSource({
        "429, true",
        "500, true",
        "502, true",
        "503, true",
        "400, false",
        "401, false",
        "403, false",
        "413, false"
    })
    void retriesThrottlingAndServerErrorsButNotClientErrors(int status, boolean retriable)
            throws Exception {
        this.status = status;

        Throwable failure = bulkFailure("http://127.0.0.1:" + endpoint.getAddress().getPort());

        assertThat(RequestFailures.statusOf(failure)).isEqualTo(status);
        assertThat(RequestFailures.isRetriable(failure)).isEqualTo(retriable);
    }

    @Test
    void retriesWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Throwable failure = bulkFailure("http://127.0.0.1:" + port);

        assertThat(RequestFailures.statusOf(failure)).isZero();
        assertThat(RequestFailures.isRetriable(failure)).isTrue();
    }

    @Test
    void looksInsideFutureWrappers() {
        Throwable timeout =
                new CompletionException(new ExecutionException(new SocketTimeoutException("slow")));

        assertThat(RequestFailures.unwrap(timeout)).isInstanceOf(SocketTimeoutException.class);
        assertThat(RequestFailures.isRetriable(timeout)).isTrue();
        assertThat(RequestFailures.isRetriable(new IllegalStateException("bug"))).isFalse();
    }

    private static Throwable bulkFailure(String url) throws Exception {
        ElasticsearchSinkSettings settings =
                ElasticsearchSinkSettings.builder()
                        .endpoint(url)
                        .requestTimeout(Duration.ofSeconds(5))
                        .build();
        ElasticsearchAsyncClient client = ElasticsearchClients.async(settings);
        try {
            BulkRequest request =
                    BulkRequests.build(
                            List.of(
                                    DocumentRequest.index(
                                            "idx", "a", "{}".getBytes(StandardCharsets.UTF_8))));
            try {
                client.bulk(request).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e;
            }
            throw new AssertionError("the bulk request to " + url + " did not fail");
        } finally {
            client._transport().close();
        }
    }
}
