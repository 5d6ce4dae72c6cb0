package io.forewarn.testutils;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.local.LocalElasticsearch;
import io.forewarn.sink.elasticsearch.ElasticsearchClients;
import io.forewarn.sink.elasticsearch.ElasticsearchSinkSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * A real Elasticsearch node for integration tests, with helpers for per-test indices.
 *
 * <p>{@link #get()} is one node shared by the whole test JVM: a {@link LocalElasticsearch} started
 * on first use from the zip named by the system property {@value #ZIP_PROPERTY} (set by failsafe),
 * or an external node when the environment variable {@value #EXTERNAL_URL_ENV} is set. {@link
 * #startDedicated()} starts a node of a test's own, which it may stop and restart.
 */
public final class ElasticsearchTestNode implements AutoCloseable {

    public static final String ZIP_PROPERTY = "forewarn.test.elasticsearch.zip";
    public static final String EXTERNAL_URL_ENV = "FOREWARN_TEST_ES_URL";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ElasticsearchTestNode shared;

    private final LocalElasticsearch node;
    private final String url;
    private final ElasticsearchClient client;

    private ElasticsearchTestNode(LocalElasticsearch node, String url) {
        this.node = node;
        this.url = url;
        this.client =
                ElasticsearchClients.blocking(
                        ElasticsearchSinkSettings.builder().endpoint(url).build());
    }

    /** The node shared by every test of this JVM, started on first use. */
    public static synchronized ElasticsearchTestNode get() {
        if (shared == null) {
            String external = System.getenv(EXTERNAL_URL_ENV);
            if (external != null && !external.isBlank()) {
                shared = new ElasticsearchTestNode(null, external);
            } else {
                shared = local(localNode("1g"));
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(shared::closeQuietly, "elasticsearch-test-node-stop"));
            }
        }
        return shared;
    }

    /** A node of the caller's own (small heap); {@link #close()} stops it and deletes its data. */
    public static ElasticsearchTestNode startDedicated() {
        return local(localNode("512m"));
    }

    private static LocalElasticsearch.Builder localNode(String heap) {
        String zip = System.getProperty(ZIP_PROPERTY);
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException(
                    "System property "
                            + ZIP_PROPERTY
                            + " must name the Elasticsearch integ-test zip (failsafe sets it), or"
                            + " set "
                            + EXTERNAL_URL_ENV
                            + "; was "
                            + zip);
        }
        return LocalElasticsearch.builder(Path.of(zip)).heap(heap);
    }

    private static ElasticsearchTestNode local(LocalElasticsearch.Builder builder) {
        try {
            LocalElasticsearch node = builder.build().start();
            return new ElasticsearchTestNode(node, node.httpUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a test Elasticsearch node", e);
        }
    }

    public String url() {
        return url;
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** Sink settings for this node, with the library defaults otherwise. */
    public ElasticsearchSinkSettings.Builder sinkSettings() {
        return ElasticsearchSinkSettings.builder().endpoint(url);
    }

    /** Stops a dedicated node (keeping its port and data). */
    public void stopNode() {
        requireDedicated().stop();
    }

    /** Starts a stopped dedicated node again, on the same port with the same data. */
    public void restartNode() {
        try {
            requireDedicated().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart the test Elasticsearch node", e);
        }
    }

    /** The config, data and logs directory of a node this fixture started. */
    public Path instanceDirectory() {
        if (node == null) {
            throw new IllegalStateException("An external node has no local instance directory");
        }
        return node.instanceDirectory();
    }

    /** Processes alive whose command line names this path (e.g. a node's instance directory). */
    public static long processesMentioning(Path path) {
        String text = path.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .count();
    }

    private LocalElasticsearch requireDedicated() {
        if (node == null || this == shared) {
            throw new IllegalStateException("Only a dedicated test node can be stopped");
        }
        return node;
    }

    /** A fresh index named {@code prefix-XXXXXXXX}, without replicas; mappings from templates. */
    public String createIndex(String prefix) {
        return createIndex(prefix, null);
    }

    /** A fresh index without replicas and with the given {@code mappings} JSON object. */
    public String createIndex(String prefix, String mappingsJson) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("settings").put("number_of_replicas", 0);
        try {
            if (mappingsJson != null) {
                body.set("mappings", JSON.readTree(mappingsJson));
            }
            String json = JSON.writeValueAsString(body);
            client.indices().create(c -> c.index(name).withJson(new StringReader(json)));
            client.cluster().health(h -> h.index(name).waitForStatus(HealthStatus.Green));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create index " + name, e);
        }
        return name;
    }

    public void deleteIndex(String name) {
        try {
            client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete index " + name, e);
        }
    }

    public void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not refresh index " + index, e);
        }
    }

    /** Documents in the index, after a refresh. */
    public long count(String index) {
        refresh(index);
        try {
            return client.count(c -> c.index(index)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not count documents of " + index, e);
        }
    }

    /** The stored document (source and version), if there is one with this id. */
    public Optional<StoredDocument> document(String index, String id) {
        try {
            GetResponse<ObjectNode> response =
                    client.get(g -> g.index(index).id(id), ObjectNode.class);
            if (!response.found()) {
                return Optional.empty();
            }
            return Optional.of(new StoredDocument(response.source(), response.version()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not get " + index + "/" + id, e);
        }
    }

    /** A document as Elasticsearch stores it. */
    public static final class StoredDocument {
        private final ObjectNode source;
        private final long version;

        StoredDocument(ObjectNode source, Long version) {
            this.source = source;
            this.version = version == null ? -1 : version;
        }

        public ObjectNode source() {
            return source;
        }

        public long version() {
            return version;
        }
    }

    /** Stops a node this fixture started (shared: at JVM exit) and deletes its data. */
    @Override
    public void close() throws IOException {
        client._transport().close();
        if (node != null) {
            node.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("Could not stop the test Elasticsearch node: " + e);
        }
    }
}
