package io.forewarn.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/**
 * Every option of Forewarn, in one place. Options are read from a YAML file ({@code --config}) and
 * overridden on the command line ({@code -Dkey=value}); see {@link ConfigLoader}. The reference
 * table in {@code docs/reference/configuration.md} is generated from this class.
 *
 * <p>Besides these options, two prefixes pass settings through: {@code kafka.properties.*} to every
 * Kafka client and {@code flink.*} to the Flink configuration of the job.
 */
public final class ForewarnOptions {

    private ForewarnOptions() {}

    /** Prefix of options passed to every Kafka client as-is (without the prefix). */
    public static final String KAFKA_PROPERTIES_PREFIX = "kafka.properties.";

    /** Prefix of options passed to the Flink configuration as-is (without the prefix). */
    public static final String FLINK_PREFIX = "flink.";

    // ------------------------------------------------------------------ Kafka

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            ConfigOptions.key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription("Kafka bootstrap servers, comma separated.");

    public static final ConfigOption<String> KAFKA_GROUP_ID =
            ConfigOptions.key("kafka.group-id")
                    .stringType()
                    .defaultValue("forewarn-detect")
                    .withDescription(
                            "Consumer group of the job's Kafka sources. Offsets are committed on"
                                    + " checkpoints, for monitoring; the job restores its positions from"
                                    + " checkpoints.");

    public static final ConfigOption<StartingOffsets> KAFKA_STARTING_OFFSETS =
            ConfigOptions.key("kafka.starting-offsets")
                    .enumType(StartingOffsets.class)
                    .defaultValue(StartingOffsets.COMMITTED_OR_EARLIEST)
                    .withDescription(
                            "Where the sources start when there is no checkpoint: the group's"
                                    + " committed offsets (falling back to earliest), earliest or"
                                    + " latest.");

    public static final ConfigOption<String> KAFKA_SECURITY_PROTOCOL =
            ConfigOptions.key("kafka.security.protocol")
                    .stringType()
                    .defaultValue("PLAINTEXT")
                    .withDescription("PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.");

    public static final ConfigOption<String> KAFKA_SASL_MECHANISM =
            ConfigOptions.key("kafka.sasl.mechanism")
                    .stringType()
                    .defaultValue("PLAIN")
                    .withDescription("SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.");

