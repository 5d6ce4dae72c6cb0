package io.forewarn.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Elasticsearch node in a child process, for the local demo and for tests, from the
 * Elasticsearch zip distribution (the Maven Central {@code integ-test-zip}).
 *
 * <p>The zip is unpacked once into a base directory ({@code /var/tmp/forewarn} when running as
 * root, {@code ~/.cache/forewarn} otherwise). Each node has its own instance directory with its
 * configuration, data, logs and temporary files. Elasticsearch refuses to run as root: as root, the
 * node runs as a dedicated system user ({@code forewarn} by default, created if missing) via {@code
 * runuser}, and the instance directory is handed to that user.
 *
 * <p>The node listens on 127.0.0.1 only, single-node discovery, security off. {@link #start()}
 * waits until {@code GET /_cluster/health} answers (not {@code GET /}, which this distribution
 * answers with 405). {@link #stop()} ends the node and every process it started; the node can be
 * started again on the same port and data. {@link #close()} also deletes a temporary instance
 * directory. A JVM shutdown hook stops a node left running.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);

    public static final String DEFAULT_USER = "forewarn";
    public static final String DEFAULT_HEAP = "1g";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path distributionZip;
    private final Path baseDirectory;
    private final Path instanceDirectory;
    private final boolean temporaryInstance;
    private final String heap;
    private final String user;
    private final Duration startupTimeout;
    private final Map<String, String> extraSettings;
    private int httpPort;
    private Process process;
    private Thread shutdownHook;

    private LocalElasticsearch(Builder b) throws IOException {
        this.distributionZip = b.distributionZip;
        this.baseDirectory = b.baseDirectory != null ? b.baseDirectory : defaultBaseDirectory();
        if (b.instanceDirectory != null) {
            this.instanceDirectory = b.instanceDirectory;
            this.temporaryInstance = false;
        } else {
            Path instances = baseDirectory.resolve("instances");
            Files.createDirectories(instances);
            this.instanceDirectory = Files.createTempDirectory(instances, "node-");
            this.temporaryInstance = true;
        }
        this.httpPort = b.httpPort;
        this.heap = b.heap;
        this.user = isRoot() ? b.user : null;
        this.startupTimeout = b.startupTimeout;
        this.extraSettings = new LinkedHashMap<>(b.settings);
    }

    /**
     * Where Maven keeps the {@code integ-test-zip} distribution of this version after {@code mvn
     * dependency:resolve} (or a build that depends on it): under {@code maven.repo.local} if set,
     * {@code ~/.m2/repository} otherwise. The file may not exist.
     */
    public static Path mavenRepositoryZip(String version) {
        String repository =
                System.getProperty(
                        "maven.repo.local",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(
                repository,
                "org",
                "elasticsearch",
                "distribution",
                "integ-test-zip",
                "elasticsearch",
                version,
                "elasticsearch-" + version + ".zip");
    }

    /** A node from the given distribution zip (e.g. {@code elasticsearch-8.19.21.zip}). */
    public static Builder builder(Path distributionZip) {
        return new Builder(distributionZip);
    }

    /**
     * Starts the node (installing the distribution first if needed) and waits until it answers.
     *
     * @throws IOException when it cannot be started or does not become ready in time; the message
     *     includes the end of the node's log
     */
    public synchronized LocalElasticsearch start() throws IOException {
        if (isRunning()) {
            return this;
        }
        long begin = System.nanoTime();
        Path home = ElasticsearchDistribution.install(distributionZip, baseDirectory);
        if (httpPort == 0) {
            httpPort = freePort();
        }
        prepareInstanceDirectory(home);
        ProcessBuilder builder = new ProcessBuilder(command(home));
        configureEnvironment(builder.environment());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
        LOG.info(
                "Starting Elasticsearch on {} (instance {}{})",
                httpUrl(),
                instanceDirectory,
                user == null ? "" : ", user " + user);
        process = builder.start();
        shutdownHook = new Thread(this::stop, "local-elasticsearch-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            awaitReady();
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info(
                "Elasticsearch is ready on {} after {} ms",
                httpUrl(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return this;
    }

    /** Stops the node and every process it started, and waits for them to end. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process root = process;
        process = null;
        // Elasticsearch's server process first, so it shuts down cleanly, then its launchers.
        List<ProcessHandle> descendants = root.descendants().collect(Collectors.toList());
        terminate(descendants);
        terminate(List.of(root.toHandle()));
        LOG.info("Stopped Elasticsearch on {}", httpUrl());
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down.
            }
        }
        shutdownHook = null;
    }

    /** Stops the node and deletes its instance directory if it was a temporary one. */
    @Override
    public synchronized void close() throws IOException {
        stop();
        if (temporaryInstance) {
            ElasticsearchDistribution.deleteRecursively(instanceDirectory);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:PORT}; the port is chosen on the first start unless given. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Holds {@code config/}, {@code data/}, {@code logs/} and {@code tmp/} of this node. */
    public Path instanceDirectory() {
        return instanceDirectory;
    }

    /** The node's standard output and error. */
    public Path consoleLog() {
        return instanceDirectory.resolve("logs").resolve("console.log");
    }

    private List<String> command(Path home) {
        List<String> command = new ArrayList<>();
        if (user != null) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "forewarn-local");
        settings.put("node.name", "forewarn-local-" + httpPort);
        settings.put("discovery.type", "single-node");
        settings.put("xpack.security.enabled", "false");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("path.data", instanceDirectory.resolve("data").toString());
        settings.put("path.logs", instanceDirectory.resolve("logs").toString());
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.putAll(extraSettings);
        settings.forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
        return command;
    }

    private void configureEnvironment(Map<String, String> env) {
        // Options meant for this JVM must not leak into Elasticsearch's.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("ES_PATH_CONF", instanceDirectory.resolve("config").toString());
        env.put("ES_TMPDIR", instanceDirectory.resolve("tmp").toString());
    }

    private void prepareInstanceDirectory(Path home) throws IOException {
        Path config = instanceDirectory.resolve("config");
        if (!Files.exists(config)) {
            copyRecursively(home.resolve("config"), config);
        }
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(instanceDirectory.resolve(dir));
        }
        Files.writeString(
                consoleLog(),
                "",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (user != null) {
            SystemUser.ensureExists(user);
            makeTraversable(instanceDirectory);
            changeOwner(instanceDirectory, user);
        }
    }

    /** Lets the node's user reach the instance directory through its parents. */
    private void makeTraversable(Path directory) throws IOException {
        for (Path p = directory.getParent();
                p != null && p.startsWith(baseDirectory);
                p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void changeOwner(Path directory, String userName) throws IOException {
        UserPrincipalLookupService lookup =
                FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(userName);
        GroupPrincipal group;
        try {
            group = lookup.lookupPrincipalByGroupName(userName);
        } catch (UserPrincipalNotFoundException e) {
            group = null;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toArray(Path[]::new)) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                if (group != null) {
                    view.setGroup(group);
                }
            }
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "Elasticsearch exited with code "
                                + process.exitValue()
                                + " while starting; end of "
                                + consoleLog()
                                + ":\n"
                                + logTail());
            }
            try {
                HttpResponse<String> response =
                        http.send(
                                HttpRequest.newBuilder(health)
                                        .timeout(Duration.ofSeconds(5))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                lastAnswer = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && isHealthy(response.body())) {
                    return;
                }
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for Elasticsearch", e);
            }
            pause();
        }
        throw new IOException(
                "Elasticsearch did not become ready on "
                        + httpUrl()
                        + " within "
                        + startupTimeout
                        + " (last answer: "
                        + lastAnswer
                        + "); end of "
                        + consoleLog()
                        + ":\n"
                        + logTail());
    }

    private static boolean isHealthy(String body) throws IOException {
        JsonNode health = JSON.readTree(body);
        String status = health.path("status").asText();
        return "green".equals(status) || "yellow".equals(status);
    }

    private static void pause() throws IOException {
        // The readiness poll's interval; no other thread to hand over to.
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Elasticsearch", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(consoleLog(), StandardCharsets.UTF_8);
            return String.join(
                    "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    private static void terminate(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : processes) {
            long remaining = Math.max(1, deadline - System.nanoTime());
            if (!awaitExit(handle, remaining)) {
                LOG.warn("Process {} did not stop in {}; killing it", handle.pid(), STOP_TIMEOUT);
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(10));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, long timeoutNanos) {
        try {
            handle.onExit().get(timeoutNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toArray(Path[]::new)) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path defaultBaseDirectory() {
        return isRoot()
                ? Path.of("/var/tmp/forewarn")
                : Path.of(System.getProperty("user.home"), ".cache", "forewarn");
    }

    /** Settings of a node; {@link #build()} creates it without starting it. */
    public static final class Builder {
        private final Path distributionZip;
        private Path baseDirectory;
        private Path instanceDirectory;
        private int httpPort;
        private String heap = DEFAULT_HEAP;
        private String user = DEFAULT_USER;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(Path distributionZip) {
            this.distributionZip = Objects.requireNonNull(distributionZip, "distributionZip");
        }

        /** Where the distribution is unpacked (and temporary instances live). */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = baseDirectory;
            return this;
        }

        /** Keep config, data and logs here (kept on close) instead of a temporary directory. */
        public Builder instanceDirectory(Path instanceDirectory) {
            this.instanceDirectory = instanceDirectory;
            return this;
        }

        /** HTTP port; 0 (default) picks a free one on the first start. */
        public Builder httpPort(int httpPort) {
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("not a port: " + httpPort);
            }
            this.httpPort = httpPort;
            return this;
        }

        /** JVM heap, e.g. {@code 1g} or {@code 512m}. */
        public Builder heap(String heap) {
            if (!heap.matches("\\d+[kmgKMG]")) {
                throw new IllegalArgumentException("not a heap size: " + heap);
            }
            this.heap = heap;
            return this;
        }

        /** The user the node runs as when this JVM runs as root. */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** An extra {@code -E key=value} node setting. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public LocalElasticsearch build() throws IOException {
            return new LocalElasticsearch(this);
        }
    }
}
