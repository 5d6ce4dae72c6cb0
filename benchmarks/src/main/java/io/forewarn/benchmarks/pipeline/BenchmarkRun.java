package io.forewarn.benchmarks.pipeline;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.detect.DetectJob;
import io.forewarn.detect.Input;
import io.forewarn.detect.JobEnvironment;
import io.forewarn.detect.KafkaEndpoints;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a job against fresh topics: creates the topics (the predictions topic with
 * LogAppendTime), starts the job in a local mini cluster with its REST API, starts the load
 * generator at a constant rate; {@link #close()} stops everything and deletes the topics.
 */
final class BenchmarkRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRun.class);

    static final int PARTITIONS = 2;

    private final ForewarnConfig config;
    private final Properties kafka;
    private final Map<String, String> topics;
    private final JobClient job;
    private final int restPort;
    private final LoadGenerator generator;

    private BenchmarkRun(
            ForewarnConfig config,
            Map<String, String> topics,
            JobClient job,
            int restPort,
            LoadGenerator generator) {
        this.config = config;
        this.kafka = config.kafkaProperties();
        this.topics = topics;
        this.job = job;
        this.restPort = restPort;
        this.generator = generator;
    }

    /**
     * Starts a run.
     *
     * @param base the job's options (servers, detector settings)
     * @param name unique name of the run: prefix of its topics, group and transactional ids
     * @param checkpoints checkpoint directory of the run
     */
    static BenchmarkRun start(
            ForewarnConfig base,
            String name,
            Path checkpoints,
            JobKind kind,
            Payloads payloads,
            double rate)
            throws Exception {
        Map<String, String> topics = new HashMap<>();
        for (var option : ForewarnOptions.all()) {
            if (option.key().startsWith("topics.")) {
                topics.put(option.key(), name + "." + option.key().substring("topics.".length()));
            }
        }
        Map<String, String> values = new HashMap<>(topics);
        values.put("kafka.group-id", name);
        values.put("kafka.transactional-id-prefix", name);
        values.put("kafka.starting-offsets", "earliest");
        values.put("checkpoint.storage", checkpoints.toUri().toString());
        ForewarnConfig config = base.with(values);
        createTopics(config, topics);

        int restPort = freePort();
        Configuration flink = config.flinkConfiguration();
        flink.set(RestOptions.PORT, restPort);
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        JobEnvironment.configure(env, config);
        KafkaEndpoints endpoints = new KafkaEndpoints(config);
        if (kind == JobKind.PIPELINE) {
            new DetectJob(config, endpoints).build(env);
        } else {
            for (Input input : List.of(Input.LOGS, Input.METRICS)) {
                env.fromSource(
                                endpoints.source(input),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka: " + config.get(input.topicOption()))
                        .uid("source-" + input.id())
                        .sinkTo(new DiscardingSink<>())
                        .uid("discard-" + input.id())
                        .name("Discard " + input.id());
            }
        }
        JobClient job = env.executeAsync(kind + " " + name);
        LoadGenerator generator =
                new LoadGenerator(
                        config.kafkaProperties(),
                        config.get(ForewarnOptions.TOPIC_LOGS),
                        config.get(ForewarnOptions.TOPIC_METRICS),
                        payloads,
                        rate);
        generator.start();
        return new BenchmarkRun(config, topics, job, restPort, generator);
    }

    private static void createTopics(ForewarnConfig config, Map<String, String> topics)
            throws Exception {
        String predictions = topics.get(ForewarnOptions.TOPIC_PREDICTIONS.key());
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            List<NewTopic> all =
                    topics.values().stream()
                            .map(
                                    t ->
                                            new NewTopic(t, PARTITIONS, (short) 1)
                                                    .configs(
                                                            t.equals(predictions)
                                                                    ? Map.of(
                                                                            "message.timestamp.type",
                                                                            "LogAppendTime")
                                                                    : Map.of()))
                            .toList();
            admin.createTopics(all).all().get(60, TimeUnit.SECONDS);
        }
    }

    ForewarnConfig config() {
        return config;
    }

    String predictionsTopic() {
        return config.get(ForewarnOptions.TOPIC_PREDICTIONS);
    }

    String jobId() {
        return job.getJobID().toHexString();
    }

    CheckpointStats checkpoints() {
        return new CheckpointStats(restPort);
    }

    ConsumerLag lag() {
        return new ConsumerLag(
                kafka,
                config.get(ForewarnOptions.KAFKA_GROUP_ID),
                List.of(
                        config.get(ForewarnOptions.TOPIC_LOGS),
                        config.get(ForewarnOptions.TOPIC_METRICS)),
                PARTITIONS);
    }

    LoadGenerator generator() {
        return generator;
    }

    /** Whether the job is still running (a failed job ends a trial). */
    boolean jobRunning() throws Exception {
        return !job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState();
    }

    @Override
    public void close() throws Exception {
        generator.close();
        try {
            job.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Already finished or failed: nothing to cancel.
        }
        awaitEnd();
        try (Admin admin = Admin.create(kafka)) {
            admin.deleteTopics(topics.values()).all().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until the job has ended, its tasks closed: the cancel call returns once the request is
     * taken, and deleting the topics while the Kafka writers still abort their transactions on them
     * left a writer waiting 60 s for the broker (and its task manager failing) while the next trial
     * ran.
     */
    private void awaitEnd() {
        try {
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Job {} had not ended 120 s after it was cancelled", job.getJobID());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Cancelled or failed: it has ended.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
