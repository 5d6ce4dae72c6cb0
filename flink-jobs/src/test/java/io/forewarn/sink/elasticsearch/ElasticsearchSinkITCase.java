package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.ElasticsearchOutputs;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.sink.elasticsearch.documents.PredictionDocuments;
import io.forewarn.testutils.ElasticsearchTestNode;
import io.forewarn.testutils.ElasticsearchTestNode.StoredDocument;
import io.forewarn.testutils.KafkaTestCluster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Elasticsearch sink in a Flink mini cluster (parallelism 2) against real Elasticsearch. */
class ElasticsearchSinkITCase {

    private static final int PARALLELISM = 2;
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    private static final String NUMBER_MAPPING =
            "{\"dynamic\":\"strict\",\"properties\":{\"n\":{\"type\":\"long\"}}}";

    private final ElasticsearchTestNode es = ElasticsearchTestNode.get();
    private final List<String> indices = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    @BeforeAll
    static void installTemplates() throws IOException {
        IndexTemplates.installMissing(
                ElasticsearchTestNode.get().client(), IndexTemplateSettings.singleNode());
    }

    @AfterEach
    void cleanUp() {
        indices.forEach(es::deleteIndex);
        if (!topics.isEmpty()) {
            KafkaTestCluster.get().deleteTopics(topics);
        }
    }

    @Test
    void writesDocumentsOnceByIdAndNeverOverwritesANewerVersion() throws Exception {
        String index = es.createIndex("forewarn-predictions-it");
        indices.add(index);
        List<Prediction> predictions =
                IntStream.range(0, 200)
                        .mapToObj(
                                i ->
                                        TestRecords.prediction(
                                                String.format("p-%03d", i),
                                                TestRecords.T0 + i,
                                                PredictionStatus.OPEN))
                        .collect(Collectors.toList());

        writePredictions(index, predictions);

        assertThat(es.count(index)).isEqualTo(200);
        StoredDocument p7 = es.document(index, "p-007").orElseThrow();
        assertThat(p7.version()).isEqualTo(TestRecords.T0 + 7);
        assertThat(p7.source().at("/service/name").asText()).isEqualTo("checkout");
        assertThat(p7.source().at("/forewarn/prediction_id").asText()).isEqualTo("p-007");
        assertThat(p7.source().at("/forewarn/status").asText()).isEqualTo("OPEN");
        assertThat(p7.source().at("/forewarn/probability").asDouble()).isEqualTo(0.82);

        writePredictions(index, predictions);

        assertThat(es.count(index)).as("documents after a replay").isEqualTo(200);
        assertThat(es.document(index, "p-007").orElseThrow().version())
                .isEqualTo(TestRecords.T0 + 7);

        writePredictions(
                index,
                List.of(
                        TestRecords.prediction(
                                "p-007", TestRecords.T0 + 10_000, PredictionStatus.UPDATED)));
        JobID olderUpdate =
                writePredictions(
                        index,
                        List.of(
                                TestRecords.prediction(
                                        "p-007",
                                        TestRecords.T0 + 5_000,
                                        PredictionStatus.RESOLVED)));

        StoredDocument latest = es.document(index, "p-007").orElseThrow();
        assertThat(latest.version()).isEqualTo(TestRecords.T0 + 10_000);
        assertThat(latest.source().at("/forewarn/status").asText()).isEqualTo("UPDATED");
        assertThat(sum(olderUpdate, ElasticsearchSinkMetrics.DOCUMENTS_STALE_VERSION)).isEqualTo(1);
        assertThat(sum(olderUpdate, ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN)).isZero();
        assertThat(es.count(index)).isEqualTo(200);
    }

