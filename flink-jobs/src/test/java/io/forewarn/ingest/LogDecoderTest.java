package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogDecoderTest {

    private final LogDecoder decoder = new LogDecoder(Samples.settings());

    private LogRecord decodeOne(LogDecoder decoder, byte[] payload) throws DecodeException {
        Decoded<LogRecord> decoded = decoder.decode(payload);
        assertThat(decoded.records()).hasSize(1);
        assertThat(decoded.valuesDropped()).isZero();
        return decoded.records().get(0);
    }

    private LogRecord decodeOne(byte[] payload) throws DecodeException {
        return decodeOne(decoder, payload);
    }

    @Test
    void ecsNestedFromFilebeat() throws Exception {
        LogRecord log = decodeOne(resource("ecs.json"));

        assertThat(log.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:30.123Z"));
        assertThat(log.getMessage())
                .isEqualTo(
                        "Payment authorization failed for order 8812: upstream timeout after 3000"
                                + " ms");
        assertThat(log.getService()).isEqualTo("checkout");
        assertThat(log.getHost()).isEqualTo("web-7");
        assertThat(log.getLevel()).isEqualTo(LogLevel.ERROR);
        assertThat(log.getLogger()).isEqualTo("com.example.checkout.PaymentClient");
        assertThat(log.getThread()).isEqualTo("pool-1-thread-3");
        assertThat(log.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(log.getEnvironment()).isEqualTo("production");
        assertThat(log.getAttributes())
                .containsOnly(
                        entry("@metadata.beat", "filebeat"),
                        entry("@metadata.type", "_doc"),
                        entry("@metadata.version", "8.19.0"),
                        entry("log.file.path", "/var/log/checkout/app.log"),
                        entry("log.offset", "48213"),
                        entry("service.version", "2.14.1"),
                        entry("host.hostname", "web-7.eu-west-1.internal"),
                        entry("host.os.family", "debian"),
                        entry("process.pid", "4711"),
                        entry("ecs.version", "8.11.0"),
                        entry("agent.type", "filebeat"),
                        entry("agent.version", "8.19.0"),
                        entry("tags", "[\"payments\",\"eu\"]"));
        assertThat(log.getTemplateId()).isNull();
        assertThat(log.getTemplateParams()).isEmpty();
    }

    @Test
    void ecsDottedKeysFromEcsLogging() throws Exception {
        LogRecord log = decodeOne(resource("ecs-dotted.json"));

        assertThat(log.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:31.456Z"));
        assertThat(log.getMessage()).isEqualTo("Connection pool 80% used (40/50)");
        assertThat(log.getService()).isEqualTo("inventory");
        assertThat(log.getHost()).isEqualTo("inv-2");
        assertThat(log.getLevel()).isEqualTo(LogLevel.WARN);
        assertThat(log.getLogger()).isEqualTo("com.example.inventory.Pool");
        assertThat(log.getThread()).isEqualTo("main");
        assertThat(log.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(log.getEnvironment()).isEqualTo("staging");
        assertThat(log.getAttributes())
                .containsOnly(
                        entry("ecs.version", "1.2.0"), entry("event.dataset", "inventory.log"));
    }

    @Test
    void vectorKubernetesLogs() throws Exception {
        LogRecord log = decodeOne(resource("vector.json"));

        assertThat(log.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:32Z"));
        assertThat(log.getMessage()).isEqualTo("Retrying request to pricing-service (attempt 2/3)");
        assertThat(log.getService()).isEqualTo("cart");
        assertThat(log.getHost()).isEqualTo("node-12");
        assertThat(log.getLevel()).isEqualTo(LogLevel.WARN);
        assertThat(log.getLogger()).isNull();
        assertThat(log.getThread()).isNull();
        assertThat(log.getTraceId()).isNull();
        assertThat(log.getEnvironment()).isNull();
        assertThat(log.getAttributes())
                .containsOnly(
                        entry("file", "/var/log/pods/shop_cart-7d9c4b5f6-x2x9q_0b1c/cart/0.log"),
                        entry("kubernetes.container_id", "containerd://2b7e"),
                        entry("kubernetes.container_image", "registry.example.com/cart:3.2.0"),
                        entry("kubernetes.container_name", "cart"),
                        entry("kubernetes.pod_ip", "10.42.3.17"),
                        entry("kubernetes.pod_labels.pod-template-hash", "7d9c4b5f6"),
                        entry("kubernetes.pod_name", "cart-7d9c4b5f6-x2x9q"),
                        entry("kubernetes.pod_namespace", "shop"),
                        entry("kubernetes.pod_node_name", "node-12"),
                        entry("source_type", "kubernetes_logs"),
                        entry("stream", "stdout"));
    }

    @Test
    void vectorFileSourceWithoutServiceTakesTheDefault() throws Exception {
        LogDecoder withDefault =
                new LogDecoder(Samples.settingsBuilder().defaultService("legacy-billing").build());
        LogRecord log =
                decodeOne(
                        withDefault,
                        utf8(
                                "{\"file\":\"/var/log/billing.log\",\"host\":\"bill-1\","
                                        + "\"message\":\"batch done\",\"source_type\":\"file\","
                                        + "\"timestamp\":\"2026-12-04T10:00:00Z\","
                                        + "\"severity\":\"Warn\"}"));

        assertThat(log.getService()).isEqualTo("legacy-billing");
        assertThat(log.getHost()).isEqualTo("bill-1");
        assertThat(log.getLevel()).isEqualTo(LogLevel.WARN);
        assertThat(log.getAttributes())
                .containsOnly(entry("file", "/var/log/billing.log"), entry("source_type", "file"));
    }

    @Test
    void fluentBitWithKubernetesMetadata() throws Exception {
        LogRecord log = decodeOne(resource("fluentbit.json"));

        assertThat(log.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:32.123Z"));
        assertThat(log.getMessage())
                .isEqualTo("redis: connection refused to redis-master:6379, retrying in 500ms");
        assertThat(log.getService()).isEqualTo("orders-api");
        assertThat(log.getHost()).isEqualTo("node-3");
        assertThat(log.getLevel()).isEqualTo(LogLevel.UNKNOWN);
        assertThat(log.getAttributes())
                .containsOnly(
                        entry("stream", "stderr"),
                        entry("kubernetes.pod_name", "orders-5f6b7c9d8-abcde"),
                        entry("kubernetes.namespace_name", "shop"),
                        entry("kubernetes.pod_id", "9c1e5a4e-7d0b-4c55-b1f3-4e2f0e6c1a77"),
                        entry("kubernetes.labels.app", "orders"),
                        entry("kubernetes.labels.pod-template-hash", "5f6b7c9d8"),
                        entry("kubernetes.container_name", "orders"),
                        entry("kubernetes.docker_id", "5d1c9c2e"),
                        entry("kubernetes.container_image", "registry.example.com/orders:1.4.2"));
    }

    @Test
    void fluentBitServiceFallsBackToAppLabelThenContainer() throws Exception {
        LogRecord byApp =
                decodeOne(
                        utf8(
                                "{\"date\":1796379332.5,\"log\":\"x\",\"kubernetes\":{\"labels\":"
                                        + "{\"app\":\"orders\"},\"container_name\":\"c\"}}"));
        LogRecord byContainer =
                decodeOne(
                        utf8(
                                "{\"date\":1796379332.5,\"log\":\"x\","
                                        + "\"kubernetes\":{\"container_name\":\"orders-c\"}}"));

        assertThat(byApp.getService()).isEqualTo("orders");
        assertThat(byApp.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:32.500Z"));
        assertThat(byContainer.getService()).isEqualTo("orders-c");
    }

    @Test
    void plainLinesWithTheDefaultPattern() throws Exception {
        LogDecoder withDefault =
                new LogDecoder(Samples.settingsBuilder().defaultService("ops").build());
        List<String> lines = Samples.text("plain-lines.txt").lines().toList();

        LogRecord first = decodeOne(withDefault, utf8(lines.get(0)));
        assertThat(first.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:30.123Z"));
        assertThat(first.getLevel()).isEqualTo(LogLevel.ERROR);
        assertThat(first.getService()).isEqualTo("checkout");
        assertThat(first.getThread()).isEqualTo("pool-1-thread-3");
        assertThat(first.getLogger()).isEqualTo("c.e.Foo");
        assertThat(first.getMessage()).isEqualTo("Payment failed for order 8812");
        assertThat(first.getHost()).isNull();
        assertThat(first.getAttributes()).isEmpty();

        LogRecord second = decodeOne(withDefault, utf8(lines.get(1) + "\n"));
        assertThat(second.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:31.456Z"));
        assertThat(second.getLevel()).isEqualTo(LogLevel.WARN);
        assertThat(second.getService()).isEqualTo("inventory");
        assertThat(second.getThread()).isNull();
        assertThat(second.getLogger()).isEqualTo("com.example.inventory.Pool");
        assertThat(second.getMessage()).isEqualTo("Connection pool 80% used");

        LogRecord third = decodeOne(withDefault, utf8(lines.get(2)));
        assertThat(third.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:32Z"));
        assertThat(third.getLevel()).isEqualTo(LogLevel.FATAL);
        assertThat(third.getService()).isEqualTo("ops");
        assertThat(third.getLogger()).isEqualTo("org.example.Main");
        assertThat(third.getMessage()).isEqualTo("Disk /data almost full (97%)");
    }

    @Test
    void plainLineWithStackTraceKeepsTheWholeMessage() throws Exception {
        LogRecord log = decodeOne(resource("plain-stacktrace.txt"));

        assertThat(log.getThread()).isEqualTo("http-nio-8080-exec-4");
        assertThat(log.getMessage())
                .isEqualTo(
                        "Unhandled exception\n"
                                + "java.lang.IllegalStateException: order 8812 has no payment\n"
                                + "\tat com.example.checkout.OrderService.complete(OrderService.java:88)\n"
                                + "\tat com.example.checkout.OrderController.post(OrderController.java:41)");
    }

    @Test
    void plainLinesWithAConfiguredPatternFormatAndZone() throws Exception {
        LogDecoder custom =
                new LogDecoder(
                        Samples.settingsBuilder()
                                .logLinePattern(
                                        "^(?<timestamp>\\S+ \\S+) (?<host>\\S+) (?<level>\\w+):"
                                                + " (?<message>.*)$")
                                .logTimestampFormat("dd/MM/yyyy HH:mm:ss")
                                .logTimestampZone(ZoneId.of("Europe/Berlin"))
                                .defaultService("legacy-billing")
                                .build());

        LogRecord log =
                decodeOne(custom, utf8("04/12/2026 11:15:30 bill-1 err: invoice run failed"));

        assertThat(log.getTimestamp()).isEqualTo(millis("2026-12-04T10:15:30Z"));
        assertThat(log.getHost()).isEqualTo("bill-1");
        assertThat(log.getLevel()).isEqualTo(LogLevel.ERROR);
        assertThat(log.getService()).isEqualTo("legacy-billing");
        assertThat(log.getMessage()).isEqualTo("invoice run failed");
        assertThatThrownBy(() -> custom.decode(utf8("2026-12-04 11:15:30 bill-1 err: x")))
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
                            assertThat(e.detail())
                                    .contains("'2026-12-04 11:15:30'", "dd/MM/yyyy HH:mm:ss");
                        });
    }

    @Test
    void epochTimestampsOfEveryUnit() throws Exception {
        long expected = millis("2026-12-04T10:15:30.123Z");
        for (String ts :
                List.of(
                        "1796379330.123",
                        "1796379330123",
                        "1796379330123000",
                        "\"1796379330123000000\"",
                        "\"2026-12-04T11:15:30.123+01:00\"")) {
            LogRecord log = decodeOne(utf8("{\"ts\":" + ts + ",\"msg\":\"m\",\"service\":\"s\"}"));
            assertThat(log.getTimestamp()).as(ts).isEqualTo(expected);
        }
    }

    @Test
    void unknownLevelStaysAsAnAttribute() throws Exception {
        LogRecord log =
                decodeOne(
                        utf8(
                                "{\"@timestamp\":\"2026-12-04T10:00:00Z\",\"message\":\"m\","
                                        + "\"service\":\"s\",\"level\":\"verbose\"}"));

        assertThat(log.getLevel()).isEqualTo(LogLevel.UNKNOWN);
        assertThat(log.getAttributes()).containsOnly(entry("level", "verbose"));
    }

    @Test
    void attributesAreBoundedInCountAndLength() throws Exception {
        LogDecoder bounded =
                new LogDecoder(
                        Samples.settingsBuilder()
                                .maxAttributes(5)
                                .maxAttributeValueChars(8)
                                .build());
        StringBuilder json =
                new StringBuilder(
                        "{\"@timestamp\":\"2026-12-04T10:00:00Z\",\"message\":\"m\","
                                + "\"service\":\"s\"");
        for (int i = 0; i < 20; i++) {
            json.append(",\"k").append(i).append("\":\"value-number-").append(i).append('"');
        }
        json.append('}');

        LogRecord log = decodeOne(bounded, utf8(json.toString()));

        assertThat(log.getAttributes())
                .containsExactly(
                        entry("k0", "value-nu"),
                        entry("k1", "value-nu"),
                        entry("k2", "value-nu"),
                        entry("k3", "value-nu"),
                        entry(FlatFields.DROPPED_ATTRIBUTES_KEY, "16"));
    }

    @Test
    void avroSingleObjectRoundTrip() throws Exception {
        LogRecord original =
                LogRecord.newBuilder()
                        .setTimestamp(millis("2026-12-04T10:00:00Z"))
                        .setService("checkout")
                        .setLevel(LogLevel.INFO)
                        .setMessage("hello")
                        .setAttributes(Map.of("k", "v"))
                        .build();
        ByteBuffer encoded = original.toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(decodeOne(bytes)).isEqualTo(original);
    }

    @Test
    void precisePerFieldFailures() {
        assertFailure(
                "{\"message\":\"m\",\"service\":\"s\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'timestamp' is missing: none of @timestamp, timestamp, time, date,"
                        + " ts");
        assertFailure(
                "{\"@timestamp\":\"2026-12-04T10:00:00Z\",\"service\":\"s\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'message' is missing: none of message, log, msg");
        assertFailure(
                "{\"@timestamp\":\"2026-12-04T10:00:00Z\",\"message\":\"m\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'service' is missing");
        assertFailure(
                "{\"@timestamp\":true,\"message\":\"m\",\"service\":\"s\"}",
                DeadLetterReason.WRONG_TYPE,
                "field '@timestamp' must be an ISO-8601 string or an epoch number, got the"
                        + " boolean true");
        assertFailure(
                "{\"@timestamp\":\"yesterday\",\"message\":\"m\",\"service\":\"s\"}",
                DeadLetterReason.WRONG_TYPE,
                "field '@timestamp' must be an ISO-8601 string or an epoch number, got the"
                        + " string 'yesterday'");
        assertFailure(
                "{\"@timestamp\":\"2026-12-04T10:00:00Z\",\"message\":{\"text\":\"m\"},"
                        + "\"service\":\"s\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'message' must be a message value, got an object");
        assertFailure(
                "{\"@timestamp\":\"2026-12-04T10:00:00Z\",\"message\":[\"a\"],\"service\":\"s\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'message' must be a string, got an array of 1");
        assertFailure(
                "hello world",
                DeadLetterReason.NOT_DECODABLE,
                "plain text line does not match the log line pattern: 'hello world'");
        assertFailure(
                "{\"@timestamp\":",
                DeadLetterReason.INVALID_JSON,
                "invalid JSON at line 1, column 15");
    }

    private void assertFailure(String payload, DeadLetterReason reason, String detail) {
        assertThatThrownBy(() -> decoder.decode(utf8(payload)))
                .as(payload)
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.detail()).startsWith(detail);
                        });
    }
}
