package io.forewarn.logs;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Adds the log template stage to a job: decoded log records in, enriched records and more out. */
public final class LogTemplateStage {

    /** Operator uid of the stage (its state is keyed by service). */
    public static final String UID = "log-templates";

    private LogTemplateStage() {}

    /**
     * The stage's outputs.
     *
     * @param records every input record, enriched with template id, template, parameters and level,
     *     emitted as it arrives by the subtask that owns its service: partitioned as {@code
     *     keyBy(LogRecord::getService)} would, so a stage keyed by service may reinterpret it as
     *     keyed and be chained here
     * @param signals new, rare and bursting templates, new transitions ({@link LogSignals})
     * @param rates {@value TemplateRates#METRIC} series for the metric models ({@link
     *     TemplateRates})
     * @param templates template documents for the template index
     */
    public record Result(
            DataStream<LogRecord> records,
            DataStream<Signal> signals,
            DataStream<MetricSample> rates,
            DataStream<TemplateUpdate> templates) {}

    /** Mines {@code logs}, keyed by service. */
    public static Result apply(DataStream<LogRecord> logs, LogMiningSettings settings) {
        SingleOutputStreamOperator<LogRecord> mined =
                logs.keyBy(LogRecord::getService, Types.STRING)
                        .transform(
                                "Log templates per service",
                                new AvroStreamType<>(LogRecord.class),
                                new LogTemplateOperator(settings))
                        .uid(UID);
        return new Result(
                mined,
                mined.getSideOutput(LogDescriptors.SIGNALS),
                mined.getSideOutput(LogDescriptors.TEMPLATE_RATES),
                mined.getSideOutput(LogDescriptors.TEMPLATE_UPDATES));
    }
}
