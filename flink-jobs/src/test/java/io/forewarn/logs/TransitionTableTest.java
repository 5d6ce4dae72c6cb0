package io.forewarn.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TransitionTableTest {

    @Test
    void remembersTransitionsAndSaysWhichAreNew() {
        TransitionTable table = new TransitionTable(100);

        assertThat(table.touch(1, 2)).isTrue();
        assertThat(table.touch(1, 2)).isFalse();
        assertThat(table.touch(2, 1)).as("direction matters").isTrue();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void dropsTheLeastRecentlyUsedHalfWhenFull() {
        TransitionTable table = new TransitionTable(16);
        for (long i = 0; i < 16; i++) {
            table.touch(i, i + 1);
        }
        table.touch(0, 1); // recently used again

        table.touch(100, 101);

        assertThat(table.size()).isLessThanOrEqualTo(16).isGreaterThanOrEqualTo(8);
        assertThat(table.contains(0, 1)).isTrue();
        assertThat(table.contains(100, 101)).isTrue();
        assertThat(table.contains(1, 2)).as("oldest").isFalse();
    }

    @Test
    void renamingATemplateMergesItsTransitions() {
        TransitionTable table = new TransitionTable(100);
        table.touch(1, 2);
        table.touch(3, 2);
        table.touch(2, 1);

        table.rename(1, 3);

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.contains(3, 2)).isTrue();
        assertThat(table.contains(2, 3)).isTrue();
        assertThat(table.contains(1, 2)).isFalse();
    }

    @Test
    void theModelFollowsEachHostSeparately() {
        TransitionModel model = new TransitionModel(100, 2);

        assertThat(model.observe("a", 1)).isEmpty();
        assertThat(model.observe("b", 2)).isEmpty();
        assertThat(model.observe("a", 2)).isEqualTo(OptionalLong.of(1));
        assertThat(model.observe("b", 1)).isEqualTo(OptionalLong.of(2));
        assertThat(model.observe("a", 1)).as("2 -> 1 was seen on b").isEmpty();

        model.observe("c", 5);
        assertThat(model.hostCount()).as("bounded").isEqualTo(2);
    }

    @Test
    void entriesAreVisitedInAnOrderIndependentOfInsertionAndGrowth() {
        TransitionTable forward = new TransitionTable(1000);
        TransitionTable backward = new TransitionTable(1000);
        for (long i = 0; i < 300; i++) {
            forward.put(i, i * 7, i % 10);
            backward.put(299 - i, (299 - i) * 7, (299 - i) % 10);
        }

        assertThat(entries(backward)).isEqualTo(entries(forward)).hasSize(300);
        assertThat(entries(forward).get(0)).isEqualTo("0>0@0");
    }

    private static java.util.List<String> entries(TransitionTable table) {
        java.util.List<String> out = new java.util.ArrayList<>();
        table.forEach((from, to, used) -> out.add(from + ">" + to + "@" + used));
        return out;
    }
}
