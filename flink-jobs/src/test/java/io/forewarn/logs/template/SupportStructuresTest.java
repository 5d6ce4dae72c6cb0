package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SupportStructuresTest {

    @Test
    void longObjectMapBehavesLikeAHashMap() {
        LongObjectMap<String> map = new LongObjectMap<>();
        Map<Long, String> reference = new HashMap<>();
        Random r = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            long key = r.nextInt(2_000) * 1024L; // many collisions in the low bits
            int op = r.nextInt(3);
            if (op == 0) {
                assertThat(map.put(key, "v" + i)).isEqualTo(reference.put(key, "v" + i));
            } else if (op == 1) {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key));
            } else {
                assertThat(map.get(key)).isEqualTo(reference.get(key));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<Long, String> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
    }

    @Test
    void aliasMapFollowsChainsAndDropsTheOldest() {
        AliasMap aliases = new AliasMap(2);
        aliases.put(1, 2);
        aliases.put(2, 3);
        assertThat(aliases.resolve(1)).isEqualTo(3);
        assertThat(aliases.resolve(7)).isEqualTo(7);

        aliases.put(3, 4);
        assertThat(aliases.size()).isEqualTo(2);
        assertThat(aliases.resolve(1)).as("1 -> 2 dropped").isEqualTo(1);
        assertThat(aliases.resolve(2)).isEqualTo(4);

        aliases.remove(3);
        assertThat(aliases.resolve(2)).isEqualTo(3);
    }

    @Test
    void hashesAreDeterministicAndRenderedAsSixteenHexDigits() {
        assertThat(Hashing.hash("abc")).isEqualTo(Hashing.hash(new StringBuilder("abc")));
        assertThat(Hashing.hash("abc")).isNotEqualTo(Hashing.hash("abd"));
        assertThat(Hashing.toHex(0xabcL)).isEqualTo("0000000000000abc");
        assertThat(Hashing.toHex(-1L)).isEqualTo("ffffffffffffffff");
    }
}
