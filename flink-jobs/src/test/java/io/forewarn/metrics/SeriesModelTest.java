package io.forewarn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.metrics.anomaly.DetectorConfig;
import io.forewarn.metrics.forecast.AlertPolicy;
import io.forewarn.metrics.forecast.BreachAlerts;
import io.forewarn.metrics.forecast.ForecastConfig;
import io.forewarn.metrics.forecast.Outlook;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesModelTest {

    private static final long MINUTE = 60_000;
    private static final long START = 1_767_225_600_000L;
    private static final MetricFamilies FAMILIES = MetricFamilies.defaults();
    private static final DetectorConfig DETECTOR = DetectorConfig.defaults();

    private static ModelSpec spec(String metric) {
        return ModelSpec.of(
                FAMILIES.of(metric, "GAUGE"),
                DETECTOR,
                ForecastConfig.defaults(),
                AlertPolicy.defaults());
    }

    /** A disk filling by 1% an hour from 50%, with noise. */
    private static double disk(int minute, Random random) {
        return 0.5 + 0.01 * minute / 60.0 + 0.002 * random.nextGaussian();
    }

    private static List<ModelOutput> run(SeriesModel model, int from, int to) {
        Random random = new Random(1);
        List<ModelOutput> out = new ArrayList<>();
        for (int m = 0; m < to; m++) {
            double v = disk(m, random);
            if (m >= from) {
                out.add(model.update(START + m * MINUTE, v));
            }
        }
        return out;
    }

    @Test
    void capacitySeriesAreDetectedAndForecast() {
        SeriesModel model = SeriesModel.create(spec("node_filesystem_used_ratio"));
        List<ModelOutput> out = run(model, 0, 8 * 60); // raised once 6 h of history back it

        assertThat(out).allSatisfy(o -> assertThat(o.anomaly()).isNotNull());
        List<ModelOutput> raised =
                out.stream().filter(o -> o.alert() == BreachAlerts.Action.RAISE).toList();
        assertThat(raised).hasSize(1);
        Outlook outlook = raised.get(0).outlook();
        assertThat(outlook.status()).isEqualTo(Outlook.Status.BREACH_EXPECTED);
        // 0.5 + 1%/h reaches 0.95 at hour 45
        assertThat(outlook.breach().expectedAt() - START)
                .isBetween(43 * 60 * MINUTE, 47 * 60 * MINUTE);
    }

    @Test
    void restoredModelContinuesIdentically() {
        SeriesModel original = SeriesModel.create(spec("node_filesystem_used_ratio"));
        run(original, 0, 400);
        SeriesModel restored =
                SeriesModel.restore(original.snapshot(), spec("node_filesystem_used_ratio"));

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(run(restored, 400, 900)).isEqualTo(run(original, 400, 900));
    }

    @Test
    void restoreFollowsTheCurrentSpec() {
        SeriesModel disk = SeriesModel.create(spec("node_filesystem_used_ratio"));
        run(disk, 0, 300);
        // the same series under a family without forecasting keeps its detector
        SeriesModel gauge = SeriesModel.restore(disk.snapshot(), spec("node_cpu_utilisation"));
        assertThat(gauge.pointsSeen()).isEqualTo(300);
        assertThat(gauge.update(START + 300 * MINUTE, 0.6).alert())
                .isEqualTo(BreachAlerts.Action.NONE);
        // and a forecasting-only family starts its parts it did not have cold
        SeriesModel cert =
                SeriesModel.restore(gauge.snapshot(), spec("probe_ssl_earliest_cert_expiry"));
        assertThat(cert.pointsSeen()).isZero();
    }

    @Test
    void deadlinesNeedNoHistory() {
        SeriesModel cert = SeriesModel.create(spec("probe_ssl_earliest_cert_expiry"));
        long now = START;
        ModelOutput far = cert.update(now, (now + 30L * 86_400_000) / 1000.0);
        assertThat(far.anomaly()).isNull();
        assertThat(far.outlook().status()).isEqualTo(Outlook.Status.CLEAR);
        assertThat(far.alert()).isEqualTo(BreachAlerts.Action.NONE);

        ModelOutput near = cert.update(now + MINUTE, (now + 10L * 86_400_000) / 1000.0);
        assertThat(near.alert()).isEqualTo(BreachAlerts.Action.RAISE);
        assertThat(near.outlook().breach().expectedAt()).isEqualTo(now + 10L * 86_400_000);

        ModelOutput renewed = cert.update(now + 2 * MINUTE, (now + 90L * 86_400_000) / 1000.0);
        ModelOutput stillRenewed = cert.update(now + 3 * MINUTE, (now + 90L * 86_400_000) / 1000.0);
        assertThat(List.of(renewed.alert(), stillRenewed.alert()))
                .containsExactly(BreachAlerts.Action.NONE, BreachAlerts.Action.RESOLVE);
    }

    @Test
    void rejectsSnapshotsOfOtherVersions() {
        byte[] snapshot = SeriesModel.create(spec("x")).snapshot();
        snapshot[3] = 42;
        assertThatThrownBy(() -> SeriesModel.restore(snapshot, spec("x")))
                .hasMessageContaining("version 42");
    }
}
