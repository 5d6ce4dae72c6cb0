package io.forewarn.detect.metrics;

import io.forewarn.detect.Descriptors;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The metrics part of the detection job:
 *
 * <pre>
 * metric samples ─keyBy series─► interval aggregates ─keyBy series─► series models ─┬─► breach forecasts
 *                                 (MetricAggregator)                 (SeriesModelOperator)
 *                                                                    verdicts ─keyBy entity─► entity anomalies
 *                                                                                  (EntityAnomalyFunction)
 * </pre>
 *
 * The result is the union of anomaly and forecast signals; those naming a failure type feed the
 * prediction stage, all of them the rules.
 */
public final class MetricsStage {

    private MetricsStage() {}

    /** Adds the stage to the topology; returns its signals. */
    public static DataStream<Signal> apply(
            DataStream<MetricSample> samples, MetricSettings settings) {
        SingleOutputStreamOperator<SeriesPoint> points =
                samples.keyBy(SeriesKeys::series, Types.STRING)
                        .process(new MetricAggregator(settings))
                        .uid("metric-intervals")
                        .name("Metric intervals per series");
        SingleOutputStreamOperator<SeriesVerdict> verdicts =
                points.keyBy(new PointSeries(), Types.STRING)
                        .transform(
                                "Metric models per series",
                                TypeInformation.of(SeriesVerdict.class),
                                new SeriesModelOperator(settings))
                        .uid("metric-models");
        DataStream<Signal> anomalies =
                verdicts.keyBy(new VerdictEntity(), Types.STRING)
                        .process(new EntityAnomalyFunction(settings))
                        .uid("metric-entities")
                        .name("Metric anomalies per entity");
        return anomalies.union(verdicts.getSideOutput(Descriptors.METRIC_FORECASTS));
    }

    /** Key of a point: its series. */
    static final class PointSeries implements KeySelector<SeriesPoint, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SeriesPoint point) {
            return point.series;
        }
    }

    /** Key of a verdict: its entity. */
    static final class VerdictEntity implements KeySelector<SeriesVerdict, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SeriesVerdict verdict) {
            return SeriesKeys.entity(verdict.service, verdict.host);
        }
    }
}
