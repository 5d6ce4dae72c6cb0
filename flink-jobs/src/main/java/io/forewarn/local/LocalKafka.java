package io.forewarn.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) run as a child process from
 * the Kafka jars on this JVM's class path: the embedded default of {@code bin/forewarn demo}.
 * {@link #close()} stops it; a shutdown hook does too if the JVM exits first.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final Process process;
    private final Thread shutdownHook;

    private LocalKafka(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.shutdownHook = new Thread(this::stopProcess, "local-kafka-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Formats a fresh log directory under {@code directory} and starts a broker listening on
     * 127.0.0.1:{@code port} (a free port when 0). Returns when the broker answers.
     */
    public static LocalKafka start(Path directory, int port)
            throws IOException, InterruptedException {
        int brokerPort = port > 0 ? port : freePort();
        int controllerPort = freePort();
        Path data = directory.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(data);
        Path properties = directory.resolve("server.properties");
        Files.writeString(
                properties,
                serverProperties(data, brokerPort, controllerPort),
                StandardCharsets.UTF_8);
        Path log4j = directory.resolve("log4j2.properties");
        Files.writeString(
                log4j, log4jProperties(directory.resolve("kafka.log")), StandardCharsets.UTF_8);

        String clusterId = Uuid.randomUuid().toString();
        Process format =
                javaProcess(
                                directory,
                                log4j,
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                clusterId,
                                "-c",
                                properties.toString())
                        .redirectOutput(directory.resolve("format.out").toFile())
                        .redirectErrorStream(true)
                        .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException(
                    "Formatting the Kafka log directory failed: "
                            + Files.readString(
                                    directory.resolve("format.out"), StandardCharsets.UTF_8));
        }
        Process broker =
                javaProcess(directory, log4j, "kafka.Kafka", properties.toString())
                        .redirectOutput(directory.resolve("broker.out").toFile())
                        .redirectErrorStream(true)
                        .start();
        LocalKafka kafka = new LocalKafka(directory, brokerPort, broker);
        kafka.awaitReady();
        return kafka;
    }

    /** The broker process, for callers that supervise it. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> missing =
                    topics.stream()
                            .map(t -> new NewTopic(t, partitions, (short) 1))
                            .collect(Collectors.toList());
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "Could not create topics " + topics, e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + topics, e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return Admin.create(props);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "The Kafka broker exited (" + process.exitValue() + "): " + tail());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                LOG.info("Local Kafka broker ready on {}", bootstrapServers());
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        close();
        throw new IOException(
                "The Kafka broker did not start within "
                        + START_TIMEOUT
                        + ": "
                        + last
                        + "\n"
                        + tail());
    }

    private String tail() {
        try {
            List<String> lines =
                    Files.readAllLines(directory.resolve("broker.out"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs (or ran) stopProcess itself.
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static ProcessBuilder javaProcess(
            Path directory, Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx512m");
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile());
    }

    private static String serverProperties(Path data, int brokerPort, int controllerPort) {
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:"
                                + brokerPort
                                + ",CONTROLLER://127.0.0.1:"
                                + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + data,
                        "num.partitions=2",
                        "auto.create.topics.enable=false",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=4",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "transaction.state.log.num.partitions=4",
                        "group.initial.rebalance.delay.ms=0",
                        "log.retention.hours=24",
                        "")
                .replace("\\", "/");
    }

    private static String log4jProperties(Path logFile) {
        return String.join(
                "\n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + logFile,
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d %-5p %c - %m%n",
                "");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
