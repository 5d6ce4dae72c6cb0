package io.forewarn.ingest;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** Opens a deserializer outside Flink, with the metric group of a {@code MetricListener}. */
final class TestingInitializationContext implements DeserializationSchema.InitializationContext {

    private final MetricGroup metricGroup;

    TestingInitializationContext(MetricGroup metricGroup) {
        this.metricGroup = metricGroup;
    }

    @Override
    public MetricGroup getMetricGroup() {
        return metricGroup;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
}
