package io.forewarn.logs;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/**
 * State descriptors and side outputs of the log template stage, shared by its operator and tests.
 */
public final class LogDescriptors {

    private LogDescriptors() {}

    /**
     * Per service: its {@link ServiceLogModel} in the versioned binary form of {@link
     * ServiceLogModelCodec}, written on checkpoints (and when the model leaves the heap).
     */
    public static final ValueStateDescriptor<byte[]> SERVICE_MODEL =
            new ValueStateDescriptor<>(
                    "log-service-model", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /** New, rare and bursting templates and new transitions. */
    public static final OutputTag<Signal> SIGNALS =
            new OutputTag<>("log-template-signals", new AvroStreamType<>(Signal.class));

    /** {@value TemplateRates#METRIC} samples, one per template and interval. */
    public static final OutputTag<MetricSample> TEMPLATE_RATES =
            new OutputTag<>("log-template-rates", new AvroStreamType<>(MetricSample.class));

    /** Template documents for the template index. */
    public static final OutputTag<TemplateUpdate> TEMPLATE_UPDATES =
            new OutputTag<>("log-template-updates", TypeInformation.of(TemplateUpdate.class));
}
