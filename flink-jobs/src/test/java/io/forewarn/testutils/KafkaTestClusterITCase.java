package io.forewarn.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared broker accepts topics and serves back what was written. */
class KafkaTestClusterITCase {

    @Test
    void producesAndReadsBack() {
        KafkaTestCluster kafka = KafkaTestCluster.get();
        String topic = kafka.createTopics(2, "smoke").get(0);
        kafka.produceRoundRobin(
                topic,
                2,
                List.of(
                        "a".getBytes(StandardCharsets.UTF_8),
                        "b".getBytes(StandardCharsets.UTF_8)));
        assertThat(kafka.readAll(topic))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("a", "b");
        kafka.deleteTopics(List.of(topic));
    }
}
