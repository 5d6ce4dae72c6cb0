package io.forewarn.rules.runtime;

import static io.forewarn.config.ForewarnOptions.KAFKA_GROUP_ID;
import static io.forewarn.config.ForewarnOptions.RULES_BUNDLED_DIR;
import static io.forewarn.config.ForewarnOptions.RULES_LOAD_BUNDLED;
import static io.forewarn.config.ForewarnOptions.TOPIC_RULES;
import static io.forewarn.config.ForewarnOptions.TOPIC_STATUS;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.Descriptors;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.sink.kafka.AvroRecordSerializer;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The dynamic CEP rules stage of a job:
 *
 * <pre>
 * records (logs, metrics, deployments, dependency status, signals) ─► RuleRouter ─► keyBy(key) ─► RuleOperator ─► Signals
 *                                         rule updates (broadcast) ──┴──────────────────────────────┘    └─► ControlStatus (side output)
 * </pre>
 *
 * Records must carry event-time timestamps and watermarks; the control stream needs neither.
 */
public final class RulesStage {

    public static final String ROUTER_UID = "rules-router";
    public static final String OPERATOR_UID = "rules-cep";
    public static final String SOURCE_UID = "rules-source";
    public static final String STATUS_SINK_UID = "rules-status-sink";

    private RulesStage() {}

    /**
     * What the stage produces.
     *
     * @param signals one Signal per rule match, timestamped with the match's event time
     * @param statuses rule activations, rejections, removals and limit hits
     */
    public record Result(SingleOutputStreamOperator<Signal> signals, DataStream<ControlStatus> statuses) {}

    /** Adds the router and the rule operator; their uids and names are stable. */
    public static Result apply(
            DataStream<RuleRecord> records, DataStream<RuleUpdate> updates, RuleSettings settings, List<RuleUpdate> bundled) {
        DataStream<RuleUpdate> control = updates.broadcast();
        SingleOutputStreamOperator<RuleRecord> routed = records
                .connect(control)
                .transform("Route records to CEP rules", new AvroTypeInfo<>(RuleRecord.class),
                        new RuleRouter(settings, bundled))
                .uid(ROUTER_UID)
                .name("Route records to CEP rules");
        SingleOutputStreamOperator<Signal> signals = routed
                .keyBy(RuleRecord::getKey, Types.STRING)
                .connect(control)
                .transform("Dynamic CEP rules", new AvroTypeInfo<>(Signal.class),
                        new RuleOperator<>(settings, bundled, new SignalMatchHandler()))
                .uid(OPERATOR_UID)
                .name("Dynamic CEP rules");
        return new Result(signals, signals.getSideOutput(Descriptors.RULE_STATUS));
    }

    /** The union of the given record streams as rule records; null streams are left out. */
    @SafeVarargs
    public static DataStream<RuleRecord> records(DataStream<?>... streams) {
        DataStream<RuleRecord> out = null;
        for (DataStream<?> s : streams) {
            if (s == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            DataStream<Object> any = (DataStream<Object>) s;
            DataStream<RuleRecord> wrapped = any.map(new RuleRecords())
                    .returns(new AvroTypeInfo<>(RuleRecord.class))
                    .name(s.getTransformation().getName() + " as rule records");
            out = out == null ? wrapped : out.union(wrapped);
        }
        return out;
    }

    /** The bundled rules the configuration asks for: a directory, the built-in library, or none. */
    public static List<RuleUpdate> bundled(ForewarnConfig config) throws IOException {
        if (!config.get(RULES_LOAD_BUNDLED)) {
            return List.of();
        }
        var dir = config.getOptional(RULES_BUNDLED_DIR);
        return dir.isPresent() ? BundledRules.fromDirectory(Path.of(dir.get())) : BundledRules.builtIn();
    }

    /**
     * The rules topic as a stream of updates, read from its beginning on a fresh start (versions make
     * replays harmless), one reader.
     */
    public static DataStream<RuleUpdate> updatesFromKafka(StreamExecutionEnvironment env, ForewarnConfig config) {
        KafkaSource<RuleUpdate> source = KafkaSource.<RuleUpdate>builder()
                .setProperties(config.kafkaProperties())
                .setTopics(config.get(TOPIC_RULES))
                .setGroupId(config.get(KAFKA_GROUP_ID) + "-rules")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RuleUpdateDeserializer())
                .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Rule updates")
                .setParallelism(1)
                .uid(SOURCE_UID);
    }

    /** Writes statuses to the status topic (at least once: they must not wait for a checkpoint). */
    public static void statusesToKafka(DataStream<ControlStatus> statuses, ForewarnConfig config) {
        KafkaSink<ControlStatus> sink = KafkaSink.<ControlStatus>builder()
                .setKafkaProducerConfig(config.kafkaProperties())
                .setRecordSerializer(new AvroRecordSerializer<>(
                        config.get(TOPIC_STATUS), ControlStatus.class, ControlStatus::getId, ControlStatus::getTimestamp))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        statuses.sinkTo(sink).uid(STATUS_SINK_UID).name("Rule status to Kafka");
    }
}
