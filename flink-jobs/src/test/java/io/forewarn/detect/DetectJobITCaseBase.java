package io.forewarn.detect;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.Signal;
import io.forewarn.simulator.KafkaTelemetrySink;
import io.forewarn.simulator.Pacer;
import io.forewarn.simulator.Scenario;
import io.forewarn.simulator.SimulatorSettings;
import io.forewarn.simulator.TelemetrySimulator;
import io.forewarn.simulator.Topic;
import io.forewarn.sink.elasticsearch.IndexTemplates;
import io.forewarn.testutils.ElasticsearchTestNode;
import io.forewarn.testutils.KafkaTestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DetectJob} in a Flink mini cluster (2 task managers of one slot each, so a job of
 * parallelism 2 runs on both) against the shared real Kafka broker and Elasticsearch node, with
 * fresh topics and index names per test.
 */
abstract class DetectJobITCaseBase {

    static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(2)
                            .setNumberSlotsPerTaskManager(1)
                            .setConfiguration(clusterConfiguration())
                            .build());

    private static final Logger LOG = LoggerFactory.getLogger(DetectJobITCaseBase.class);

    protected final KafkaTestCluster kafka = KafkaTestCluster.get();
    protected final ElasticsearchTestNode elasticsearch = ElasticsearchTestNode.get();

    /** Unique per test: topic, index, group and transactional-id prefix. */
    protected String prefix;

    /**
     * Simulated time starts here: three hours ago, on a minute boundary, or at the instant in the
     * system property {@value #START_PROPERTY} (to repeat a run; the start is logged per test).
     * Recent, so the records are well inside the broker's retention and producer-state expiry.
     */
    protected final long start = simulatedStart(Instant.now(), System.getProperty(START_PROPERTY));

    /** The system property that sets {@link #start}: an ISO-8601 instant. */
    static final String START_PROPERTY = "forewarn.it.start";

    static long simulatedStart(Instant now, String property) {
        if (property != null && !property.isBlank()) {
            return Instant.parse(property.strip()).toEpochMilli();
        }
        return now.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
    }

    private static Configuration clusterConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        // Enough attempts, far enough apart, for a replacement task manager to register: a
        // restart before it has, with one slot short, fails at once.
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        configuration.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        // One slot of each task manager, so that losing either one restarts tasks.
        configuration.set(
                TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE,
                TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
        return configuration;
    }

    @BeforeEach
    void createTopics() {
        prefix = "fw" + UUID.randomUUID().toString().substring(0, 8);
        Instant startInstant = Instant.ofEpochMilli(start);
        LOG.info(
                "Test {}: simulated time starts at {} (repeat with -D{}={})",
                prefix,
                startInstant,
                START_PROPERTY,
                startInstant);
        kafka.createTopicsNamed(PARALLELISM, topicNames().values());
    }

    @AfterEach
    void deleteTopicsAndIndices() throws IOException {
        kafka.deleteTopics(topicNames().values());
        for (String template : IndexTemplates.NAMES) {
            String name = prefix + template.substring("forewarn".length());
            elasticsearch.deleteIndex(name);
            elasticsearch.client().indices().deleteIndexTemplate(d -> d.name(name));
        }
    }

    /** Every topic option mapped to this test's topic name. */
    protected Map<String, String> topicNames() {
        Map<String, String> names = new HashMap<>();
        for (var option : ForewarnOptions.all()) {
            if (option.key().startsWith("topics.")) {
                names.put(option.key(), prefix + "." + option.key().substring("topics.".length()));
            }
        }
        return names;
    }

    /** The test's configuration: its topics and indices, fast checkpoints, plus overrides. */
    protected ForewarnConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(topicNames());
        values.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        values.put("kafka.group-id", prefix);
        values.put("kafka.transactional-id-prefix", prefix);
        values.put("kafka.transaction-timeout", "2 min");
        values.put("elasticsearch.endpoints", elasticsearch.url());
        values.put("elasticsearch.index-prefix", prefix);
        values.put("elasticsearch.replicas", "0");
        values.put("elasticsearch.bulk.flush-interval", "200 ms");
        values.put("job.parallelism", Integer.toString(PARALLELISM));
        values.put("checkpoint.interval", "1 s");
        values.put("watermark.idleness", "2 s");
        values.putAll(overrides);
        return ForewarnConfig.of(values);
    }

    /** Builds the job the way {@code forewarn run} does and starts it. */
    protected JobClient start(ForewarnConfig config) throws Exception {
        ElasticsearchOutputs.installTemplates(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, config);
        new DetectJob(config, new KafkaEndpoints(config)).build(env);
        return env.executeAsync(DetectJob.NAME);
    }

    /** Runs the job over what the topics hold now and waits until it finishes. */
    protected void runToEnd(ForewarnConfig config) throws Exception {
        start(config.with(Map.of("job.bounded", "true"))).getJobExecutionResult().get();
    }

    /** Writes the simulated fleet's telemetry for [from, to) to the input topics, unpaced. */
    protected TelemetrySimulator simulate(long seed, long from, long to, Scenario... scenarios)
            throws InterruptedException {
        return simulate(SimulatorSettings.small(seed), from, to, scenarios);
    }

    /** Writes the telemetry of a fleet with these settings for [from, to), unpaced. */
    protected TelemetrySimulator simulate(
            SimulatorSettings settings, long from, long to, Scenario... scenarios)
            throws InterruptedException {
        TelemetrySimulator simulator = new TelemetrySimulator(settings, List.of(scenarios));
        Map<Topic, String> topics = new EnumMap<>(Topic.class);
        Map<String, String> names = topicNames();
        for (Topic topic : Topic.values()) {
            topics.put(
                    topic, names.get("topics." + topic.name().toLowerCase(java.util.Locale.ROOT)));
        }
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaTelemetrySink sink = new KafkaTelemetrySink(props, topics)) {
            simulator.run(from, to, sink, Pacer.unpaced());
        }
        return simulator;
    }

    protected List<Prediction> predictions() {
        return decodeAll(topicNames().get("topics.predictions"), Prediction.getDecoder());
    }

    protected List<Signal> signals() {
        return decodeAll(topicNames().get("topics.signals"), Signal.getDecoder());
    }

    protected List<DeadLetter> deadLetters() {
        return decodeAll(topicNames().get("topics.deadletter"), DeadLetter.getDecoder());
    }

    /** Predictions by id, in the order they were written (per id, Kafka keeps order). */
    protected static Map<String, List<Prediction>> byId(List<Prediction> predictions) {
        return predictions.stream()
                .collect(
                        Collectors.groupingBy(
                                Prediction::getPredictionId,
                                java.util.LinkedHashMap::new,
                                Collectors.toList()));
    }

    private <T> List<T> decodeAll(String topic, BinaryMessageDecoder<T> decoder) {
        List<T> out = new ArrayList<>();
        for (var record : kafka.readAll(topic)) {
            try {
                out.add(decoder.decode(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("Undecodable record in " + topic, e);
            }
        }
        return out;
    }
}
