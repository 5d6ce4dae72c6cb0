package io.forewarn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo's broker starts as a child process, serves topics and leaves nothing running. */
class LocalKafkaITCase {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void startsCreatesTopicsAndStops(@TempDir Path dir) throws Exception {
        ProcessHandle broker;
        try (LocalKafka kafka = LocalKafka.start(dir, 0)) {
            kafka.createTopics(List.of("demo.a", "demo.b"), 2);
            kafka.createTopics(List.of("demo.a"), 2); // existing topics are fine
            try (Admin admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains("demo.a", "demo.b");
            }
            broker = kafka.process();
            assertThat(broker.isAlive()).isTrue();
        }
        assertThat(broker.isAlive()).isFalse();
    }
}
