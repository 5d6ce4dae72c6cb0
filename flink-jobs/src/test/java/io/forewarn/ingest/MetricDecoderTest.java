package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MetricDecoderTest {

    private static final long T = millis("2026-12-04T10:15:30Z");

    private final MetricDecoder decoder = new MetricDecoder(Samples.settings());

    @Test
    void prometheusKafkaAdapter() throws Exception {
        Decoded<MetricSample> decoded = decoder.decode(resource("prometheus-kafka-adapter.json"));

        assertThat(decoded.valuesDropped()).isZero();
        assertThat(decoded.records()).hasSize(1);
        MetricSample sample = decoded.records().get(0);
        assertThat(sample.getTimestamp()).isEqualTo(T);
        assertThat(sample.getName()).isEqualTo("http_requests_total");
        assertThat(sample.getValue()).isEqualTo(1027.0);
        assertThat(sample.getLabels())
                .containsOnly(
                        entry("code", "500"),
                        entry("instance", "checkout-7:8080"),
                        entry("job", "checkout"),
                        entry("method", "post"));
        assertThat(sample.getService()).isEqualTo("checkout");
        assertThat(sample.getHost()).isEqualTo("checkout-7");
        assertThat(sample.getUnit()).isNull();
        assertThat(sample.getKind()).isEqualTo(MetricKind.COUNTER);
    }

    @Test
    void prometheusNameFromLabelsAndKinds() throws Exception {
        MetricSample bucket =
                decoder.decode(
                                utf8(
                                        "{\"timestamp\":\"2026-12-04T10:15:30Z\",\"value\":3,"
                                                + "\"labels\":{\"__name__\":\"rpc_seconds_bucket\","
                                                + "\"le\":\"0.5\",\"service\":\"cart\"}}"))
                        .records()
                        .get(0);
        MetricSample gauge =
                decoder.decode(
                                utf8(
                                        "{\"timestamp\":\"2026-12-04T10:15:30Z\",\"value\":\"-1.5e-3\","
                                                + "\"name\":\"temp\",\"labels\":{}}"))
                        .records()
                        .get(0);

        assertThat(bucket.getName()).isEqualTo("rpc_seconds_bucket");
        assertThat(bucket.getKind()).isEqualTo(MetricKind.HISTOGRAM);
        assertThat(bucket.getLabels()).containsOnly(entry("le", "0.5"), entry("service", "cart"));
        assertThat(bucket.getService()).isEqualTo("cart");
        assertThat(gauge.getValue()).isEqualTo(-0.0015);
        assertThat(gauge.getKind()).isEqualTo(MetricKind.UNKNOWN);
        assertThat(gauge.getService()).isNull();
        assertThat(gauge.getHost()).isNull();
    }

    @Test
    void prometheusNonFiniteValuesAreDroppedAndCounted() throws Exception {
        for (String value : List.of("NaN", "+Inf", "-Inf")) {
            Decoded<MetricSample> decoded =
                    decoder.decode(
                            utf8(
                                    "{\"timestamp\":\"2026-12-04T10:15:30Z\",\"value\":\""
                                            + value
                                            + "\",\"name\":\"up\",\"labels\":{}}"));
            assertThat(decoded.records()).as(value).isEmpty();
            assertThat(decoded.valuesDropped()).as(value).isEqualTo(1);
        }
    }

    @Test
    void telegrafOneSamplePerNumericField() throws Exception {
        Decoded<MetricSample> decoded = decoder.decode(resource("telegraf.json"));

        assertThat(decoded.valuesDropped()).isZero();
        assertThat(decoded.records())
                .extracting(
                        MetricSample::getName,
                        MetricSample::getValue,
                        MetricSample::getTimestamp,
                        MetricSample::getHost,
                        MetricSample::getService,
                        MetricSample::getKind)
                .containsExactly(
                        tuple("cpu_usage_guest", 0.0, T, "web-7", null, MetricKind.UNKNOWN),
                        tuple("cpu_usage_idle", 91.5, T, "web-7", null, MetricKind.UNKNOWN),
                        tuple("cpu_usage_iowait", 2.25, T, "web-7", null, MetricKind.UNKNOWN),
                        tuple("cpu_usage_system", 3.1, T, "web-7", null, MetricKind.UNKNOWN),
                        tuple("cpu_usage_user", 3.15, T, "web-7", null, MetricKind.UNKNOWN));
        assertThat(decoded.records())
                .allSatisfy(
                        s ->
                                assertThat(s.getLabels())
                                        .containsOnly(
                                                entry("cpu", "cpu-total"), entry("host", "web-7")));
    }

    @Test
    void telegrafBatchFormatDropsStringFields() throws Exception {
        Decoded<MetricSample> decoded = decoder.decode(resource("telegraf-batch.json"));

        assertThat(decoded.valuesDropped()).isEqualTo(1);
        assertThat(decoded.records())
                .extracting(MetricSample::getName, MetricSample::getValue, MetricSample::getService)
                .containsExactly(
                        tuple("system_load1", 0.73, null),
                        tuple("system_load5", 0.61, null),
                        tuple("system_n_cpus", 4.0, null),
                        tuple("http_response_content_length", 512.0, "checkout"),
                        tuple("http_response_http_response_code", 503.0, "checkout"),
                        tuple("http_response_response_time", 1.204, "checkout"),
                        tuple("http_response_result_code", 0.0, "checkout"));
        assertThat(decoded.records().get(3).getLabels())
                .containsOnly(
                        entry("host", "web-7"),
                        entry("method", "GET"),
                        entry("server", "http://checkout:8080/health"),
                        entry("service", "checkout"));
    }

    @Test
    void telegrafBooleansAndTimestampUnits() throws Exception {
        for (String ts : List.of("1796379330", "1796379330000", "1796379330000000000")) {
            List<MetricSample> samples =
                    decoder.decode(
                                    utf8(
                                            "{\"fields\":{\"up\":true,\"down\":false},\"name\":\"svc\","
                                                    + "\"tags\":{\"app\":\"cart\"},\"timestamp\":"
                                                    + ts
                                                    + "}"))
                            .records();
            assertThat(samples)
                    .as(ts)
                    .extracting(
                            MetricSample::getName,
                            MetricSample::getValue,
                            MetricSample::getTimestamp,
                            MetricSample::getService)
                    .containsExactly(
                            tuple("svc_up", 1.0, T, "cart"), tuple("svc_down", 0.0, T, "cart"));
        }
    }

    @Test
    void otlpGaugesSumsHistogramsAndSummaries() throws Exception {
        Decoded<MetricSample> decoded = decoder.decode(resource("otlp-metrics.json"));

        assertThat(decoded.valuesDropped()).isEqualTo(2);
        Map<String, String> resource =
                Map.of(
                        "service.name", "checkout",
                        "host.name", "web-7",
                        "deployment.environment", "production",
                        "process.pid", "4711");
        assertThat(decoded.records())
                .allSatisfy(
                        s -> {
                            assertThat(s.getTimestamp()).isEqualTo(T);
                            assertThat(s.getService()).isEqualTo("checkout");
                            assertThat(s.getHost()).isEqualTo("web-7");
                            assertThat(s.getLabels()).containsAllEntriesOf(resource);
                        });
        assertThat(decoded.records())
                .extracting(
                        MetricSample::getName,
                        MetricSample::getValue,
                        MetricSample::getKind,
                        MetricSample::getUnit,
                        s -> without(s.getLabels(), resource))
                .containsExactly(
                        tuple(
                                "jvm.memory.used",
                                52428800.0,
                                MetricKind.GAUGE,
                                "By",
                                Map.of(
                                        "jvm.memory.type", "heap",
                                        "jvm.memory.pool.name", "G1 Eden Space")),
                        tuple(
                                "http.server.request.count",
                                1027.0,
                                MetricKind.COUNTER,
                                "{request}",
                                Map.of("http.route", "/cart")),
                        tuple("db.client.connections.usage", 7.0, MetricKind.GAUGE, null, Map.of()),
                        histogram("_count", 12.0, Map.of()),
                        histogram("_sum", 3.75, Map.of()),
                        histogram("_min", 0.05, Map.of()),
                        histogram("_max", 1.2, Map.of()),
                        histogram("_bucket", 2.0, Map.of("le", "0.1")),
                        histogram("_bucket", 7.0, Map.of("le", "0.25")),
                        histogram("_bucket", 11.0, Map.of("le", "0.5")),
                        histogram("_bucket", 12.0, Map.of("le", "+Inf")),
                        summary("_count", 10.0, Map.of()),
                        summary("_sum", 12.5, Map.of()),
                        summary("", 1.1, Map.of("quantile", "0.5")),
                        summary("", 3.2, Map.of("quantile", "0.99")));
    }

    private static Tuple histogram(String suffix, double value, Map<String, String> extra) {
        Map<String, String> labels = new HashMap<>(extra);
        labels.put("http.route", "/cart");
        return tuple(
                "http.server.request.duration" + suffix, value, MetricKind.HISTOGRAM, "s", labels);
    }

    private static Tuple summary(String suffix, double value, Map<String, String> labels) {
        return tuple("rpc.server.latency" + suffix, value, MetricKind.SUMMARY, "ms", labels);
    }

    private static Map<String, String> without(
            Map<String, String> labels, Map<String, String> remove) {
        Map<String, String> rest = new HashMap<>(labels);
        remove.keySet().forEach(rest::remove);
        return rest;
    }

    @Test
    void otlpDeltaSumIsAGaugeAndIntegersMayBeNumbers() throws Exception {
        MetricSample sample =
                decoder.decode(
                                utf8(
                                        "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"req\","
                                                + "\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,"
                                                + "\"dataPoints\":[{\"timeUnixNano\":1796379330000000000,"
                                                + "\"asInt\":5,\"attributes\":[{\"key\":\"job\","
                                                + "\"value\":{\"stringValue\":\"api\"}},{\"key\":\"instance\","
                                                + "\"value\":{\"stringValue\":\"[::1]:9100\"}}]}]}}]}]}]}"))
                        .records()
                        .get(0);

        assertThat(sample.getKind()).isEqualTo(MetricKind.GAUGE);
        assertThat(sample.getValue()).isEqualTo(5.0);
        assertThat(sample.getTimestamp()).isEqualTo(T);
        assertThat(sample.getService()).isEqualTo("api");
        assertThat(sample.getHost()).isEqualTo("::1");
    }

    @Test
    void instanceWithoutPort() {
        assertThat(MetricSamples.withoutPort("h:9100")).isEqualTo("h");
        assertThat(MetricSamples.withoutPort("10.0.0.7:9100")).isEqualTo("10.0.0.7");
        assertThat(MetricSamples.withoutPort("[fe80::1]:9100")).isEqualTo("fe80::1");
        assertThat(MetricSamples.withoutPort("fe80::1")).isEqualTo("fe80::1");
        assertThat(MetricSamples.withoutPort("host")).isEqualTo("host");
    }

    @Test
    void avroSingleObjectRoundTrip() throws Exception {
        MetricSample original =
                MetricSample.newBuilder()
                        .setTimestamp(T)
                        .setName("up")
                        .setValue(1)
                        .setLabels(Map.of("job", "node"))
                        .setKind(MetricKind.GAUGE)
                        .build();
        ByteBuffer encoded = original.toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(decoder.decode(bytes).records()).containsExactly(original);
    }

    @Test
    void precisePerFieldFailures() {
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:15:30Z\",\"value\":\"abc\",\"name\":\"up\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'value' must be a number, got the string 'abc'");
        assertFailure(
                "{\"timestamp\":\"2026-12-04T10:15:30Z\",\"value\":\"1\",\"labels\":{}}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'name' (or 'labels.__name__') is missing");
        assertFailure(
                "{\"value\":\"1\",\"name\":\"up\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'timestamp' is missing");
        assertFailure(
                "{\"fields\":{\"a\":1},\"name\":\"cpu\",\"timestamp\":\"soon\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'timestamp' must be an ISO-8601 string or an epoch number, got the string"
                        + " 'soon'");
        assertFailure(
                "{\"fields\":{\"a\":{\"b\":1}},\"name\":\"cpu\",\"timestamp\":1796379330}",
                DeadLetterReason.WRONG_TYPE,
                "field 'fields.a' must be a number, boolean or string, got an object");
        assertFailure(
                "{\"metrics\":[{\"fields\":{\"a\":1},\"timestamp\":1796379330}]}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'metrics[0].name' is missing");
        assertFailure(
                "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"x\","
                        + "\"gauge\":{\"dataPoints\":[{\"asDouble\":1}]}}]}]}]}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0]"
                        + ".time_unix_nano' (or 'timeUnixNano') is missing");
        assertFailure(
                "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"x\"}]}]}]}",
                DeadLetterReason.MISSING_FIELD,
                "metric 'x' at resourceMetrics[0].scopeMetrics[0].metrics[0] has none of gauge");
        assertFailure(
                "{\"resourceMetrics\":{}}",
                DeadLetterReason.WRONG_TYPE,
                "field 'resourceMetrics' must be an array of objects, got an object");
        assertFailure(
                "{\"hello\":\"world\"}",
                DeadLetterReason.MISSING_FIELD,
                "not a known metrics shape");
        assertFailure(
                "up 1",
                DeadLetterReason.NOT_DECODABLE,
                "expected a JSON object or Avro single-object encoding (C3 01), payload starts"
                        + " with 'up 1'");
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