    public static final ConfigOption<String> KAFKA_SASL_USERNAME =
            ConfigOptions.key("kafka.sasl.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("SASL user name (with a SASL security protocol).");

    public static final ConfigOption<String> KAFKA_SASL_PASSWORD =
            ConfigOptions.key("kafka.sasl.password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("SASL password.");

    public static final ConfigOption<String> KAFKA_SSL_TRUSTSTORE_LOCATION =
            ConfigOptions.key("kafka.ssl.truststore.location")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Trust store (PEM, JKS or PKCS12) with the CA of the brokers, for SSL"
                                    + " and SASL_SSL.");

    public static final ConfigOption<String> KAFKA_SSL_TRUSTSTORE_TYPE =
            ConfigOptions.key("kafka.ssl.truststore.type")
                    .stringType()
                    .defaultValue("PEM")
                    .withDescription("Trust store type: PEM, JKS or PKCS12.");

    public static final ConfigOption<String> KAFKA_SSL_TRUSTSTORE_PASSWORD =
            ConfigOptions.key("kafka.ssl.truststore.password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Trust store password (JKS, PKCS12).");

    public static final ConfigOption<Duration> KAFKA_TRANSACTION_TIMEOUT =
            ConfigOptions.key("kafka.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Transaction timeout of the exactly-once sinks. Must not exceed the"
                                    + " brokers' transaction.max.timeout.ms (15 min by default) and"
                                    + " must be well above the checkpoint interval.");

    public static final ConfigOption<String> KAFKA_TRANSACTIONAL_ID_PREFIX =
            ConfigOptions.key("kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("forewarn-detect")
                    .withDescription(
                            "Prefix of the transactional ids of the exactly-once sinks. Unique per"
                                    + " job on a Kafka cluster.");

    // ------------------------------------------------------------------ Topics

    public static final ConfigOption<String> TOPIC_LOGS =
            topic(
                    "logs",
                    "forewarn.logs",
                    "Application logs (JSON from shippers, plain lines or Avro).");
    public static final ConfigOption<String> TOPIC_METRICS =
            topic("metrics", "forewarn.metrics", "Infrastructure and application metrics.");
    public static final ConfigOption<String> TOPIC_DEPLOYMENTS =
            topic("deployments", "forewarn.deployments", "Deployment events.");
    public static final ConfigOption<String> TOPIC_VCS =
            topic("vcs", "forewarn.vcs", "Code-repository statistics.");
    public static final ConfigOption<String> TOPIC_DEPENDENCIES =
            topic("dependencies", "forewarn.dependencies", "External dependency status.");
    public static final ConfigOption<String> TOPIC_INCIDENTS =
            topic(
                    "incidents",
                    "forewarn.incidents",
                    "Incidents from incident tools (ground truth).");
    public static final ConfigOption<String> TOPIC_RULES =
            topic("rules", "forewarn.rules", "Control topic: RuleUpdate records.");
    public static final ConfigOption<String> TOPIC_MODELS =
            topic("models", "forewarn.models", "Control topic: ModelUpdate records.");
    public static final ConfigOption<String> TOPIC_STATUS =
            topic(
                    "status",
                    "forewarn.status",
                    "Rule and model activation results (ControlStatus).");
    public static final ConfigOption<String> TOPIC_SIGNALS =
            topic("signals", "forewarn.signals", "Output: Signal records (Avro, exactly-once).");
    public static final ConfigOption<String> TOPIC_PREDICTIONS =
            topic(
                    "predictions",
                    "forewarn.predictions",
                    "Output: Prediction records (Avro, exactly-once).");
    public static final ConfigOption<String> TOPIC_DEADLETTER =
            topic("deadletter", "forewarn.deadletter", "Output: DeadLetter records (Avro).");

    private static ConfigOption<String> topic(String name, String defaultTopic, String what) {
        return ConfigOptions.key("topics." + name)
                .stringType()
                .defaultValue(defaultTopic)
                .withDescription(what);
    }

    // ------------------------------------------------------------------ Elasticsearch

    public static final ConfigOption<Boolean> ES_ENABLED =
            ConfigOptions.key("elasticsearch.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Write predictions and signals to Elasticsearch.");

    public static final ConfigOption<List<String>> ES_ENDPOINTS =
            ConfigOptions.key("elasticsearch.endpoints")
                    .stringType()
                    .asList()
                    .defaultValues("http://localhost:9200")
                    .withDescription(
                            "Elasticsearch URLs (http or https), separated by ';' or a YAML list.");

    public static final ConfigOption<String> ES_API_KEY =
            ConfigOptions.key("elasticsearch.api-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("API key (the base64 'encoded' form).");

    public static final ConfigOption<String> ES_USERNAME =
            ConfigOptions.key("elasticsearch.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("User name for basic authentication (instead of an API key).");

    public static final ConfigOption<String> ES_PASSWORD =
            ConfigOptions.key("elasticsearch.password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Password for basic authentication.");

    public static final ConfigOption<String> ES_CA_CERTIFICATE =
            ConfigOptions.key("elasticsearch.ca-certificate")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("PEM file with the CA certificate of an https endpoint.");

    public static final ConfigOption<String> ES_INDEX_PREFIX =
            ConfigOptions.key("elasticsearch.index-prefix")
                    .stringType()
                    .defaultValue("forewarn")
                    .withDescription(
                            "Prefix of the index names: PREFIX-predictions, PREFIX-signals,"
                                    + " PREFIX-log-templates, PREFIX-evaluation.");

    public static final ConfigOption<Boolean> ES_INSTALL_TEMPLATES =
            ConfigOptions.key("elasticsearch.install-templates")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Install the index templates at start-up when they are missing.");

    public static final ConfigOption<Integer> ES_REPLICAS =
            ConfigOptions.key("elasticsearch.replicas")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "number_of_replicas of the installed index templates (0 on a single node).");

    public static final ConfigOption<Integer> ES_BULK_MAX_ACTIONS =
            ConfigOptions.key("elasticsearch.bulk.max-actions")
                    .intType()
                    .defaultValue(1000)
                    .withDescription("Documents per bulk request at most.");

    public static final ConfigOption<MemorySize> ES_BULK_MAX_BYTES =
            ConfigOptions.key("elasticsearch.bulk.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("5mb"))
                    .withDescription("Bytes per bulk request at most.");

    public static final ConfigOption<Duration> ES_BULK_FLUSH_INTERVAL =
            ConfigOptions.key("elasticsearch.bulk.flush-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "A partial bulk request is sent after this time at the latest.");

    public static final ConfigOption<Integer> ES_MAX_IN_FLIGHT =
            ConfigOptions.key("elasticsearch.max-in-flight-requests")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Bulk requests in flight per sink subtask at most, for the signals"
                                    + " index. The predictions and log-templates indices, whose"
                                    + " documents are overwritten by each update, always keep one"
                                    + " in flight, so the updates of a document are applied in the"
                                    + " order they were made.");

    public static final ConfigOption<Integer> ES_MAX_BUFFERED =
            ConfigOptions.key("elasticsearch.max-buffered-documents")
                    .intType()
                    .defaultValue(10000)
                    .withDescription(
                            "Documents buffered per sink subtask at most; beyond it the sink"
                                    + " backpressures the job.");

    public static final ConfigOption<Duration> ES_RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("elasticsearch.retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withDescription("First wait before retrying a failed bulk request or item.");

    public static final ConfigOption<Duration> ES_RETRY_MAX_BACKOFF =
            ConfigOptions.key("elasticsearch.retry.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("Longest wait between retries (exponential backoff).");

    public static final ConfigOption<Duration> ES_REQUEST_TIMEOUT =
            ConfigOptions.key("elasticsearch.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("Timeout of one request to Elasticsearch.");

    // ------------------------------------------------------------------ Runtime

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("job.parallelism")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "Default parallelism of the job; the cluster's default when unset.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT =
            ConfigOptions.key("job.buffer-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMillis(10))
                    .withDescription(
                            "Longest a record or watermark waits in a network buffer before it is"
                                    + " sent on (Flink's execution.buffer-timeout.interval, 100 ms"
                                    + " by default): each hop between operators can add this much"
                                    + " to a prediction's latency. Larger values save a little CPU"
                                    + " per record; 0 flushes after every record.");

    public static final ConfigOption<Duration> WATERMARK_INTERVAL =
            ConfigOptions.key("watermark.interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(10))
                    .withDescription(
                            "How often the sources emit watermarks (Flink's"
                                    + " pipeline.auto-watermark-interval, 200 ms by default):"
                                    + " event-time results wait up to this long after their data,"
                                    + " so every prediction does. Every watermark passes through"
                                    + " every operator; at 10 ms no throughput cost showed on the"
                                    + " pipeline harness's fleet (docs/operations.md).");

    public static final ConfigOption<Boolean> BOUNDED =
            ConfigOptions.key("job.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Read each input topic only up to the end offsets it has when the job"
                                    + " starts, then finish once everything is processed: for"
                                    + " backfills and evaluation runs. At the end all event-time"
                                    + " windows and timers fire.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval. Outputs to Kafka become visible to read_committed"
                                    + " consumers when a checkpoint completes.");

    public static final ConfigOption<Duration> CHECKPOINT_TIMEOUT =
            ConfigOptions.key("checkpoint.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("A checkpoint that takes longer is aborted.");

    public static final ConfigOption<String> CHECKPOINT_STORAGE =
            ConfigOptions.key("checkpoint.storage")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Checkpoint directory URI (file:///..., s3://...). Unset: the cluster's"
                                    + " setting, or the job manager's memory in a local run.");

    public static final ConfigOption<StateBackend> STATE_BACKEND =
            ConfigOptions.key("state.backend")
                    .enumType(StateBackend.class)
                    .defaultValue(StateBackend.HASHMAP)
                    .withDescription(
                            "hashmap (heap) or rocksdb (large state, incremental checkpoints).");

    // ------------------------------------------------------------------ Watermarks and ingestion

    public static final ConfigOption<Duration> WATERMARK_OUT_OF_ORDERNESS =
            ConfigOptions.key("watermark.max-out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("How far behind the newest event time a record may arrive.");

    public static final ConfigOption<Duration> WATERMARK_IDLENESS =
            ConfigOptions.key("watermark.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A partition without records for this long stops holding back the"
                                    + " watermark.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("watermark.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "Records this far behind the watermark are still processed; later ones"
                                    + " are counted and written to the dead-letter topic as LATE_EVENT.");

    public static final ConfigOption<MemorySize> INGEST_MAX_RECORD_SIZE =
            ConfigOptions.key("ingest.max-record-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1mb"))
                    .withDescription("Larger input records are dead-lettered as TOO_LARGE.");

    public static final ConfigOption<MemorySize> INGEST_DEADLETTER_PAYLOAD_LIMIT =
            ConfigOptions.key("ingest.deadletter-payload-limit")
                    .memoryType()
                    .defaultValue(MemorySize.parse("64kb"))
                    .withDescription("Original bytes kept in a dead-letter record at most.");

    public static final ConfigOption<Duration> INGEST_MAX_FUTURE_SKEW =
            ConfigOptions.key("ingest.max-future-skew")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Records timestamped further ahead of the wall clock are dead-lettered"
                                    + " (TIMESTAMP_OUT_OF_RANGE). 0 disables the check.");

    public static final ConfigOption<Duration> INGEST_MAX_AGE =
            ConfigOptions.key("ingest.max-age")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Records older than this (by the wall clock) are dead-lettered"
                                    + " (TIMESTAMP_OUT_OF_RANGE). 0 disables the check, e.g. for replays.");

    public static final ConfigOption<String> INGEST_PLAIN_LOG_PATTERN =
            ConfigOptions.key("ingest.plain-log.pattern")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Regular expression with named groups (timestamp, level, service, host,"
                                    + " logger, thread, message) for plain-text log lines. Unset: the"
                                    + " built-in pattern (see docs/reference/input-formats.md).");

    public static final ConfigOption<String> INGEST_PLAIN_LOG_TIMESTAMP_FORMAT =
            ConfigOptions.key("ingest.plain-log.timestamp-format")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "java.time pattern of the timestamp group of plain lines. Unset: ISO-8601.");

    public static final ConfigOption<String> INGEST_DEFAULT_SERVICE =
            ConfigOptions.key("ingest.default-service")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Service name for log records that carry none. Unset: such records are"
                                    + " dead-lettered as MISSING_FIELD.");

    // ------------------------------------------------------------------ Detection

    public static final ConfigOption<Duration> ERROR_RATE_WINDOW =
            ConfigOptions.key("detect.error-rate.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "Size of the sliding event-time window of the error-rate detector.");

    public static final ConfigOption<Duration> ERROR_RATE_SLIDE =
            ConfigOptions.key("detect.error-rate.slide")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Slide of the error-rate window; the window must be a multiple of it.");

    public static final ConfigOption<Integer> ERROR_RATE_MIN_ERRORS =
            ConfigOptions.key("detect.error-rate.min-errors")
                    .intType()
                    .defaultValue(10)
                    .withDescription("A window needs at least this many errors to be a burst.");

    public static final ConfigOption<Double> ERROR_RATE_MIN_ZSCORE =
            ConfigOptions.key("detect.error-rate.min-z-score")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription(
                            "Standard deviations above the service's baseline error rate that make a"
                                    + " burst.");

    public static final ConfigOption<Integer> ERROR_RATE_WARMUP_WINDOWS =
            ConfigOptions.key("detect.error-rate.warmup-windows")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Windows a service needs before its baseline is trusted; until then only"
                                    + " error rates above detect.error-rate.cold-start-rate are bursts.");

    public static final ConfigOption<Double> ERROR_RATE_COLD_START_RATE =
            ConfigOptions.key("detect.error-rate.cold-start-rate")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "Error rate that counts as a burst before the baseline is warm.");

    public static final ConfigOption<Duration> ERROR_RATE_BASELINE_HALF_LIFE =
            ConfigOptions.key("detect.error-rate.baseline-half-life")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Half-life of the exponentially weighted baseline error rate.");

    public static final ConfigOption<Duration> ERROR_RATE_IDLE_TIMEOUT =
            ConfigOptions.key("detect.error-rate.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofHours(6))
                    .withDescription(
                            "State of a service without logs for this long (event time) is dropped.");

    public static final ConfigOption<Duration> PREDICTION_EXPIRY =
            ConfigOptions.key("predictions.expiry")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription(
                            "An open prediction without new signals for this long (event time) is"
                                    + " EXPIRED and its state dropped.");

    public static final ConfigOption<Integer> PREDICTION_MAX_EVIDENCE =
            ConfigOptions.key("predictions.max-evidence")
                    .intType()
                    .defaultValue(10)
                    .withDescription("Evidence items kept per prediction (the most recent).");

    // ------------------------------------------------------------------ CEP rules

    public static final ConfigOption<Boolean> RULES_LOAD_BUNDLED =
            ConfigOptions.key("rules.load-bundled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Activate the bundled rule files at start (rules.bundled-dir, or the"
                                    + " built-in library in the job jar). Updates published on"
                                    + " topics.rules with a higher version win over bundled ones.");

    public static final ConfigOption<String> RULES_BUNDLED_DIR =
            ConfigOptions.key("rules.bundled-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory of rule files (*.yaml) to bundle at start. Unset: the built-in"
                                    + " library (cep-rules/rules), packaged in the job jar.");

    public static final ConfigOption<Integer> RULES_MAX_ACTIVE =
            ConfigOptions.key("rules.max-active")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Active rules at most. A new rule beyond it is rejected (status topic,"
                                    + " log, metric ruleUpdatesRejected); new versions of active rules"
                                    + " are still accepted.");

    public static final ConfigOption<Integer> RULES_MAX_PARTIAL_MATCHES =
            ConfigOptions.key("rules.max-partial-matches")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Partial matches one rule may hold for one key. Beyond it the oldest are"
                                    + " dropped, counted (partialMatchesDropped), logged and reported"
                                    + " once per rule version as LIMIT_REACHED on the status topic.");

    // ------------------------------------------------------------------ Metrics

    public static final ConfigOption<Boolean> METRICS_ENABLED =
            ConfigOptions.key("metrics.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Model the metrics topic: per-series anomaly detection, per-entity"
                                    + " anomaly signals and capacity forecasts (docs/metrics.md).");

    public static final ConfigOption<Duration> METRICS_INTERVAL =
            ConfigOptions.key("metrics.interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Event-time interval the samples of a series are aggregated over; the"
                                    + " models see one point per series and interval.");

    public static final ConfigOption<Boolean> METRICS_INTERVAL_STAGGER =
            ConfigOptions.key("metrics.interval-stagger")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Offset each entity's intervals by a stable hash of the entity (whole"
                                    + " seconds within one interval), as Prometheus offsets scrapes,"
                                    + " so the fleet's intervals do not all end, and reach the"
                                    + " models, at the same moment; all series of one entity share"
                                    + " their interval ends. false aligns every interval to the"
                                    + " epoch.");

    public static final ConfigOption<Duration> METRICS_IDLE_TIMEOUT =
            ConfigOptions.key("metrics.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofHours(6))
                    .withDescription(
                            "A series (or entity) without samples for this long (event time) is"
                                    + " evicted: its model and state are dropped and it starts cold"
                                    + " if it comes back.");

    public static final ConfigOption<List<String>> METRICS_FAMILIES =
            ConfigOptions.key("metrics.families")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Metric families checked before the built-in ones, first match wins:"
                                    + " one line each, 'NAME key=value ...' with match (name"
                                    + " regex), kind, aggregate (mean, max, min, p99, rate, last,"
                                    + " skip), anomaly (high, low, both, off), anomaly-failure,"
                                    + " capacity (above:LIMIT, below:LIMIT or deadline),"
                                    + " capacity-failure and horizon. See docs/metrics.md.");

    public static final ConfigOption<Boolean> METRICS_BUILTIN_FAMILIES =
            ConfigOptions.key("metrics.builtin-families")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Use the built-in families (disk, memory, file descriptors, pools,"
                                    + " queues, certificates, latency, errors, counters, gauges)"
                                    + " after metrics.families.");

    public static final ConfigOption<Integer> METRICS_MAX_SERIES =
            ConfigOptions.key("metrics.max-series")
                    .intType()
                    .defaultValue(20_000)
                    .withDescription(
                            "Series models one parallel instance holds at most; samples of further"
                                    + " new series are counted (metricSeriesRejected) and not"
                                    + " modelled until others are evicted.");

    public static final ConfigOption<Integer> METRICS_MODEL_CACHE =
            ConfigOptions.key("metrics.model-cache")
                    .intType()
                    .defaultValue(1_000)
                    .withDescription(
                            "Series models one parallel instance keeps live on the heap; the"
                                    + " others wait as bytes in the state backend. A full cache"
                                    + " replaces only models without a point for two intervals;"
                                    + " other series are reloaded, updated and written back on each"
                                    + " point (metricModelBypasses). A live model takes about 0.75"
                                    + " MB of heap (see metrics.model-box-cache) and a reload about 10 ms, so size it to the"
                                    + " active series per instance (watch metricModelLoads).");

    public static final ConfigOption<Double> METRICS_MODEL_BOX_CACHE =
            ConfigOptions.key("metrics.model-box-cache")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription(
                            "Share of a new series model's Random Cut Forest bounding boxes kept"
                                    + " cached (0 to 1). Scores are the same whatever it is; it"
                                    + " trades heap for time: a model takes about 0.75 MB at 1, 0.45"
                                    + " MB at 0.5 and 0.3 MB at 0.25, while the forest's time per"
                                    + " point grows about 1.6 and 2 times. For fleets whose live"
                                    + " models would not fit the heap otherwise.");

    public static final ConfigOption<Map<String, String>> METRICS_DETECTOR =
            ConfigOptions.key("metrics.anomaly.detector")
                    .mapType()
                    .noDefaultValue()
                    .withDescription(
                            "Overrides of the anomaly detector's settings by name, e.g."
                                    + " 'warmupPoints:300,suppressionPoints:120' (DetectorConfig;"
                                    + " the defaults are the settings evaluated on NAB).");

    public static final ConfigOption<Duration> METRICS_ANOMALY_UPDATE_INTERVAL =
            ConfigOptions.key("metrics.anomaly.update-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "While an entity stays anomalous its signal is repeated at most this"
                                    + " often (sooner when its grade rises or another series leads).");

    public static final ConfigOption<Integer> METRICS_ANOMALY_QUIET_INTERVALS =
            ConfigOptions.key("metrics.anomaly.quiet-intervals")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Consecutive intervals without an anomalous series that end an entity's"
                                    + " anomaly episode (and resolve its prediction).");

    public static final ConfigOption<Double> METRICS_ANOMALY_PREDICTION_CONFIDENCE =
            ConfigOptions.key("metrics.anomaly.prediction-confidence")
                    .doubleType()
                    .defaultValue(0.9)
                    .withDescription(
                            "Anomalies of families with an anomaly-failure become predictions only"
                                    + " from this confidence of the entity's models; below it they"
                                    + " stay signals.");

    public static final ConfigOption<Double> METRICS_ANOMALY_PREDICTION_GRADE =
            ConfigOptions.key("metrics.anomaly.prediction-grade")
                    .doubleType()
                    .defaultValue(0.9)
                    .withDescription(
                            "Grade a series of a family with an anomaly-failure must reach for the"
                                    + " anomaly to become a prediction (0.5 is the detection"
                                    + " threshold; the detector's false alarms on noise stay below"
                                    + " 0.9). Weaker anomalies stay signals.");

    public static final ConfigOption<Integer> METRICS_ANOMALY_PREDICTION_PERSISTENCE =
            ConfigOptions.key("metrics.anomaly.prediction-persistence")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Consecutive anomalous intervals of a series of a family with an"
                                    + " anomaly-failure after which the anomaly becomes a prediction"
                                    + " even below metrics.anomaly.prediction-grade (a sustained"
                                    + " shift rather than a blip).");

    public static final ConfigOption<Duration> METRICS_FORECAST_BUCKET =
            ConfigOptions.key("metrics.forecast.bucket")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "Resolution of the capacity forecasts: intervals are averaged into"
                                    + " buckets of this length, and each closed bucket refits the"
                                    + " forecast.");

    public static final ConfigOption<Duration> METRICS_FORECAST_HISTORY =
            ConfigOptions.key("metrics.forecast.history")
                    .durationType()
                    .defaultValue(Duration.ofDays(3))
                    .withDescription(
                            "History the trend and daily season of a forecast are fitted on.");

    public static final ConfigOption<Duration> METRICS_FORECAST_SEASON =
            ConfigOptions.key("metrics.forecast.season")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription("Length of the seasonal cycle of capacity series.");

    public static final ConfigOption<Integer> METRICS_FORECAST_HARMONICS =
            ConfigOptions.key("metrics.forecast.harmonics")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Fourier harmonics of the seasonal cycle (0: no seasonality); used once"
                                    + " a full cycle of history is known.");

