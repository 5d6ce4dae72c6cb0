package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.config.ForewarnConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The shape of the job graph {@code forewarn run} submits (built, not run). */
class DetectJobTopologyTest {

    @Test
    void theErrorRateDetectorIsChainedToTheLogTemplateStageInsteadOfShufflingEveryLogAgain() {
        ForewarnConfig config =
                ForewarnConfig.of(
                        Map.of(
                                "kafka.bootstrap-servers", "127.0.0.1:1",
                                "elasticsearch.enabled", "false",
                                "job.parallelism", "2"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, config);
        new DetectJob(config, new KafkaEndpoints(config)).build(env);

        List<String> vertices =
                StreamSupport.stream(
                                env.getStreamGraph().getJobGraph().getVertices().spliterator(),
                                false)
                        .map(JobVertex::getName)
                        .toList();
        assertThat(vertices)
                .filteredOn(name -> name.contains("Log templates per service"))
                .singleElement()
                .asString()
                .contains("Error-rate bursts per service");
        assertThat(vertices).noneMatch(name -> name.startsWith("Error-rate bursts per service"));
    }
}
