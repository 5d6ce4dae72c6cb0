package io.forewarn.logs.template;

/**
 * A mined template (cluster): a sequence of token patterns plus usage statistics.
 *
 * <p>A token pattern is one of
 *
 * <ul>
 *   <li>{@link #CONST}: masked text that must be equal (compared by hash), e.g. {@code node-<*>};
 *   <li>{@link #WILDCARD}: any token, rendered {@code <*>};
 *   <li>{@link #AFFIX}: any token with a given constant prefix and suffix, rendered {@code
 *       prefix<*>suffix}, e.g. {@code user=<*>} or {@code (<*>)};
 *   <li>{@link #RUN}: one or more consecutive fully variable tokens, rendered {@code <*>}. A
 *       template with a run is <em>variable-length</em> ({@code delete <*>} covers {@code delete
 *       blk_1} and {@code delete blk_1 blk_2 blk_3}).
 * </ul>
 *
 * The id is the hash of the rendered text, so equal templates have equal ids everywhere. Instances
 * are owned and mutated by {@link TemplateMiner} only.
 */
final class Template {

    static final byte CONST = 0;
    static final byte WILDCARD = 1;
    static final byte AFFIX = 2;
    static final byte RUN = 3;

    /** Creation order; makes candidate order deterministic (also after a restore). */
    final long seq;

    byte[] kinds;
    long[] hashes;

    /** CONST: masked text; AFFIX: prefix; WILDCARD and RUN: {@code <*>}. */
    String[] texts;

    /** AFFIX: suffix; otherwise null. */
    String[] suffixes;

    /** CONST tokens made of punctuation only. */
    boolean[] structural;

    int constCount;
    boolean variableLength;

    /** {@link #runSignature(Template)}; 0 when the template has no variable token. */
    long runSignature;

    long id;
    String idHex;
    String text;
    int memoryEstimate;

    long count;
    long lastSeen;
    Template lruPrev;
    Template lruNext;

    Template(long seq, byte[] kinds, String[] texts, String[] suffixes) {
        this.seq = seq;
        setTokens(kinds, texts, suffixes);
    }

    /**
     * Key of the index list holding this template: token count and first token for fixed-length
     * templates, the first token alone for variable-length ones. The first token is always
     * constant.
     */
    long indexKey() {
        long first = kinds.length == 0 ? 0 : hashes[0];
        return variableLength ? first : Hashing.bucketKey(kinds.length, first);
    }

    int length() {
        return kinds.length;
    }

