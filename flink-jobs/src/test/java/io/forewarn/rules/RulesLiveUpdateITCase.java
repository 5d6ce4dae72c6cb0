package io.forewarn.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.DetectJob;
import io.forewarn.detect.JobEnvironment;
import io.forewarn.detect.KafkaEndpoints;
import io.forewarn.schema.ControlOutcome;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.testutils.KafkaTestCluster;
import io.forewarn.testutils.RuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole detection job on a real Kafka broker at parallelism 2: a rule published on the rules
 * topic at run time matches and its signal reaches the signals and predictions topics; a changed
 * version replaces it; a version that does not compile is rejected on the status topic while the
 * previous version keeps matching; a removed rule stops matching; an unchanged rule keeps working
 * throughout.
 */
class RulesLiveUpdateITCase {

    private static final int PARTITIONS = 2;

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    private final KafkaTestCluster kafka = KafkaTestCluster.get();
    private final Map<String, String> topics = new HashMap<>();
    private JobClient job;
    private long clock;

    @BeforeEach
    void createTopics() {
        for (String t :
                List.of(
                        "logs",
                        "metrics",
                        "deployments",
                        "vcs",
                        "dependencies",
                        "incidents",
                        "rules",
                        "models",
                        "status",
                        "signals",
                        "predictions",
                        "deadletter")) {
            topics.put(t, kafka.createTopics(PARTITIONS, "it-" + t).get(0));
        }
        clock = System.currentTimeMillis() - 60_000;
    }

