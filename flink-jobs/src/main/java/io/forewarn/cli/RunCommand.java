package io.forewarn.cli;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import io.forewarn.detect.DetectJob;
import io.forewarn.detect.ElasticsearchOutputs;
import io.forewarn.detect.JobEnvironment;
import io.forewarn.detect.KafkaEndpoints;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code forewarn run}: the detection job against existing Kafka and Elasticsearch. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the forewarn-detect job against existing Kafka and Elasticsearch.",
            "Locally this starts a Flink mini cluster with the web UI (flink.rest.port, default 8081);"
                    + " submitted with `flink run` it runs on that cluster."
        })
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin ConfigOptionsMixin options;

    @Override
    public Integer call() throws Exception {
        ForewarnConfig config = options.load();
        LOG.info("Starting {} with configuration:\n{}", DetectJob.NAME, config.describe());
        if (config.get(ForewarnOptions.ES_ENABLED)
                && config.get(ForewarnOptions.ES_INSTALL_TEMPLATES)) {
            LOG.info(
                    "Index templates installed: {}", ElasticsearchOutputs.installTemplates(config));
        }
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        new DetectJob(config, new KafkaEndpoints(config)).build(env);
        env.execute(DetectJob.NAME);
        return 0;
    }
}
