package io.forewarn.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.Severity;
import io.forewarn.simulator.BenignWindow;
import io.forewarn.simulator.GroundTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final long MINUTE = 60_000;
    private static final long START = 1_000 * MINUTE;
    private static final long END = START + 600 * MINUTE;

    private static final GroundTruth LEAK =
            new GroundTruth(
                    "memory-leak",
                    "payments",
                    "payments-2",
                    "oom",
                    START + 100 * MINUTE,
                    START + 200 * MINUTE,
                    Set.of("slo-breach"),
                    true,
                    "jvm_memory_heap_used_ratio");
    private static final GroundTruth DEPLOY =
            new GroundTruth(
                    "bad-deployment",
                    "orders",
                    null,
                    "error-spike",
                    START + 300 * MINUTE,
                    START + 310 * MINUTE,
                    Set.of(),
                    false,
                    GroundTruth.LOG_ERROR_RATIO);
    private static final BenignWindow PEAK =
            new BenignWindow(
                    "traffic-peak", "search", null, START + 50 * MINUTE, START + 100 * MINUTE);

    private final List<Prediction> records = new ArrayList<>();

    private void record(
            String id,
            String service,
            String host,
            String type,
            long minute,
            PredictionStatus status) {
        records.add(
                Prediction.newBuilder()
                        .setPredictionId(id)
                        .setTimestamp(START + minute * MINUTE)
                        .setService(service)
                        .setHost(host)
                        .setFailureType(type)
                        .setStatus(status)
                        .setProbability(0.8)
                        .setSeverity(Severity.HIGH)
                        .setRankScore(0.6)
                        .setSummary(type + " on " + service)
                        .setProducers(List.of(new Producer(ProducerKind.RULE, "r", "1")))
                        .setFirstSeen(START + minute * MINUTE)
                        .setLastSeen(START + minute * MINUTE)
                        .setEpisode(START + minute * MINUTE)
                        .setSignalCount(1)
                        .build());
    }

    private Scorecard score() {
        return new Scorer(START, END, List.of(LEAK, DEPLOY), List.of(PEAK))
                .score(9, records, t -> "charts/" + t.scenario() + ".png");
    }

    @Test
    void theFirstPredictionOfTheTypeOnTheEntityBeforeTheFailureGivesTheLeadTime() {
        record("a", "payments", "payments-2", "oom", 150, PredictionStatus.OPEN);
        record("a", "payments", "payments-2", "oom", 160, PredictionStatus.UPDATED);
        record("b", "payments", null, "oom", 140, PredictionStatus.OPEN);
        Scorecard.IncidentResult leak = score().incidents().get(0);
        assertThat(leak.detected()).isTrue();
        assertThat(leak.leadTimeMinutes()).isEqualTo(60.0);
        assertThat(leak.firstPrediction().predictionId()).isEqualTo("b");
        assertThat(leak.primaryPredictions()).isEqualTo(2);
        assertThat(leak.chart()).isEqualTo("charts/memory-leak.png");
    }

    @Test
    void predictionsOnAnotherHostOfAnotherTypeOrOutsideTheWindowDoNotDetect() {
        record("other-host", "payments", "payments-1", "oom", 150, PredictionStatus.OPEN);
        record("other-type", "payments", "payments-2", "disk-full", 150, PredictionStatus.OPEN);
        record("at-failure", "payments", "payments-2", "oom", 200, PredictionStatus.OPEN);
        record("closed", "payments", "payments-2", "oom", 120, PredictionStatus.RESOLVED);
        Scorecard card = score();
        Scorecard.IncidentResult leak = card.incidents().get(0);
        assertThat(leak.detected()).isFalse();
        assertThat(leak.leadTimeMinutes()).isNull();
        assertThat(card.falsePredictions())
                .extracting(Scorecard.PredictionSummary::predictionId)
                .containsExactlyInAnyOrder("other-host", "other-type");
        assertThat(card.overall().truePredictions())
                .as("a late prediction is not false")
                .isEqualTo(1);
        assertThat(leak.falsePredictions()).isEqualTo(2);
    }

    @Test
    void anEpisodeOpenedBeforeTheOnsetIsFalseButItsUpdatesInTheWindowStillDetect() {
        record("early", "orders", null, "error-spike", 295, PredictionStatus.OPEN);
        record("early", "orders", null, "error-spike", 302, PredictionStatus.UPDATED);
        Scorecard card = score();
        Scorecard.IncidentResult deploy = card.incidents().get(1);
        assertThat(deploy.detected()).isTrue();
        assertThat(deploy.leadTimeMinutes()).isEqualTo(8.0);
        assertThat(card.overall().falsePredictions()).isEqualTo(1);
    }

    @Test
    void consequencesAreTrueWithoutDetectingAndBenignWindowsListTheirAlarms() {
        record("slow", "payments", null, "slo-breach", 190, PredictionStatus.OPEN);
        record("late", "payments", "payments-2", "slo-breach", 229, PredictionStatus.OPEN);
        record("too-late", "payments", "payments-2", "slo-breach", 231, PredictionStatus.OPEN);
        record("peak", "search", "search-1", "slo-breach", 120, PredictionStatus.OPEN);
        record("after-peak", "search", null, "slo-breach", 140, PredictionStatus.OPEN);
        Scorecard card = score();
        Scorecard.IncidentResult leak = card.incidents().get(0);
        assertThat(leak.detected()).isFalse();
        assertThat(leak.consequencePredictions()).isEqualTo(2);
        assertThat(card.benign().get(0).falsePredictions())
                .extracting(Scorecard.PredictionSummary::predictionId)
                .containsExactly("peak");
        assertThat(card.overall().predictions()).isEqualTo(5);
        assertThat(card.overall().truePredictions()).isEqualTo(2);
        assertThat(card.overall().precision()).isEqualTo(0.4);
        assertThat(card.overall().falsePredictionsPerHour()).isEqualTo(0.3);
    }

    @Test
    void overallRecallPrecisionMediansAndTargets() {
        record("a", "payments", "payments-2", "oom", 180, PredictionStatus.OPEN);
        record("b", "orders", null, "error-spike", 301, PredictionStatus.OPEN);
        Scorecard card = score();
        assertThat(card.overall().recall()).isEqualTo(1.0);
        assertThat(card.overall().precision()).isEqualTo(1.0);
        assertThat(card.overall().medianLeadTimeMinutes()).isEqualTo(14.5);
        assertThat(card.overall().medianLeadTimeGradualMinutes()).isEqualTo(20.0);
        assertThat(card.targets()).allSatisfy(t -> assertThat(t.met()).as(t.name()).isTrue());
        assertThat(card.hours()).isEqualTo(10.0);
    }

    @Test
    void withoutPredictionsNothingIsMet() {
        Scorecard card = score();
        assertThat(card.overall().precision()).isNull();
        assertThat(card.overall().recall()).isZero();
        assertThat(card.targets()).noneMatch(Scorecard.Target::met);
    }

    @Test
    void chartsMarkDetectionConsequencesAndFalseAlarmsOnTheService() {
        record("a", "payments", "payments-2", "oom", 150, PredictionStatus.OPEN);
        record("slow", "payments", null, "slo-breach", 190, PredictionStatus.OPEN);
        record("wrong", "payments", "payments-1", "disk-full", 30, PredictionStatus.OPEN);
        record("elsewhere", "orders", null, "error-spike", 301, PredictionStatus.OPEN);
        List<ChartMarker> markers =
                new Scorer(START, END, List.of(LEAK, DEPLOY), List.of()).markers(LEAK, records);
        assertThat(markers)
                .extracting(ChartMarker::kind)
                .containsExactlyInAnyOrder(
                        ChartMarker.Kind.PRIMARY,
                        ChartMarker.Kind.CONSEQUENCE,
                        ChartMarker.Kind.FALSE,
                        ChartMarker.Kind.DETECTION);
    }
}