    /** Replaces the token patterns and recomputes hashes, text, id and memory estimate. */
    void setTokens(byte[] kinds, String[] texts, String[] suffixes) {
        int n = kinds.length;
        this.kinds = kinds;
        this.texts = texts;
        this.suffixes = suffixes;
        this.hashes = new long[n];
        this.structural = new boolean[n];
        int consts = 0;
        boolean run = false;
        StringBuilder sb = new StringBuilder();
        int strings = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(render(i));
            if (kinds[i] == CONST) {
                consts++;
                hashes[i] = Hashing.hash(texts[i]);
                structural[i] = isStructural(texts[i]);
            }
            run |= kinds[i] == RUN;
            strings +=
                    40 + texts[i].length() + (suffixes[i] == null ? 0 : 40 + suffixes[i].length());
        }
        this.constCount = consts;
        this.variableLength = run;
        this.text = sb.toString();
        this.id = Hashing.hash(text);
        this.idHex = Hashing.toHex(id);
        this.runSignature = runSignature(this);
        // Rough accounting, calibrated against a heap measurement (TemplateMinerBenchmark):
        // this object, five per-token arrays, id string and index entries (fixed 560 bytes),
        // the array slots, the token strings and the text.
        this.memoryEstimate = 560 + n * (1 + 8 + 4 + 4 + 1) + strings + 40 + text.length();
    }

    String render(int i) {
        switch (kinds[i]) {
            case WILDCARD:
            case RUN:
                return "<*>";
            case AFFIX:
                return texts[i] + "<*>" + suffixes[i];
            default:
                return texts[i];
        }
    }

    static boolean isStructural(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.contains("<*>");
    }

    /** Whether line token {@code t} of {@code b} fits (non-run) pattern {@code i}. */
    boolean matches(int i, TokenBuffer b, int t) {
        switch (kinds[i]) {
            case CONST:
                return hashes[i] == b.hash[t];
            case AFFIX:
                return b.rawStartsWith(t, texts[i])
                        && b.rawEndsWith(t, suffixes[i])
                        && b.end[t] - b.start[t] >= texts[i].length() + suffixes[i].length();
            default:
                return true;
        }
    }

    /** Whether every token of {@code b} fits this fixed-length template (same length assumed). */
    boolean matches(TokenBuffer b) {
        for (int i = kinds.length - 1; i >= 0; i--) {
            if (!matches(i, b, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Aligns {@code b} to this template: {@code unitStart[i]} receives the first line token of
     * pattern {@code i} and {@code unitStart[length()]} the line length. A run takes all
     * consecutive fully variable tokens (at least one). Returns false when {@code b} does not fit.
     */
    boolean align(TokenBuffer b, int[] unitStart) {
        int t = 0;
        for (int i = 0; i < kinds.length; i++) {
            unitStart[i] = t;
            if (kinds[i] == RUN) {
                if (t >= b.size || b.shape[t] != TokenBuffer.VARIABLE) {
                    return false;
                }
                while (t < b.size && b.shape[t] == TokenBuffer.VARIABLE) {
                    t++;
                }
            } else {
                if (t >= b.size || !matches(i, b, t)) {
                    return false;
                }
                t++;
            }
        }
        unitStart[kinds.length] = t;
        return t == b.size;
    }

    /** Whether every line of fixed-length template {@code o} (same length) also fits this one. */
    boolean covers(Template o) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case CONST:
                    if (o.kinds[i] != CONST || o.hashes[i] != hashes[i]) {
                        return false;
                    }
                    break;
                case AFFIX:
                    String other = o.render(i);
                    if (o.kinds[i] == WILDCARD
                            || !other.startsWith(texts[i])
                            || !other.endsWith(suffixes[i])
                            || other.length() < texts[i].length() + suffixes[i].length()) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        return true;
    }

    /** A variable unit: a run, a wildcard or a fully masked constant ({@code <*>}). */
    boolean isVariableUnit(int i) {
        return kinds[i] == WILDCARD
                || kinds[i] == RUN
                || (kinds[i] == CONST && "<*>".equals(texts[i]));
    }

    /**
     * Hash of the token sequence with every run of consecutive variable units collapsed to one, or
     * 0 when there is no variable unit. Equal to {@link #runSignature(TokenBuffer)} of a line with
     * the same collapsed shape.
     */
    static long runSignature(Template t) {
        long h = Hashing.SEED;
        boolean any = false;
        boolean inRun = false;
        for (int i = 0; i < t.kinds.length; i++) {
            if (t.isVariableUnit(i)) {
                if (!inRun) {
                    h = Hashing.mixWildcard(h) * 31;
                }
                any = true;
                inRun = true;
            } else {
                h = (h ^ (t.kinds[i] == CONST ? t.hashes[i] : Hashing.hash(t.render(i)))) * 31;
                inRun = false;
            }
        }
        return any ? Hashing.finish(h) : 0;
    }

    /** The line counterpart of {@link #runSignature(Template)}. */
    static long runSignature(TokenBuffer b) {
        long h = Hashing.SEED;
        boolean any = false;
        boolean inRun = false;
        for (int t = 0; t < b.size; t++) {
            if (b.shape[t] == TokenBuffer.VARIABLE) {
                if (!inRun) {
                    h = Hashing.mixWildcard(h) * 31;
                }
                any = true;
                inRun = true;
            } else {
                h = (h ^ b.hash[t]) * 31;
                inRun = false;
            }
        }
        return any ? Hashing.finish(h) : 0;
    }

    TemplateInfo info() {
        return new TemplateInfo(idHex, text, count, lastSeen);
    }
}