    @AfterEach
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
        kafka.deleteTopics(topics.values());
    }

    private ForewarnConfig config() {
        Map<String, String> values = new HashMap<>();
        topics.forEach((name, topic) -> values.put("topics." + name, topic));
        values.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        values.put("kafka.starting-offsets", "EARLIEST");
        values.put("elasticsearch.enabled", "false");
        values.put("checkpoint.interval", "1s");
        values.put("watermark.max-out-of-orderness", "0s");
        values.put("watermark.idleness", "1s");
        values.put("rules.load-bundled", "false");
        // The rules stage alone: the metric models (MetricsToPredictionsITCase) add operators
        // between the sources and the rules whose event time this test does not drive.
        values.put("metrics.enabled", "false");
        values.put("job.parallelism", "2");
        return ForewarnConfig.of(values);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void rulesAreAddedChangedRejectedAndRemovedWhileTheJobRuns() throws Exception {
        ForewarnConfig config = config();
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        JobEnvironment.configure(env, config);
        new DetectJob(config, new KafkaEndpoints(config)).build(env);
        job = env.executeAsync("rules-live-update");

        publish(
                RuleFiles.upsert(
                        RuleFiles.aThenB("sentinel", 1)
                                .replace("{metric: a}", "{metric: sa}")
                                .replace("{metric: b}", "{metric: sb}")));
        publish(RuleFiles.upsert(rule(1, "value >= 0.0")));
        awaitStatus("sentinel", "1", ControlOutcome.ACTIVATED);
        awaitStatus("live", "1", ControlOutcome.ACTIVATED);

        // Version 1 matches and its signal becomes a prediction.
        long a1 = metric("checkout", "a", 1);
        metric("checkout", "b", 1);
        Signal first = awaitSignal("live", "1", a1);
        assertThat(first.getFailureType()).isEqualTo("test-failure");
        assertThat(first.getService()).isEqualTo("checkout");
        await("a prediction from the rule's signal")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> predictionFrom("live"));

        // A partial match of the sentinel survives every update of the other rule.
        long sentinelStart = metric("search", "sa", 1);

        // Version 2 only accepts large values of a.
        publish(RuleFiles.upsert(rule(2, "value > 5.0")));
        awaitStatus("live", "2", ControlOutcome.ACTIVATED);
        metric("checkout", "a", 1);
        metric("checkout", "b", 1);
        long a2 = metric("checkout", "a", 9);
        metric("checkout", "b", 1);
        Signal second = awaitSignal("live", "2", a2);
        assertThat(second.getEvidence().get(1).getValue()).isEqualTo(9.0);

        // Version 3 does not compile: rejected with its reason, version 2 stays.
        publish(RuleFiles.upsert(rule(3, "vlaue > 5.0")));
        ControlStatus rejected = awaitStatus("live", "3", ControlOutcome.REJECTED);
        assertThat(rejected.getMessage())
                .contains(
                        "undeclared reference to 'vlaue'",
                        "did you mean 'value'",
                        "version 2 stays active");
        long a3 = metric("checkout", "a", 8);
        metric("checkout", "b", 1);
        awaitSignal("live", "2", a3);

        // Removed: no more matches, proven by a later match of the sentinel on the same key.
        publish(RuleFiles.delete("live", 3));
        awaitStatus("live", "3", ControlOutcome.REMOVED);
        long a4 = metric("checkout", "a", 9);
        metric("checkout", "b", 1);
        long sentinelOnCheckout = metric("checkout", "sa", 1);
        metric("checkout", "sb", 1);
        awaitSignal("sentinel", "1", sentinelOnCheckout);
        assertThat(signals("live")).noneMatch(s -> firstEvidenceTime(s) >= a4);

        // The sentinel's partial match from before the updates still completes.
        long searchEnd = metric("search", "sb", 1);
        Signal survived = awaitSignal("sentinel", "1", sentinelStart);
        assertThat(survived.getTimestamp()).isEqualTo(searchEnd);
        assertThat(read("status", ControlStatus.getDecoder()))
                .as("one status per update, from one instance")
                .extracting(s -> s.getId() + "@" + s.getVersion() + " " + s.getOutcome())
                .containsExactlyInAnyOrder(
                        "sentinel@1 ACTIVATED",
                        "live@1 ACTIVATED",
                        "live@2 ACTIVATED",
                        "live@3 REJECTED",
                        "live@3 REMOVED");

        // Per-rule metrics are on the operator's metric group, where reporters find them.
        List<Map.Entry<String, Metric>> ruleMetrics =
                METRICS.getMetricsByGroup().entrySet().stream()
                        .filter(g -> "live".equals(g.getKey().getAllVariables().get("<rule>")))
                        .flatMap(g -> g.getValue().entrySet().stream())
                        .collect(Collectors.toList());
        assertThat(ruleMetrics)
                .extracting(Map.Entry::getKey)
                .contains(
                        "recordsEvaluated",
                        "matches",
                        "partialMatches",
                        "partialMatchesDropped",
                        "evaluationNanos",
                        "evaluationMicros",
                        "version",
                        "evaluationErrors");
        long matches =
                ruleMetrics.stream()
                        .filter(e -> e.getKey().equals("matches"))
                        .mapToLong(e -> ((Counter) e.getValue()).getCount())
                        .sum();
        assertThat(matches).isEqualTo(signals("live").size());
    }

    private boolean predictionFrom(String rule) {
        tick();
        return read("predictions", Prediction.getDecoder()).stream()
                .flatMap(p -> p.getProducers().stream())
                .anyMatch(p -> p.getKind() == ProducerKind.RULE && p.getId().equals(rule));
    }

    private static String rule(int version, String condition) {
        return RuleFiles.rule(
                "live",
                version,
                "service",
                "10m",
                "skip-past-last-event",
                "  - step: a\n    match: {metric: a}\n    where: "
                        + condition
                        + "\n  - step: b\n    match: {metric: b}\n");
    }

    private void publish(RuleUpdate update) {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            producer.send(
                    new ProducerRecord<>(
                            topics.get("rules"), update.getRuleId().getBytes(), encode(update)));
            producer.flush();
        }
    }

    /** Writes a metric sample one second after the previous one; returns its time. */
    private long metric(String service, String name, double value) {
        clock += 1000;
        MetricSample m = RuleFiles.metric(clock, service, name, value);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            producer.send(new ProducerRecord<>(topics.get("metrics"), 0, clock, null, encode(m)));
            producer.flush();
        }
        return clock;
    }

    /** An unrelated sample that moves event time on, so waiting records are evaluated. */
    private void tick() {
        metric("ticker", "tick", 0);
    }

    private Signal awaitSignal(String rule, String version, long firstRecordTime) {
        return await(rule + " v" + version + " matching from " + firstRecordTime)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            tick();
                            return signals(rule).stream()
                                    .filter(
                                            s ->
                                                    s.getProducer().getVersion().equals(version)
                                                            && firstEvidenceTime(s)
                                                                    == firstRecordTime)
                                    .findFirst()
                                    .orElse(null);
                        },
                        s -> s != null);
    }

    private ControlStatus awaitStatus(String rule, String version, ControlOutcome outcome) {
        return await(rule + " v" + version + " " + outcome)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () ->
                                read("status", ControlStatus.getDecoder()).stream()
                                        .filter(
                                                s ->
                                                        s.getId().equals(rule)
                                                                && s.getVersion().equals(version)
                                                                && s.getOutcome() == outcome)
                                        .findFirst()
                                        .orElse(null),
                        s -> s != null);
    }

    private List<Signal> signals(String rule) {
        return read("signals", Signal.getDecoder()).stream()
                .filter(
                        s ->
                                s.getProducer().getKind() == ProducerKind.RULE
                                        && s.getProducer().getId().equals(rule))
                .collect(Collectors.toList());
    }

    private static long firstEvidenceTime(Signal s) {
        return s.getEvidence().get(1).getTimestamp();
    }

    private <T> List<T> read(String topic, BinaryMessageDecoder<T> decoder) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topics.get(topic))) {
            try {
                out.add(decoder.decode(r.value()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static byte[] encode(org.apache.avro.specific.SpecificRecordBase record) {
        try {
            ByteBuffer b = (ByteBuffer) record.getClass().getMethod("toByteBuffer").invoke(record);
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
