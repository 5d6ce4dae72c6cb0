package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.config.ForewarnConfig;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Creates and configures the execution environment of the job from Forewarn's options. */
public final class JobEnvironment {

    private JobEnvironment() {}

    /**
     * The environment of the current context: a cluster when the jar was submitted with {@code
     * flink run} (or the REST API), otherwise a local mini cluster with the web UI.
     */
    public static StreamExecutionEnvironment create(ForewarnConfig config) {
        Configuration flink = config.flinkConfiguration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        if (env instanceof LocalStreamEnvironment) {
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        }
        configure(env, config);
        return env;
    }

    /**
     * Applies parallelism, latency settings, checkpointing, no Kryo and object reuse; used by
     * {@link #create} and by tests.
     */
    public static void configure(StreamExecutionEnvironment env, ForewarnConfig config) {
        config.getOptional(PARALLELISM).ifPresent(env::setParallelism);
        env.setBufferTimeout(config.get(BUFFER_TIMEOUT).toMillis());
        env.getConfig().setAutoWatermarkInterval(config.get(WATERMARK_INTERVAL).toMillis());
        env.enableCheckpointing(
                config.get(CHECKPOINT_INTERVAL).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointTimeout(config.get(CHECKPOINT_TIMEOUT).toMillis());
        Configuration pipeline = new Configuration();
        pipeline.set(PipelineOptions.GENERIC_TYPES, false);
        pipeline.set(
                PipelineOptions.OBJECT_REUSE,
                config.flinkConfiguration().get(PipelineOptions.OBJECT_REUSE));
        env.configure(pipeline);
    }
}
