package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.cli.ForewarnCli;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.metrics.MetricSettings;
import io.forewarn.detect.metrics.MetricsStage;
import io.forewarn.ingest.IngestSplitter;
import io.forewarn.ingest.IngestTags;
import io.forewarn.ingest.IngestWatermarks;
import io.forewarn.logs.LogMiningSettings;
import io.forewarn.logs.LogTemplateStage;
import io.forewarn.rules.runtime.RuleSettings;
import io.forewarn.rules.runtime.RulesStage;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The {@code forewarn-detect} job: Kafka inputs decoded and validated, log records enriched with
 * their mined templates, detectors and dynamic CEP rules (over the records and the detectors'
 * signals, updated from the rules topic) producing signals, signals fused into ranked predictions,
 * everything written to Kafka and Elasticsearch (log templates to their index).
 *
 * <p>{@link #main} is the entry point of the job jar ({@code flink run
 * forewarn-flink-jobs-*-job.jar --config forewarn.yaml}); it runs {@code forewarn run} with the
 * same arguments.
 */
public final class DetectJob {

    public static final String NAME = "forewarn-detect";

    private final ForewarnConfig config;
    private final DetectEndpoints endpoints;
    private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();

    public DetectJob(ForewarnConfig config, DetectEndpoints endpoints) {
        this.config = config;
        this.endpoints = endpoints;
    }

    public static void main(String[] args) throws Exception {
        String[] run = new String[args.length + 1];
        run[0] = "run";
        System.arraycopy(args, 0, run, 1, args.length);
        int exit = ForewarnCli.execute(run);
        if (exit != 0) {
            throw new IllegalStateException("forewarn run failed with exit code " + exit);
        }
    }

    /** Adds the job's topology to the environment. */
    public void build(StreamExecutionEnvironment env) {
        LogTemplateStage.Result logTemplates =
                LogTemplateStage.apply(ingest(env, Input.LOGS), LogMiningSettings.from(config));
        DataStream<LogRecord> logs = logTemplates.records();
        // The metric stages read the metrics topic and the per-template log rates alike.
        DataStream<MetricSample> metrics =
                this.<MetricSample>ingest(env, Input.METRICS).union(logTemplates.rates());
        DataStream<DeploymentEvent> deployments = ingest(env, Input.DEPLOYMENTS);
        ingest(env, Input.VCS);
        DataStream<DependencyStatus> dependencies = ingest(env, Input.DEPENDENCIES);
        ingest(env, Input.INCIDENTS);

        // The template stage's records are its input records, keyed by service as the error-rate
        // detector wants them: it is chained to that stage instead of shuffling every log again.
        DataStream<Signal> errorBursts =
                DataStreamUtils.reinterpretAsKeyedStream(logs, LogRecord::getService, Types.STRING)
                        .process(new ErrorRateDetector(ErrorRateSettings.from(config)))
                        .uid("error-rate")
                        .name("Error-rate bursts per service")
                        .union(logTemplates.signals());
        DataStream<Signal> detected =
                config.get(METRICS_ENABLED)
                        ? errorBursts.union(
                                MetricsStage.apply(metrics, MetricSettings.from(config)))
                        : errorBursts;

        RulesStage.Result rules =
                RulesStage.apply(
                        RulesStage.records(logs, metrics, deployments, dependencies, detected),
                        env.fromSource(
                                        endpoints.ruleUpdates(),
                                        WatermarkStrategy.noWatermarks(),
                                        "Kafka: " + config.get(TOPIC_RULES))
                                .setParallelism(1)
                                .uid("source-rules"),
                        RuleSettings.from(config),
                        bundledRules());
        rules.statuses()
                .sinkTo(endpoints.controlStatus())
                .uid("status-kafka")
                .name("Rule status to Kafka");
        DataStream<Signal> signals = detected.union(rules.signals());

        DataStream<Signal> ordered =
                signals.filter(new PredictsFailure())
                        .name("Signals that predict a failure")
                        .keyBy(PredictionFunction::key, Types.STRING)
                        .process(new SignalsInEventTimeOrder())
                        .uid("signals-in-order")
                        .name("Signals in event-time order");
        DataStream<Prediction> predictions =
                DataStreamUtils.reinterpretAsKeyedStream(
                                ordered, PredictionFunction::key, Types.STRING)
                        .process(new PredictionFunction(PredictionSettings.from(config)))
                        .uid("predictions")
                        .name("Predictions per entity and failure type");

        signals.sinkTo(endpoints.signals()).uid("signals-kafka").name("Signals to Kafka");
        predictions
                .sinkTo(endpoints.predictions())
                .uid("predictions-kafka")
                .name("Predictions to Kafka");
        endpoints
                .signalDocuments()
                .ifPresent(
                        sink ->
                                signals.sinkTo(sink)
                                        .uid("signals-elasticsearch")
                                        .name("Signals to Elasticsearch"));
        endpoints
                .predictionDocuments()
                .ifPresent(
                        sink ->
                                predictions
                                        .sinkTo(sink)
                                        .uid("predictions-elasticsearch")
                                        .name("Predictions to Elasticsearch"));
        endpoints
                .templateDocuments()
                .ifPresent(
                        sink ->
                                logTemplates
                                        .templates()
                                        .sinkTo(sink)
                                        .uid("log-templates-elasticsearch")
                                        .name("Log templates to Elasticsearch"));

        DataStream<DeadLetter> allDeadLetters = deadLetters.get(0);
        for (DataStream<DeadLetter> more : deadLetters.subList(1, deadLetters.size())) {
            allDeadLetters = allDeadLetters.union(more);
        }
        allDeadLetters
                .sinkTo(endpoints.deadLetters())
                .uid("deadletter-kafka")
                .name("Dead letters to Kafka");
    }

    private List<RuleUpdate> bundledRules() {
        try {
            return RulesStage.bundled(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the bundled rules", e);
        }
    }

    /**
     * One input: Kafka source with per-partition watermarks, split into records and dead letters.
     */
    @SuppressWarnings("unchecked")
    private <T extends SpecificRecordBase> DataStream<T> ingest(
            StreamExecutionEnvironment env, Input input) {
        SingleOutputStreamOperator<T> records =
                env.fromSource(
                                endpoints.source(input),
                                IngestWatermarks.boundedOutOfOrderness(
                                        config.get(WATERMARK_OUT_OF_ORDERNESS),
                                        config.get(WATERMARK_IDLENESS)),
                                "Kafka: " + config.get(input.topicOption()))
                        .uid("source-" + input.id())
                        .process(
                                new IngestSplitter<>(
                                        (Class<T>) input.recordClass(),
                                        config.get(ALLOWED_LATENESS),
                                        (int)
                                                config.get(INGEST_DEADLETTER_PAYLOAD_LIMIT)
                                                        .getBytes()))
                        .uid("split-" + input.id())
                        .name("Split " + input.id());
        deadLetters.add(records.getSideOutput(IngestTags.DEAD_LETTERS));
        return records;
    }

    /** Only signals naming a failure type become predictions. */
    static final class PredictsFailure implements FilterFunction<Signal> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Signal signal) {
            return signal.getFailureType() != null;
        }
    }
}
