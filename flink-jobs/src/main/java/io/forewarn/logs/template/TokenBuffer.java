package io.forewarn.logs.template;

import java.util.Arrays;

/**
 * The tokens of one message after masking, kept in reusable parallel arrays so that mining a line
 * allocates nothing per token. A token is a raw span of the message (several whitespace-separated
 * words when a multi-word variable such as a date was recognised) plus the spans of its variable
 * segments. Its <em>masked text</em> is the raw text with every variable segment replaced by {@code
 * <*>}.
 */
final class TokenBuffer {

    /** Constant text that contains letters or digits. */
    static final byte CONSTANT = 0;

    /** Constant text made of punctuation only ({@code ****}, {@code -}); never generalised. */
    static final byte STRUCTURAL = 1;

    /** Constant text around one or more variable segments ({@code node-<*>}). */
    static final byte PARTIAL = 2;

    /** The whole token is one variable ({@code <*>}). */
    static final byte VARIABLE = 3;

    String text;

    /**
     * The characters of {@link #text}, copied once so that scanning avoids bounds checks on String.
     */
    char[] chars = new char[256];

    int size;
    int[] start = new int[32];
    int[] end = new int[32];
    int[] coreStart = new int[32];
    int[] coreEnd = new int[32];
    int[] segFrom = new int[32];
    int[] segTo = new int[32];
    long[] hash = new long[32];
    byte[] shape = new byte[32];

    int segCount;
    int[] segStart = new int[64];
    int[] segEnd = new int[64];

    void reset(String text) {
        this.text = text;
        if (chars.length < text.length()) {
            chars = new char[Math.max(text.length(), chars.length * 2)];
        }
        text.getChars(0, text.length(), chars, 0);
        this.size = 0;
        this.segCount = 0;
    }

    int addToken(int from, int to) {
        if (size == start.length) {
            growTokens();
        }
        int t = size++;
        start[t] = from;
        end[t] = to;
        coreStart[t] = from;
        coreEnd[t] = to;
        segFrom[t] = segCount;
        segTo[t] = segCount;
        return t;
    }

    /** Adds a variable segment to the most recently added token. */
    void addSegment(int from, int to) {
        if (segCount == segStart.length) {
            segStart = Arrays.copyOf(segStart, segCount * 2);
            segEnd = Arrays.copyOf(segEnd, segCount * 2);
        }
        segStart[segCount] = from;
        segEnd[segCount] = to;
        segCount++;
        segTo[size - 1] = segCount;
    }

    /** Replaces the segments of the most recently added token by one segment. */
    void replaceSegments(int from, int to) {
        segCount = segFrom[size - 1];
        segTo[size - 1] = segCount;
        addSegment(from, to);
    }

    /** Makes {@code t} a token with exactly one variable segment (used when merging words). */
    void setSingleSegment(int t, int from, int to) {
        if (segCount == segStart.length) {
            segStart = Arrays.copyOf(segStart, segCount * 2);
            segEnd = Arrays.copyOf(segEnd, segCount * 2);
        }
        segStart[segCount] = from;
        segEnd[segCount] = to;
        segFrom[t] = segCount;
        segTo[t] = ++segCount;
    }

    int segments(int t) {
        return segTo[t] - segFrom[t];
    }

    /** Computes shape and hash of every token; called once the token list is final. */
    void finish() {
        char[] s = chars;
        for (int t = 0; t < size; t++) {
            long h = Hashing.SEED;
            int pos = start[t];
            for (int g = segFrom[t]; g < segTo[t]; g++) {
                h = Hashing.mixRange(h, s, pos, segStart[g]);
                h = Hashing.mixWildcard(h);
                pos = segEnd[g];
            }
            h = Hashing.mixRange(h, s, pos, end[t]);
            hash[t] = Hashing.finish(h);
            shape[t] = computeShape(t);
        }
    }

    private byte computeShape(int t) {
        int n = segments(t);
        if (n == 1 && segStart[segFrom[t]] == start[t] && segEnd[segFrom[t]] == end[t]) {
            return VARIABLE;
        }
        if (n > 0) {
            return PARTIAL;
        }
        for (int i = start[t]; i < end[t]; i++) {
            char c = chars[i];
            if (c >= 128 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
                return CONSTANT;
            }
        }
        return STRUCTURAL;
    }

    String raw(int t) {
        return text.substring(start[t], end[t]);
    }

    /** The masked text of token {@code t}. */
    String masked(int t) {
        if (segTo[t] == segFrom[t]) {
            return raw(t);
        }
        StringBuilder sb = new StringBuilder(end[t] - start[t]);
        int pos = start[t];
        for (int g = segFrom[t]; g < segTo[t]; g++) {
            sb.append(text, pos, segStart[g]).append("<*>");
            pos = segEnd[g];
        }
        return sb.append(text, pos, end[t]).toString();
    }

    boolean rawStartsWith(int t, String prefix) {
        int len = prefix.length();
        return end[t] - start[t] >= len && text.startsWith(prefix, start[t]);
    }

    boolean rawEndsWith(int t, String suffix) {
        int len = suffix.length();
        return end[t] - start[t] >= len && text.startsWith(suffix, end[t] - len);
    }

    /** Moves token {@code from} to slot {@code to} ({@code to <= from}), used when compacting. */
    void move(int from, int to) {
        start[to] = start[from];
        end[to] = end[from];
        coreStart[to] = coreStart[from];
        coreEnd[to] = coreEnd[from];
        segFrom[to] = segFrom[from];
        segTo[to] = segTo[from];
    }

    private void growTokens() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        coreStart = Arrays.copyOf(coreStart, n);
        coreEnd = Arrays.copyOf(coreEnd, n);
        segFrom = Arrays.copyOf(segFrom, n);
        segTo = Arrays.copyOf(segTo, n);
        hash = Arrays.copyOf(hash, n);
        shape = Arrays.copyOf(shape, n);
    }
}
