package io.forewarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.RuleOp;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.testutils.KafkaTestCluster;
import io.forewarn.testutils.RuleFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code forewarn rules publish} writes one RuleUpdate per rule file to a real rules topic. */
class RulesPublishITCase {

    @TempDir Path dir;

    private final KafkaTestCluster kafka = KafkaTestCluster.get();
    private String topic;

    @BeforeEach
    void createTopic() {
        topic = kafka.createTopics(1, "it-rules").get(0);
    }

    @AfterEach
    void deleteTopic() {
        kafka.deleteTopics(List.of(topic));
    }

    @Test
    void publishesTestedRulesKeyedByRuleId() throws Exception {
        String content =
                RuleFiles.aThenB("published", 4)
                        + """
                          tests:
                            - name: a then b
                              input: |
                                0s metric a 1
                                1m metric b 1
                              expect:
                                - at: 1m
                                  evidence: [a@0s, b@1m]
                          """;
        Files.writeString(dir.resolve("published.yaml"), content);
        StringWriter out = new StringWriter();
        int exit =
                new CommandLine(new ForewarnCli())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(out, true))
                        .setExecutionExceptionHandler(new ErrorHandler())
                        .execute(
                                "rules",
                                "publish",
                                dir.toString(),
                                "--publisher",
                                "alice",
                                "-Dkafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "-Dtopics.rules=" + topic);

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("PASS published / a then b", "published published v4 to " + topic);
        List<RuleUpdate> updates = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("published");
            updates.add(RuleUpdate.getDecoder().decode(r.value()));
        }
        assertThat(updates)
                .singleElement()
                .satisfies(
                        u -> {
                            assertThat(u.getOp()).isEqualTo(RuleOp.UPSERT);
                            assertThat(u.getVersion()).isEqualTo(4);
                            assertThat(u.getContent()).isEqualTo(content);
                            assertThat(u.getSourceFile()).isEqualTo("published.yaml");
                            assertThat(u.getPublishedBy()).isEqualTo("alice");
                            assertThat(u.getSha256()).hasSize(64);
                        });
    }
}