    public static final ConfigOption<Duration> METRICS_FORECAST_HORIZON =
            ConfigOptions.key("metrics.forecast.horizon")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "How far ahead threshold crossings are forecast (a family's horizon"
                                    + " setting overrides it).");

    public static final ConfigOption<Duration> METRICS_FORECAST_MIN_HISTORY =
            ConfigOptions.key("metrics.forecast.min-history")
                    .durationType()
                    .defaultValue(Duration.ofHours(2))
                    .withDescription("History a series needs before its first forecast.");

    public static final ConfigOption<Double> METRICS_FORECAST_MIN_PROBABILITY =
            ConfigOptions.key("metrics.forecast.min-probability")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "Probability of a crossing within the horizon from which a forecast is"
                                    + " signalled.");

    public static final ConfigOption<Double> METRICS_FORECAST_MIN_CONFIDENCE =
            ConfigOptions.key("metrics.forecast.min-confidence")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "Confidence (share of a season of history) from which a forecast is"
                                    + " signalled; an already breached threshold is always"
                                    + " signalled.");

    public static final ConfigOption<Integer> METRICS_FORECAST_CLEAR_AFTER =
            ConfigOptions.key("metrics.forecast.clear-after")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Consecutive forecasts without a likely crossing that resolve a"
                                    + " signalled one.");

    public static final ConfigOption<Duration> METRICS_FORECAST_UPDATE_INTERVAL =
            ConfigOptions.key("metrics.forecast.update-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A signalled crossing is updated at most this often while it stays"
                                    + " likely; keep it below predictions.expiry.");

    // ------------------------------------------------------------------ Log templates

    /**
     * Prefix of the per-service masking overrides: {@code logs.masking.overrides.SERVICE.KEY} where
     * KEY is {@code disabled-rules}, {@code enabled-rules} or {@code extra-patterns}.
     */
    public static final String LOG_MASKING_OVERRIDES_PREFIX = "logs.masking.overrides.";

    /** The keys a per-service masking override may set, after the service name. */
    public static final List<String> LOG_MASKING_OVERRIDE_KEYS =
            List.of("disabled-rules", "enabled-rules", "extra-patterns");

    public static final ConfigOption<Integer> LOGS_MAX_TEMPLATES =
            ConfigOptions.key("logs.mining.max-templates")
                    .intType()
                    .defaultValue(5000)
                    .withDescription(
                            "Live templates per service at most; beyond it the least recently used"
                                    + " template is evicted.");

    public static final ConfigOption<MemorySize> LOGS_MAX_MEMORY =
            ConfigOptions.key("logs.mining.max-memory")
                    .memoryType()
                    .defaultValue(MemorySize.parse("8mb"))
                    .withDescription(
                            "Estimated heap of the live templates per service at most (about 1.1 KB"
                                    + " per template); beyond it the least recently used template is"
                                    + " evicted.");

    public static final ConfigOption<Integer> LOGS_MAX_ALIASES =
            ConfigOptions.key("logs.mining.max-aliases")
                    .intType()
                    .defaultValue(10000)
                    .withDescription(
                            "Old-to-new template id aliases remembered per service (oldest dropped"
                                    + " first).");

    public static final ConfigOption<Integer> LOGS_MAX_LIVE_SERVICES =
            ConfigOptions.key("logs.mining.max-live-services")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Services whose miners a parallel instance keeps ready on the heap; the"
                                    + " least recently active others wait in Flink state until their"
                                    + " next record.");

    public static final ConfigOption<List<String>> LOGS_MASKING_DISABLED_RULES =
            ConfigOptions.key("logs.masking.disabled-rules")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Masking rules switched off for every service: NUMBER, HEX, VERSION,"
                                    + " IDENTIFIER, IP, HOST, URL, PATH, EMAIL, UUID, MAC, TIMESTAMP,"
                                    + " SIZE, DURATION, QUOTED, BOOLEAN, KEY_VALUE (all on by default)."
                                    + " Per service: logs.masking.overrides.SERVICE.disabled-rules and"
                                    + " .enabled-rules.");

    public static final ConfigOption<List<String>> LOGS_MASKING_EXTRA_PATTERNS =
            ConfigOptions.key("logs.masking.extra-patterns")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Extra regular expressions; a token that matches one entirely is masked,"
                                    + " for every service. Per service:"
                                    + " logs.masking.overrides.SERVICE.extra-patterns.");

    public static final ConfigOption<Duration> LOGS_RATE_SLIDE =
            ConfigOptions.key("logs.rates.slide")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Interval of the per-template rates (log_template_rate samples) and of"
                                    + " the burst checks; template documents are upserted at most once"
                                    + " per interval.");

    public static final ConfigOption<Duration> LOGS_WARM_UP =
            ConfigOptions.key("logs.signals.warm-up")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "Event time a service's templates are learned before new, rare, bursting"
                                    + " templates and new transitions are signalled.");

    public static final ConfigOption<Double> LOGS_RARE_SHARE =
            ConfigOptions.key("logs.signals.rare-share")
                    .doubleType()
                    .defaultValue(0.001)
                    .withDescription(
                            "A template with a smaller share of its service's lines is rare; a line"
                                    + " of it is a rare-template signal when the template was first"
                                    + " seen at least logs.signals.rare-cooldown ago (younger ones"
                                    + " are new, not rare). 0 disables the signal.");

    public static final ConfigOption<Duration> LOGS_RARE_COOLDOWN =
            ConfigOptions.key("logs.signals.rare-cooldown")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription(
                            "At most one rare-template signal per template in this time, and only"
                                    + " for templates at least this old.");

    public static final ConfigOption<Integer> LOGS_BURST_MIN_LINES =
            ConfigOptions.key("logs.signals.burst-min-lines")
                    .intType()
                    .defaultValue(10)
                    .withDescription("A template needs this many lines in one interval to burst.");

    public static final ConfigOption<Double> LOGS_BURST_MIN_ZSCORE =
            ConfigOptions.key("logs.signals.burst-min-z-score")
                    .doubleType()
                    .defaultValue(4.0)
                    .withDescription(
                            "Standard deviations above the template's own baseline rate that make a"
                                    + " burst.");

    public static final ConfigOption<Duration> LOGS_BASELINE_HALF_LIFE =
            ConfigOptions.key("logs.signals.baseline-half-life")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "Half-life of each template's exponentially weighted baseline rate.");

    public static final ConfigOption<Double> LOGS_TRANSITION_MIN_EXPECTED =
            ConfigOptions.key("logs.signals.transition-min-expected")
                    .doubleType()
                    .defaultValue(5.0)
                    .withDescription(
                            "A never-seen transition A → B on a host is signalled only when, were"
                                    + " templates independent, it would have been seen this many"
                                    + " times already (count(A) × count(B) / lines of the service).");

    public static final ConfigOption<Integer> LOGS_MAX_TRANSITIONS =
            ConfigOptions.key("logs.sequences.max-transitions")
                    .intType()
                    .defaultValue(20000)
                    .withDescription(
                            "Template transitions remembered per service; the least recently seen"
                                    + " half is dropped when full.");

    public static final ConfigOption<Integer> LOGS_MAX_HOSTS =
            ConfigOptions.key("logs.sequences.max-hosts")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Hosts per service whose last template is tracked for transitions (least"
                                    + " recently active dropped first).");

    public static final ConfigOption<Duration> LOGS_IDLE_TIMEOUT =
            ConfigOptions.key("logs.state.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "A service without logs for this long (event time) loses its templates,"
                                    + " baselines and transitions; it is learned again, warm-up"
                                    + " included.");

    /** Options whose values are secrets: never logged, masked when the configuration is printed. */
    public static final Set<ConfigOption<?>> SECRETS =
            Set.of(KAFKA_SASL_PASSWORD, KAFKA_SSL_TRUSTSTORE_PASSWORD, ES_API_KEY, ES_PASSWORD);

    /** Every option declared in this class, in declaration order. */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : ForewarnOptions.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableList(options);
    }

    /** Where sources start without a checkpoint. */
    public enum StartingOffsets {
        COMMITTED_OR_EARLIEST,
        EARLIEST,
        LATEST
    }

    /** State backend of the job. */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB
    }
}
