package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PendingTimesTest {

    @Test
    void insertsInOrderWithoutChangingTheGivenArray() {
        long[] times = {10, 20, 30};

        assertThat(PendingTimes.insert(times, 5)).containsExactly(5, 10, 20, 30);
        assertThat(PendingTimes.insert(times, 25)).containsExactly(10, 20, 25, 30);
        assertThat(PendingTimes.insert(times, 40)).containsExactly(10, 20, 30, 40);
        assertThat(PendingTimes.insert(PendingTimes.NONE, 7)).containsExactly(7);
        assertThat(times).containsExactly(10, 20, 30);
    }

    @Test
    void refusesATimeAlreadyWaiting() {
        assertThatThrownBy(() -> PendingTimes.insert(new long[] {10, 20}, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20");
    }

    @Test
    void countsTheTimesTheWatermarkPassed() {
        long[] times = {10, 20, 30};

        assertThat(PendingTimes.countUpTo(PendingTimes.NONE, 100)).isZero();
        assertThat(PendingTimes.countUpTo(times, 9)).isZero();
        assertThat(PendingTimes.countUpTo(times, 10)).isEqualTo(1);
        assertThat(PendingTimes.countUpTo(times, 29)).isEqualTo(2);
        assertThat(PendingTimes.countUpTo(times, 30)).isEqualTo(3);
        assertThat(PendingTimes.countUpTo(times, Long.MAX_VALUE)).isEqualTo(3);
    }

    @Test
    void agreesWithASortedSetOnRandomTimes() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            TreeSet<Long> expected = new TreeSet<>();
            long[] times = PendingTimes.NONE;
            for (int i = 0; i < 50; i++) {
                long t = random.nextInt(100);
                if (expected.add(t)) {
                    times = PendingTimes.insert(times, t);
                }
            }
            long watermark = random.nextInt(110) - 5;

            assertThat(times)
                    .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
            assertThat(PendingTimes.countUpTo(times, watermark))
                    .isEqualTo(expected.headSet(watermark, true).size());
        }
    }

    @Test
    void buildsTheIndexOfARestoredBuffer() {
        assertThat(PendingTimes.of(List.of(30L, 10L, 20L))).containsExactly(10, 20, 30);
        assertThat(PendingTimes.of(List.of())).isEmpty();
    }
}
