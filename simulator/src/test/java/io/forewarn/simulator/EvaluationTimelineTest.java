package io.forewarn.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvaluationTimelineTest {

    private static final long START = Instant.parse("2026-11-30T06:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final List<String> ALL = new ArrayList<>();

    static {
        ALL.addAll(EvaluationTimeline.INCIDENTS);
        ALL.addAll(EvaluationTimeline.BENIGN);
    }

    @Test
    void everyIncidentHasAServiceOfItsOwnAfterTheWarmup() {
        for (long seed = 1; seed <= 20; seed++) {
            EvaluationTimeline timeline = EvaluationTimeline.build(seed, START, ALL, 10);
            List<GroundTruth> truths = timeline.simulator().groundTruth();
            assertThat(truths)
                    .extracting(GroundTruth::scenario)
                    .containsExactlyElementsOf(EvaluationTimeline.INCIDENTS);
            assertThat(truths.stream().map(GroundTruth::service).collect(Collectors.toSet()))
                    .hasSize(7);
            assertThat(truths)
                    .allSatisfy(
                            t -> {
                                assertThat(t.precursorOnset())
                                        .isGreaterThanOrEqualTo(START + 150 * MINUTE);
                                assertThat(t.failureTime())
                                        .isLessThan(timeline.end() - 30 * MINUTE);
                                assertThat(t.service()).isNotEqualTo("billing");
                            });
        }
    }

    @Test
    void benignDisturbancesStayClearOfIncidentWindows() {
        for (long seed = 1; seed <= 20; seed++) {
            EvaluationTimeline timeline = EvaluationTimeline.build(seed, START, ALL, 10);
            List<GroundTruth> truths = timeline.simulator().groundTruth();
            List<BenignWindow> benign = timeline.simulator().benignWindows();
            assertThat(benign)
                    .extracting(BenignWindow::disturbance)
                    .containsExactlyInAnyOrder(
                            "noisy-service",
                            "traffic-peak",
                            "traffic-peak",
                            "planned-restart",
                            "routine-deployment",
                            "routine-deployment");
            for (BenignWindow window : benign) {
                assertThat(window.to()).isLessThanOrEqualTo(timeline.end());
                for (GroundTruth truth : truths) {
                    if (truth.service().equals(window.service())) {
                        assertThat(
                                        window.to() <= truth.precursorOnset() - 30 * MINUTE
                                                || window.from()
                                                        >= truth.failureTime() + 60 * MINUTE)
                                .as("%s vs %s", window, truth)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTimelineAndSubsetsKeepTheirPlaces() {
        EvaluationTimeline a = EvaluationTimeline.build(4, START, ALL, 10);
        EvaluationTimeline b = EvaluationTimeline.build(4, START, ALL, 10);
        assertThat(b.simulator().groundTruth()).isEqualTo(a.simulator().groundTruth());
        assertThat(b.simulator().benignWindows()).isEqualTo(a.simulator().benignWindows());
        assertThat(b.end()).isEqualTo(a.end());
        EvaluationTimeline other = EvaluationTimeline.build(5, START, ALL, 10);
        assertThat(other.simulator().groundTruth()).isNotEqualTo(a.simulator().groundTruth());

        EvaluationTimeline subset =
                EvaluationTimeline.build(4, START, List.of("disk-fill", "latency-creep"), 10);
        assertThat(subset.simulator().groundTruth())
                .containsExactlyElementsOf(
                        a.simulator().groundTruth().stream()
                                .filter(
                                        t ->
                                                Set.of("disk-fill", "latency-creep")
                                                        .contains(t.scenario()))
                                .toList());
        assertThat(subset.simulator().benignWindows()).isEmpty();
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> EvaluationTimeline.build(1, START, List.of("meteor-strike"), 10))
                .hasMessageContaining("meteor-strike")
                .hasMessageContaining("memory-leak");
    }
}
