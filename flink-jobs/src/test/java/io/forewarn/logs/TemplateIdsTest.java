package io.forewarn.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemplateIdsTest {

    @Test
    void readsWhatItWritesAsTheJdkReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xabcdefL, 0xf000000000000000L};
        for (long id : edges) {
            assertThat(TemplateIds.parse(TemplateIds.format(id))).isEqualTo(id);
        }
        for (int i = 0; i < 100_000; i++) {
            long id = random.nextLong();
            String text = TemplateIds.format(id);
            assertThat(text).hasSize(16);
            assertThat(TemplateIds.parse(text))
                    .isEqualTo(id)
                    .isEqualTo(Long.parseUnsignedLong(text, 16));
        }
    }

    @Test
    void otherSpellingsGoToTheJdkParser() {
        assertThat(TemplateIds.parse("ABCDEF0123456789")).isEqualTo(0xabcdef0123456789L);
        assertThat(TemplateIds.parse("ff")).isEqualTo(255);
        assertThatThrownBy(() -> TemplateIds.parse("0123456789abcdeg"))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TemplateIds.parse("10000000000000000"))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TemplateIds.parse("")).isInstanceOf(NumberFormatException.class);
    }
}
