package io.forewarn.eval;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.config.ForewarnOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.ConfigOption;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of one evaluation run: every {@code topics.*} option mapped to {@code PREFIX.name},
 * created with unlimited retention (the simulated timeline may lie days in the past, and brokers
 * delete records by their timestamps) and deleted afterwards.
 */
final class EvaluationTopics {

    private final String prefix;

    EvaluationTopics(String prefix) {
        this.prefix = prefix;
    }

    /** Option key to topic name, e.g. topics.logs to PREFIX.logs. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ConfigOption<?> option : ForewarnOptions.all()) {
            if (option.key().startsWith("topics.")) {
                names.put(option.key(), prefix + "." + option.key().substring("topics.".length()));
            }
        }
        return names;
    }

    void create(ForewarnConfig config, int partitions) throws Exception {
        try (Admin admin = admin(config)) {
            List<NewTopic> topics =
                    names().values().stream()
                            .map(
                                    name ->
                                            new NewTopic(name, partitions, (short) 1)
                                                    .configs(Map.of("retention.ms", "-1")))
                            .toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            awaitGroupCoordinator(admin, config.get(ForewarnOptions.KAFKA_GROUP_ID));
        }
    }

    /**
     * A fresh broker creates its offsets topic on the first group request; until then offset
     * commits fail (and the job logs each failure). Ask once and wait for the answer.
     */
    private static void awaitGroupCoordinator(Admin admin, String group) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    void delete(ForewarnConfig config)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = admin(config)) {
            admin.deleteTopics(names().values()).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(ForewarnConfig config) {
        Properties props = config.kafkaProperties();
        props.put("request.timeout.ms", "20000");
        return Admin.create(props);
    }
}