    @Test
    void anOrderedSinkAppliesTheUpdatesOfADocumentInTheOrderTheyWereMade() throws Exception {
        String index = es.createIndex("forewarn-predictions-it");
        indices.add(index);
        // Bulk requests of 200 documents. Each of 30 predictions is updated twice with the same
        // version, the first update last in one request and the second first in the next: only
        // the order of the writes tells them apart. The option asks for 4 requests in flight
        // (with which Elasticsearch often applies some first updates last); the ordered sink keeps
        // one.
        int batch = 200;
        int updated = 30;
        List<Prediction> documents = new ArrayList<>();
        for (int i = 0; i < batch - 1; i++) {
            documents.add(filler(documents.size()));
        }
        for (int i = 0; i < updated; i++) {
            String id = String.format("updated-%03d", i);
            documents.add(update(id, 0.1));
            documents.add(update(id, 0.9));
            for (int f = 0; f < batch - 2; f++) {
                documents.add(filler(documents.size()));
            }
        }
        ForewarnConfig config =
                ForewarnConfig.of(
                        Map.of(
                                "elasticsearch.endpoints", es.url(),
                                "kafka.bootstrap-servers",
                                        KafkaTestCluster.get().bootstrapServers(),
                                "elasticsearch.bulk.max-actions", Integer.toString(batch),
                                "elasticsearch.bulk.flush-interval", "1 min",
                                "elasticsearch.max-in-flight-requests", "4"));

        StreamExecutionEnvironment env = environment();
        env.setParallelism(1);
        env.fromData(documents, new AvroTypeInfo<>(Prediction.class))
                .sinkTo(ElasticsearchOutputs.orderedSink(config, new PredictionDocuments(index)))
                .name("Elasticsearch");
        JobID job = env.execute("ordered updates to Elasticsearch").getJobID();

        assertThat(sum(job, ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN))
                .isEqualTo(documents.size());
        List<String> heldFirstUpdate = new ArrayList<>();
        for (int i = 0; i < updated; i++) {
            String id = String.format("updated-%03d", i);
            if (es.document(index, id).orElseThrow().source().at("/forewarn/probability").asDouble()
                    != 0.9) {
                heldFirstUpdate.add(id);
            }
        }
        assertThat(heldFirstUpdate).as("documents left with their first update").isEmpty();
    }

    private static Prediction update(String id, double probability) {
        Prediction p = TestRecords.prediction(id, TestRecords.T0, PredictionStatus.UPDATED);
        p.setProbability(probability);
        return p;
    }

    private static Prediction filler(int n) {
        return TestRecords.prediction(
                String.format("filler-%05d", n), TestRecords.T0, PredictionStatus.OPEN);
    }

    @Test
    void deadLettersRejectedDocumentsAndWritesTheOthers() throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.get();
        String topic = kafka.createTopics(1, "es-deadletter").get(0);
        topics.add(topic);
        String index = es.createIndex("forewarn-sink-rejects", NUMBER_MAPPING);
        indices.add(index);
        int payloadLimit = 1024;
        ElasticsearchSink<Long> sink =
                ElasticsearchSink.<Long>builder()
                        .settings(es.sinkSettings().bulkMaxActions(10).bulkMaxBytes(4096).build())
                        .converter(new NumberDocuments(index, true))
                        .deadLetters(
                                KafkaDeadLetterHandlerFactory.builder()
                                        .bootstrapServers(kafka.bootstrapServers())
                                        .topic(topic)
                                        .payloadLimitBytes(payloadLimit)
                                        .build())
                        .build();

        StreamExecutionEnvironment env = environment();
        env.fromData(LongStream.range(0, 60).boxed().collect(Collectors.toList()), Types.LONG)
                .sinkTo(sink)
                .name("Elasticsearch");
        JobID job = env.execute("rejected documents").getJobID();

