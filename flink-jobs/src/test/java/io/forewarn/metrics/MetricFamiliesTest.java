package io.forewarn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.detect.FailureTypes;
import io.forewarn.metrics.forecast.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricFamiliesTest {

    private final MetricFamilies defaults = MetricFamilies.defaults();

    @Test
    void builtInFamiliesCoverTheCommonExporters() {
        MetricFamily disk = defaults.of("node_filesystem_used_ratio", "UNKNOWN");
        assertThat(disk.name()).isEqualTo("disk");
        assertThat(disk.aggregation()).isEqualTo(Aggregation.MAX);
        assertThat(disk.capacity()).isEqualTo(new Threshold(Threshold.Direction.ABOVE, 0.95));
        assertThat(disk.capacityFailure()).isEqualTo(FailureTypes.DISK_FULL);

        assertThat(defaults.of("container_memory_working_set_ratio", "GAUGE").capacityFailure())
                .isEqualTo(FailureTypes.OOM);
        assertThat(defaults.of("hikaricp_connections_usage_ratio", "GAUGE").capacityFailure())
                .isEqualTo(FailureTypes.CONNECTION_POOL_EXHAUSTION);
        assertThat(defaults.of("kafka_consumergroup_lag", "GAUGE").capacityFailure())
                .isEqualTo(FailureTypes.QUEUE_BACKLOG);
        MetricFamily cert = defaults.of("probe_ssl_earliest_cert_expiry", "GAUGE");
        assertThat(cert.deadline()).isTrue();
        assertThat(cert.horizon()).isEqualTo(Duration.ofDays(14));
        assertThat(cert.detectsAnomalies()).isFalse();
        assertThat(defaults.of("tls_certificate_expiry_seconds", "GAUGE").capacity())
                .isEqualTo(new Threshold(Threshold.Direction.BELOW, 0));

        MetricFamily latency = defaults.of("http_request_duration_p99_seconds", "UNKNOWN");
        assertThat(latency.aggregation()).isEqualTo(Aggregation.P99);
        assertThat(latency.anomaly()).isEqualTo(AnomalySide.HIGH);
        assertThat(latency.anomalyFailure()).isEqualTo(FailureTypes.SLO_BREACH);

        assertThat(defaults.of("http_server_errors_total", "COUNTER").anomalyFailure())
                .isEqualTo(FailureTypes.ERROR_SPIKE);
        assertThat(defaults.of("jvm_gc_collections", "COUNTER").aggregation())
                .isEqualTo(Aggregation.RATE);
        assertThat(defaults.of("requests_total", "UNKNOWN").aggregation())
                .isEqualTo(Aggregation.RATE);
        assertThat(defaults.of("http_request_duration_seconds_bucket", "HISTOGRAM").aggregation())
                .isEqualTo(Aggregation.SKIP);
        MetricFamily cpu = defaults.of("node_cpu_utilisation", "UNKNOWN");
        assertThat(cpu.name()).isEqualTo("gauges");
        assertThat(cpu.aggregation()).isEqualTo(Aggregation.MEAN);
        assertThat(cpu.anomaly()).isEqualTo(AnomalySide.BOTH);
        assertThat(cpu.forecasts()).isFalse();
    }

    @Test
    void customFamiliesComeFirstAndReplaceBuiltInsOfTheSameName() {
        MetricFamilies families =
                MetricFamilies.configured(
                        List.of(
                                "disk match=disk_used_ratio aggregate=last capacity=above:0.8"
                                        + " capacity-failure=disk-full",
                                "payments match=payment_latency_ms aggregate=p99 anomaly=high"
                                        + " anomaly-failure=slo-breach"),
                        true);
        assertThat(families.of("disk_used_ratio", "GAUGE").capacity().value()).isEqualTo(0.8);
        assertThat(families.of("payment_latency_ms", "GAUGE").name()).isEqualTo("payments");
        assertThat(families.of("node_filesystem_used_ratio", "GAUGE").name()).isEqualTo("gauges");

        MetricFamilies own = MetricFamilies.configured(List.of("only match=x.*"), false);
        assertThat(own.of("y", "GAUGE")).isSameAs(MetricFamilies.FALLBACK);
        assertThat(own.named("gone")).isSameAs(MetricFamilies.FALLBACK);
    }

    @Test
    void badLinesAreRejectedWithTheFamilyAndTheProblem() {
        assertThatThrownBy(() -> MetricFamily.parse("match=x"))
                .hasMessageContaining("must start with its name");
        assertThatThrownBy(() -> MetricFamily.parse("x match=("))
                .hasMessageContaining("metric family 'x'")
                .hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> MetricFamily.parse("x aggregate=median"))
                .hasMessageContaining("metric family 'x'")
                .hasMessageContaining("MEDIAN");
        assertThatThrownBy(() -> MetricFamily.parse("x capacity=above:0.9"))
                .hasMessageContaining("capacity needs capacity-failure");
        assertThatThrownBy(() -> MetricFamily.parse("x colour=red"))
                .hasMessageContaining("unknown setting(s) [colour]");
        assertThatThrownBy(() -> MetricFamily.parse("x horizon=two-days"))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> MetricFamilies.parse(List.of("a", "a match=b")))
                .hasMessageContaining("'a' is defined twice");
    }

    @Test
    void anomalySidesFilterDeviations() {
        assertThat(AnomalySide.HIGH.counts(5, 3)).isTrue();
        assertThat(AnomalySide.HIGH.counts(1, 3)).isFalse();
        assertThat(AnomalySide.LOW.counts(1, 3)).isTrue();
        assertThat(AnomalySide.BOTH.counts(1, 3)).isTrue();
        assertThat(AnomalySide.OFF.counts(5, 3)).isFalse();
    }
}
