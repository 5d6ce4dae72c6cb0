package io.forewarn.detect;

import io.forewarn.schema.Signal;
import io.forewarn.schema.state.PredictionState;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/** State descriptors of the detection job, shared by the functions and their tests. */
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

    /** Signals of one entity and failure type waiting for the watermark, by event time. */
    public static final MapStateDescriptor<Long, List<Signal>> SIGNALS_WAITING =
            new MapStateDescriptor<>(
                    "signals-waiting",
                    LongSerializer.INSTANCE,
                    new ListSerializer<>(new AvroSerializer<>(Signal.class)));
}