        Set<String> rejectedIds =
                LongStream.range(0, 60)
                        .filter(NumberDocuments::isRejected)
                        .mapToObj(NumberDocuments::id)
                        .collect(Collectors.toSet());
        assertThat(rejectedIds).hasSize(9);
        assertThat(es.count(index)).isEqualTo(51);
        assertThat(es.document(index, NumberDocuments.id(8))).isPresent();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(topic)) {
            DeadLetter deadLetter = DeadLetter.fromByteBuffer(ByteBuffer.wrap(record.value()));
            deadLetters.add(deadLetter);
            String id = new String(record.key(), StandardCharsets.UTF_8);
            byte[] document = NumberDocuments.json(id);
            assertThat(rejectedIds).contains(id);
            assertThat(deadLetter.getStage()).isEqualTo("elasticsearch-sink");
            assertThat(deadLetter.getSourceTopic()).isNull();
            assertThat(deadLetter.getDetail()).contains(id);
            assertThat(deadLetter.getPayloadSize()).isEqualTo(document.length);
            assertThat(StandardCharsets.UTF_8.decode(deadLetter.getPayload()).toString())
                    .isEqualTo(
                            new String(
                                    document,
                                    0,
                                    Math.min(document.length, payloadLimit),
                                    StandardCharsets.UTF_8));
            if (NumberDocuments.isTooLarge(id)) {
                assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.TOO_LARGE);
                assertThat(deadLetter.getTruncated()).isTrue();
            } else {
                assertThat(deadLetter.getReason()).isEqualTo(DeadLetterReason.SINK_REJECTED);
                assertThat(deadLetter.getDetail()).contains("exception").contains("status 400");
                assertThat(deadLetter.getTruncated()).isFalse();
            }
        }
        assertThat(deadLetters).hasSize(9);
        assertThat(deadLetters)
                .filteredOn(d -> d.getReason() == DeadLetterReason.TOO_LARGE)
                .hasSize(3);
        assertThat(sum(job, ElasticsearchSinkMetrics.DOCUMENTS_FAILED)).isEqualTo(9);
        assertThat(sum(job, ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN)).isEqualTo(51);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void survivesAnElasticsearchOutageWithBoundedBuffersAndNoDuplicates() throws Exception {
        int total = 4000;
        int bulkMaxActions = 25;
        int maxBuffered = 100;
        int maxInFlight = 2;
        Path instance;
        try (ElasticsearchTestNode node = ElasticsearchTestNode.startDedicated()) {
            instance = node.instanceDirectory();
            String index = node.createIndex("forewarn-sink-outage", NUMBER_MAPPING);
            ElasticsearchSink<Long> sink =
                    ElasticsearchSink.<Long>builder()
                            .settings(
                                    node.sinkSettings()
                                            .bulkMaxActions(bulkMaxActions)
                                            .maxBufferedRequests(maxBuffered)
                                            .maxInFlightRequests(maxInFlight)
                                            .flushInterval(Duration.ofMillis(100))
                                            .retryBackoff(
                                                    Duration.ofMillis(50), Duration.ofSeconds(1))
                                            .requestTimeout(Duration.ofSeconds(5))
                                            .build())
                            .converter(new NumberDocuments(index, false))
                            .build();
            StreamExecutionEnvironment env = environment();
            env.enableCheckpointing(1000);
            env.fromSource(
                            new DataGeneratorSource<>(
                                    n -> n, total, RateLimiterStrategy.perSecond(200), Types.LONG),
                            WatermarkStrategy.noWatermarks(),
                            "numbers")
                    .sinkTo(sink)
                    .name("Elasticsearch");
            JobClient job = env.executeAsync("Elasticsearch outage");
            JobID jobId = job.getJobID();

            await("300 documents in Elasticsearch before the outage")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> node.count(index) >= 300);
            assertThat(ElasticsearchTestNode.processesMentioning(instance)).isPositive();
            node.stopNode();
            assertThat(ElasticsearchTestNode.processesMentioning(instance))
                    .as("processes of the stopped node")
                    .isZero();

            await("the sink retrying while Elasticsearch is down")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> sum(jobId, ElasticsearchSinkMetrics.DOCUMENTS_RETRIED) > 0);
            long bound = (long) PARALLELISM * (maxBuffered + maxInFlight * bulkMaxActions);
            await("the job running with bounded buffers while Elasticsearch is down")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    job.getJobStatus().get() == JobStatus.RUNNING
                                            && max(
                                                            jobId,
                                                            ElasticsearchSinkMetrics
                                                                    .IN_FLIGHT_REQUESTS)
                                                    <= maxInFlight
                                            && max(
                                                            jobId,
                                                            ElasticsearchSinkMetrics
                                                                    .BUFFERED_DOCUMENTS)
                                                    <= maxBuffered + maxInFlight * bulkMaxActions);
            long received = sum(jobId, "numRecordsIn");
            long written = sum(jobId, ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN);
            assertThat(received).as("records the sink accepted while down").isLessThan(total);
            assertThat(received - written)
                    .as("records held by the sink")
                    .isLessThanOrEqualTo(bound);

            node.restartNode();
            job.getJobExecutionResult().get(3, TimeUnit.MINUTES);

            assertThat(node.count(index)).isEqualTo(total);
            assertThat(sum(jobId, ElasticsearchSinkMetrics.DOCUMENTS_FAILED)).isZero();
            assertThat(sum(jobId, ElasticsearchSinkMetrics.BULK_REQUESTS_FAILED)).isPositive();
        }
        assertThat(ElasticsearchTestNode.processesMentioning(instance))
                .as("processes of the closed node")
                .isZero();
        assertThat(instance).doesNotExist();
    }

    private JobID writePredictions(String index, List<Prediction> predictions) throws Exception {
        StreamExecutionEnvironment env = environment();
        env.fromData(predictions, new AvroTypeInfo<>(Prediction.class))
                .sinkTo(
                        ElasticsearchSink.<Prediction>builder()
                                .settings(es.sinkSettings().bulkMaxActions(50).build())
                                .converter(new PredictionDocuments(index))
                                .build())
                .name("Elasticsearch");
        return env.execute("predictions to Elasticsearch").getJobID();
    }

    private static StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(PARALLELISM);
        return env;
    }

    /** Sum of one of the sink writer's metrics over its subtasks. */
    private static long sum(JobID job, String metric) {
        return writerMetrics(job, metric).stream().mapToLong(ElasticsearchSinkITCase::value).sum();
    }

    /** Largest value of one of the sink writer's metrics over its subtasks. */
    private static long max(JobID job, String metric) {
        return writerMetrics(job, metric).stream()
                .mapToLong(ElasticsearchSinkITCase::value)
                .max()
                .orElse(0);
    }

    /**
     * A metric of every sink writer subtask of the job: the groups that hold the sink's own
     * metrics, which also hold the operator's standard ones such as {@code numRecordsIn}.
     */
    private static List<Metric> writerMetrics(JobID job, String metric) {
        return METRICS.getMetricsByGroup().entrySet().stream()
                .filter(e -> job.toString().equals(e.getKey().getAllVariables().get("<job_id>")))
                .map(Map.Entry::getValue)
                .filter(metrics -> metrics.containsKey(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN))
                .map(metrics -> metrics.get(metric))
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
    }

    private static long value(Metric metric) {
        if (metric instanceof Counter) {
            return ((Counter) metric).getCount();
        }
        if (metric instanceof Gauge) {
            return ((Number) ((Gauge<?>) metric).getValue()).longValue();
        }
        throw new IllegalArgumentException("Not a counter or gauge: " + metric);
    }

    /**
     * Numbers as documents {@code {"n": n}} with id {@code n-<n>}. With rejects, numbers 7 and 13
     * (mod 20) make documents the strict test mapping rejects (a string for the long field, an
     * unmapped field) and 17 (mod 20) a document of 8 KiB, larger than the test's bulk max bytes.
     */
    static final class NumberDocuments implements DocumentConverter<Long> {
        private static final long serialVersionUID = 1L;
        private static final ObjectMapper JSON = new ObjectMapper();

        private final String index;
        private final boolean withRejects;

        NumberDocuments(String index, boolean withRejects) {
            this.index = index;
            this.withRejects = withRejects;
        }

        @Override
        public DocumentRequest toRequest(Long n) {
            return DocumentRequest.index(index, id(n), withRejects ? json(n) : valid(n));
        }

        private static byte[] valid(long n) {
            return write(JSON.createObjectNode().put("n", n));
        }

        static String id(long n) {
            return "n-" + n;
        }

        static boolean isRejected(long n) {
            return n % 20 == 7 || n % 20 == 13 || n % 20 == 17;
        }

        static boolean isTooLarge(String id) {
            return Long.parseLong(id.substring(2)) % 20 == 17;
        }

        static byte[] json(String id) {
            return json(Long.parseLong(id.substring(2)));
        }

        static byte[] json(long n) {
            ObjectNode document = JSON.createObjectNode();
            if (n % 20 == 7) {
                document.put("n", "not-a-number-" + n);
            } else {
                document.put("n", n);
                if (n % 20 == 13) {
                    document.put("unmapped", true);
                }
                if (n % 20 == 17) {
                    document.put("padding", "x".repeat(8192));
                }
            }
            return write(document);
        }

        private static byte[] write(ObjectNode document) {
            try {
                return JSON.writeValueAsBytes(document);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
