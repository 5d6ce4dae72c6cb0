package io.forewarn.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoTimelineTest {

    private static final long START = Instant.parse("2026-12-01T07:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000;

    @Test
    void aBadDeploymentOpensThenEveryIncidentTypeTakesItsTurnOnAFreeService() {
        List<Scenario> scenarios =
                DemoTimeline.schedule(3, START, START + 24 * HOUR, Duration.ofMinutes(8));
        TelemetrySimulator simulator = new TelemetrySimulator(DemoTimeline.fleet(3, 60), scenarios);
        List<GroundTruth> truths = simulator.groundTruth();
        assertThat(truths.get(0).scenario()).isEqualTo("bad-deployment");
        assertThat(truths.get(0).precursorOnset())
                .isEqualTo(START + Duration.ofMinutes(10).toMillis());
        assertThat(
                        truths.stream()
                                .filter(t -> t.failureTime() < START + 12 * HOUR)
                                .map(GroundTruth::scenario)
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EvaluationTimeline.INCIDENTS);
        assertThat(truths).noneMatch(t -> t.service().equals("billing"));
        for (GroundTruth a : truths) {
            for (GroundTruth b : truths) {
                if (a != b && a.service().equals(b.service())) {
                    assertThat(
                                    a.failureTime() + HOUR <= b.precursorOnset()
                                            || b.failureTime() + HOUR <= a.precursorOnset())
                            .as("%s and %s overlap", a, b)
                            .isTrue();
                }
            }
        }
        List<BenignWindow> benign = simulator.benignWindows();
        assertThat(benign.stream().map(BenignWindow::disturbance).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "noisy-service", "traffic-peak", "planned-restart", "routine-deployment");
        for (BenignWindow window : benign) {
            for (GroundTruth truth : truths) {
                if (truth.service().equals(window.service())) {
                    assertThat(
                                    window.to() <= truth.precursorOnset()
                                            || window.from() >= truth.failureTime())
                            .as("%s during %s", window, truth)
                            .isTrue();
                }
            }
        }
    }
}
