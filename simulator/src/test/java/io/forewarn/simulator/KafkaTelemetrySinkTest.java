package io.forewarn.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaTelemetrySinkTest {

    @Test
    void countsTheRecordsItCouldNotWrite() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + closedPort);
        props.put("max.block.ms", "200");
        Map<Topic, String> topics = new EnumMap<>(Topic.class);
        topics.put(Topic.LOGS, "logs");

        KafkaTelemetrySink sink = new KafkaTelemetrySink(props, topics);
        for (int i = 0; i < 3; i++) {
            sink.send(
                    new TelemetryEvent(
                            Topic.LOGS,
                            1_000L * i,
                            "checkout",
                            "x".getBytes(StandardCharsets.UTF_8)));
        }
        sink.close();

        assertThat(sink.failedRecords()).isEqualTo(3);
    }
}
