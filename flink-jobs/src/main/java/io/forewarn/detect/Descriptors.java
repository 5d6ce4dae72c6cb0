package io.forewarn.detect;

import io.forewarn.detect.metrics.EntityState;
import io.forewarn.detect.metrics.SeriesInfo;
import io.forewarn.metrics.IntervalAccumulator;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.rules.runtime.RuleRecordSerializer;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.PredictionState;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.cep.nfa.NFAState;
import org.apache.flink.cep.nfa.NFAStateSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/**
 * State descriptors and output tags of the detection job, shared by the functions and their tests.
 */
public final class Descriptors {

    private Descriptors() {}

    public static final ValueStateDescriptor<ErrorRateState> ERROR_RATE_STATE =
            new ValueStateDescriptor<>("error-rate", TypeInformation.of(ErrorRateState.class));

    /** Per service: slide number → the counts of that slide. */
    public static final MapStateDescriptor<Long, ErrorRateBucket> ERROR_RATE_BUCKETS =
            new MapStateDescriptor<>(
                    "error-rate-buckets", Types.LONG, TypeInformation.of(ErrorRateBucket.class));

    public static final ValueStateDescriptor<PredictionState> PREDICTION_STATE =
            new ValueStateDescriptor<>("prediction", new AvroTypeInfo<>(PredictionState.class));

    /** Per metric series: what it is and its counter and progress. */
    public static final ValueStateDescriptor<SeriesInfo> METRIC_SERIES =
            new ValueStateDescriptor<>("metric-series", TypeInformation.of(SeriesInfo.class));

    /** Per metric series: interval start → the samples of that open interval. */
    public static final MapStateDescriptor<Long, IntervalAccumulator> METRIC_INTERVALS =
            new MapStateDescriptor<>(
                    "metric-intervals", Types.LONG, TypeInformation.of(IntervalAccumulator.class));

    /**
     * Per metric series: its models as bytes ({@link io.forewarn.detect.metrics.ModelState}),
     * written on checkpoints, not per record.
     */
    public static final ValueStateDescriptor<byte[]> METRIC_MODEL =
            new ValueStateDescriptor<>(
                    "metric-model", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /** Per entity: its anomaly episode and liveness. */
    public static final ValueStateDescriptor<EntityState> METRIC_ENTITY =
            new ValueStateDescriptor<>("metric-entity", TypeInformation.of(EntityState.class));

    /** Per entity: verdicts of its series waiting for their interval to complete. */
    public static final MapStateDescriptor<String, SeriesVerdict> METRIC_ENTITY_VERDICTS =
            new MapStateDescriptor<>(
                    "metric-entity-verdicts",
                    Types.STRING,
                    TypeInformation.of(SeriesVerdict.class));

    /** Breach forecasts of the series models, beside their verdicts. */
    public static final OutputTag<Signal> METRIC_FORECASTS =
            new OutputTag<>("metric-forecasts", new AvroStreamType<>(Signal.class));

    /** Signals of one entity and failure type waiting for the watermark, by event time. */
    public static final MapStateDescriptor<Long, List<Signal>> SIGNALS_WAITING =
            new MapStateDescriptor<>(
                    "signals-waiting",
                    LongSerializer.INSTANCE,
                    new ListSerializer<>(new AvroSerializer<>(Signal.class)));

    /** Broadcast state of the rule operators: the latest accepted update of every rule id. */
    public static final MapStateDescriptor<String, RuleUpdate> RULE_UPDATES =
            new MapStateDescriptor<>(
                    "rule-updates",
                    StringSerializer.INSTANCE,
                    new AvroSerializer<>(RuleUpdate.class));

    /**
     * Records of a key waiting for the watermark, shared by all rules of the key: the state
     * namespace is the start of a second of event time, and the value the records of that second,
     * each with its time and Avro encoding ({@link io.forewarn.rules.runtime.PendingSegments}). A
     * buffered record is bytes, not an object graph; a checkpoint copies bytes instead of encoding
     * every waiting record again, with one entry per key and second; and after a checkpoint, the
     * heap backend's copy-on-write copies only the seconds a record touches.
     */
    public static final ValueStateDescriptor<byte[]> RULE_PENDING_SEGMENTS =
            new ValueStateDescriptor<>(
                    "rule-pending-segments", BytePrimitiveArraySerializer.INSTANCE);

    /**
     * The index of a key's {@link #RULE_PENDING_SEGMENTS}: its earliest waiting time (where its one
     * timer is), then the start times of its segments, ascending.
     */
    public static final ValueStateDescriptor<long[]> RULE_PENDING_SEGMENT_INDEX =
            new ValueStateDescriptor<>(
                    "rule-pending-segment-index", LongPrimitiveArraySerializer.INSTANCE);

    /**
     * The pending-record buffer as checkpoints before {@link #RULE_PENDING_SEGMENTS} wrote it: the
     * state namespace is the records' event time, and the value their Avro encodings one after
     * another ({@link io.forewarn.rules.runtime.EncodedRecords}); with {@link #RULE_PENDING_TIMES}
     * as its index. Read (and emptied) after a restore from such a checkpoint, never written.
     */
    public static final ValueStateDescriptor<byte[]> RULE_PENDING_ENCODED =
            new ValueStateDescriptor<>(
                    "rule-pending-encoded", BytePrimitiveArraySerializer.INSTANCE);

    /**
     * The pending-record buffer as state written before {@link #RULE_PENDING_ENCODED} kept it: read
     * (and emptied) after a restore from such a checkpoint, never written.
     */
    public static final MapStateDescriptor<Long, List<RuleRecord>> RULE_PENDING_RECORDS =
            new MapStateDescriptor<>(
                    "rule-pending-records",
                    LongSerializer.INSTANCE,
                    new ListSerializer<>(new RuleRecordSerializer()));

    /**
     * The distinct event times of a key's waiting records in {@link #RULE_PENDING_ENCODED} or
     * {@link #RULE_PENDING_RECORDS}, ascending. Read (and emptied) after a restore from a
     * checkpoint with those, never written otherwise.
     */
    public static final ValueStateDescriptor<long[]> RULE_PENDING_TIMES =
            new ValueStateDescriptor<>("rule-pending-times", LongPrimitiveArraySerializer.INSTANCE);

    /**
     * Flink CEP's NFA state of one rule version for a key; the state namespace is the rule version
     * ({@code id@version}), as for the rule's shared buffer.
     */
    public static final ValueStateDescriptor<NFAState> RULE_NFA_STATE =
            new ValueStateDescriptor<>("rule-nfa", new NFAStateSerializer());

    /**
     * The records a counting rule ({@link io.forewarn.rules.runtime.CountingMatcher}: one step
     * repeated a fixed number of times) holds for a key instead of Flink CEP's NFA state and shared
     * buffer, each with its time and Avro encoding; the state namespace is the rule version ({@code
     * id@version}).
     */
    public static final ValueStateDescriptor<byte[]> RULE_COUNT_WINDOW =
            new ValueStateDescriptor<>("rule-count-window", BytePrimitiveArraySerializer.INSTANCE);

    /** Rule activations, rejections, removals and limit hits, for the status topic. */
    public static final OutputTag<ControlStatus> RULE_STATUS =
            new OutputTag<>("rule-status", new AvroStreamType<>(ControlStatus.class));
}
