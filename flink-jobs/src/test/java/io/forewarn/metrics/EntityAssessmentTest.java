package io.forewarn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.forewarn.detect.FailureTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityAssessmentTest {

    private static final MetricFamilies FAMILIES = MetricFamilies.defaults();

    static SeriesVerdict verdict(String metric, String family, double value, double grade) {
        SeriesVerdict v = new SeriesVerdict();
        v.series = metric + "{instance=\"h1\"}";
        v.metric = metric;
        v.family = family;
        v.service = "checkout";
        v.host = "h1";
        v.timestamp = 60_000;
        v.value = value;
        v.expected = 1.0;
        v.lower = 0.8;
        v.upper = 1.2;
        v.grade = grade;
        v.confidence = 1;
        v.warm = true;
        return v;
    }

    @Test
    void seriesDeviatingTogetherAreCombinedAndAttributed() {
        EntityAssessment a =
                EntityAssessment.of(
                        List.of(
                                verdict("http_request_duration_p99_seconds", "latency", 3.0, 0.8),
                                verdict("node_cpu_utilisation", "gauges", 2.0, 0.6),
                                verdict("http_requests_per_second", "gauges", 1.05, 0.45),
                                verdict("process_resident_memory_bytes", "gauges", 1.0, 0.1)),
                        FAMILIES);

        assertThat(a.anomalous()).isTrue();
        assertThat(a.anomalousSeries()).isEqualTo(2);
        assertThat(a.series()).isEqualTo(4);
        assertThat(a.grade()).isCloseTo(1 - 0.2 * 0.4, within(1e-9));
        assertThat(a.contributors())
                .extracting(c -> c.verdict().metric)
                .containsExactly(
                        "http_request_duration_p99_seconds",
                        "node_cpu_utilisation",
                        "http_requests_per_second");
        // severities 4, 1.5 and 0.818...: shares in that proportion
        assertThat(a.contributors().get(0).share()).isCloseTo(4 / 6.318, within(1e-3));
        assertThat(a.contributors().stream().mapToDouble(EntityAssessment.Contributor::share).sum())
                .isCloseTo(1, within(1e-9));
        assertThat(a.failureType(0.5)).isEqualTo(FailureTypes.SLO_BREACH);
        assertThat(a.failureType(0.9)).as("not strong enough to predict").isNull();
    }

    @Test
    void onlyWarmSeriesOnTheWatchedSideCount() {
        SeriesVerdict fastLatency =
                verdict("http_request_duration_p99_seconds", "latency", 0.1, 0.9); // below expected
        SeriesVerdict cold = verdict("node_cpu_utilisation", "gauges", 5, 0.9);
        cold.warm = false;
        cold.confidence = 0.2;
        EntityAssessment a = EntityAssessment.of(List.of(fastLatency, cold), FAMILIES);

        assertThat(a.anomalous()).isFalse();
        assertThat(a.grade()).isZero();
        assertThat(a.confidence()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void anomaliesOfFamiliesWithoutFailureTypeStaySignals() {
        EntityAssessment a =
                EntityAssessment.of(
                        List.of(verdict("node_cpu_utilisation", "gauges", 2.0, 0.7)), FAMILIES);
        assertThat(a.anomalous()).isTrue();
        assertThat(a.failureType(0.5)).isNull();
    }
}
