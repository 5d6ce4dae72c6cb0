package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedStartTest {

    @Test
    void isThreeHoursAgoOnAMinuteBoundary() {
        assertThat(start("2026-12-05T11:40:10.500Z")).isEqualTo("2026-12-05T08:40:00Z");
        assertThat(start("2026-12-05T01:00:00Z")).isEqualTo("2026-12-04T22:00:00Z");
    }

    @Test
    void theSystemPropertyRepeatsARun() {
        long start =
                DetectJobITCaseBase.simulatedStart(
                        Instant.parse("2026-12-05T11:40:10Z"), " 2026-12-05T08:40:00Z ");
        assertThat(Instant.ofEpochMilli(start)).isEqualTo("2026-12-05T08:40:00Z");
    }

    private static String start(String now) {
        return Instant.ofEpochMilli(DetectJobITCaseBase.simulatedStart(Instant.parse(now), null))
                .toString();
    }
}
