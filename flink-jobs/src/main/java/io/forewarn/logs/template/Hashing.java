package io.forewarn.logs.template;

/**
 * Deterministic 64-bit hashing of character data (FNV-1a over UTF-16 code units followed by the
 * MurmurHash3 finaliser). The result depends only on the characters, never on the JVM, so hashes
 * are stable across restarts, parallel instances and rescaling.
 */
final class Hashing {

    static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hashing() {}

    static long mix(long h, char c) {
        return (h ^ c) * PRIME;
    }

    static long mixWildcard(long h) {
        return mix(mix(mix(h, '<'), '*'), '>');
    }

    static long mixRange(long h, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }

    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long mixRange(long h, char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ s[i]) * PRIME;
        }
        return h;
    }

    /** Hash of a whole string; equal to the streaming hash of the same characters. */
    static long hash(CharSequence s) {
        return finish(mixRange(SEED, s, 0, s.length()));
    }

    /** Combines a bucket key from a token count and the hash of the first token. */
    static long bucketKey(int length, long firstTokenHash) {
        return finish(firstTokenHash * 31 + length);
    }

    /** Renders a 64-bit id as 16 lower-case hex digits. */
    static String toHex(long id) {
        String s = Long.toHexString(id);
        return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
    }
}
