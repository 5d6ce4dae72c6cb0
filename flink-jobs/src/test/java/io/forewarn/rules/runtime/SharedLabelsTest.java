package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedLabelsTest {

    private static MetricSample sample(long time, String host, double value) {
        Map<String, String> labels = new HashMap<>();
        labels.put(new String("instance"), host + ":9100");
        labels.put(new String("job"), new String("node"));
        return MetricSample.newBuilder()
                .setTimestamp(time)
                .setName(new String("http_request_duration_p99_seconds"))
                .setValue(value)
                .setLabels(labels)
                .setService(new String("checkout"))
                .setHost(host)
                .setKind(MetricKind.GAUGE)
                .build();
    }

    @Test
    void samplesOfASeriesShareTheirLabelsAndStringsAndStayEqual() {
        SharedLabels shared = new SharedLabels();
        MetricSample a = sample(1_000, "checkout-1", 0.2);
        MetricSample b = sample(2_000, "checkout-1", 0.3);
        MetricSample other = sample(2_000, "checkout-2", 0.3);
        MetricSample expectedB = MetricSample.newBuilder(b).build();

        assertThat(shared.share(a)).isSameAs(a);
        assertThat(shared.share(b)).isEqualTo(expectedB);
        shared.share(other);

        assertThat(b.getLabels()).isSameAs(a.getLabels());
        assertThat(b.getName()).isSameAs(a.getName());
        assertThat(b.getService()).isSameAs(a.getService());
        assertThat(other.getLabels()).isNotSameAs(a.getLabels()).containsEntry("job", "node");
        assertThat(other.getName()).isSameAs(a.getName());
        assertThat(other.getLabels().get("job")).isSameAs(a.getLabels().get("job"));
        assertThat(shared.labelSets()).isEqualTo(2);
        assertThatThrownBy(() -> b.getLabels().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCachesAreBoundedAndSharingIsPartialBeyondThem() {
        SharedLabels shared = new SharedLabels(2);
        for (int i = 0; i < 10; i++) {
            shared.share(sample(i, "host-" + i, 1));
        }
        assertThat(shared.labelSets()).isEqualTo(2);
        MetricSample early = sample(20, "host-0", 1);
        MetricSample again = sample(21, "host-0", 1);
        shared.share(early);
        shared.share(again);
        assertThat(again.getLabels())
                .isSameAs(early.getLabels())
                .containsEntry("instance", "host-0:9100");
    }

    @Test
    void recordsOtherThanMetricSamplesAndSamplesWithoutLabelsPassUnchanged() {
        SharedLabels shared = new SharedLabels();
        RuleRecord log =
                RuleFiles.routed(
                        KeyKind.SERVICE,
                        RuleFiles.log(
                                1_000, "checkout", io.forewarn.schema.LogLevel.ERROR, "boom"));
        RuleRecord copy = RuleRecord.newBuilder(log).build();
        assertThat(shared.share(log)).isSameAs(log).isEqualTo(copy);
        MetricSample bare = sample(1_000, "h", 1);
        bare.setLabels(Map.of());
        bare.setUnit(null);
        assertThat(shared.share(bare).getLabels()).isEmpty();
        assertThat(bare.getUnit()).isNull();
    }

    @Test
    void metricSamplesTakenFromTheRuleBufferShareTheirLabels() throws Exception {
        PendingSegments segments = new PendingSegments();
        byte[] bytes = null;
        for (long t = 1_000; t <= 5_000; t += 1_000) {
            bytes =
                    segments.append(
                            bytes, t, RuleFiles.routed(KeyKind.HOST, sample(t, "checkout-1", t)));
        }
        var due = segments.split(bytes, 5_000).due();
        assertThat(due).hasSize(5);
        MetricSample first = (MetricSample) due.get(0).record().getRecord();
        for (var t : due) {
            MetricSample s = (MetricSample) t.record().getRecord();
            assertThat(s.getLabels()).isSameAs(first.getLabels());
            assertThat(s.getTimestamp()).isEqualTo(t.time());
        }
    }
}
