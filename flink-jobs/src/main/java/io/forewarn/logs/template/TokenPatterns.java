package io.forewarn.logs.template;

/**
 * Decides how two differing tokens at the same position relate, and builds the generalised token
 * pattern. Tokens are handled in masked form, where {@code <*>} marks variable text.
 *
 * <p>A difference is <em>soft</em> (the position is variable, merge right away) when one token is
 * fully variable, or when exactly one is partly variable and, read as a glob pattern, matches the
 * other (e.g. {@code (<*>)} and {@code ()}). Any other difference, e.g. two distinct words, is
 * <em>hard</em>: the position is merged only on sibling evidence (see {@link TemplateMiner}).
 * Punctuation-only tokens are structural: they never merge with a plain {@code <*>} ({@code ****}
 * vs {@code 42}) and never count as sibling evidence.
 */
final class TokenPatterns {

    private static final String WILDCARD = "<*>";

    /** A generalised token keeps a common prefix up to (and including) one of these. */
    private static final String PREFIX_DELIMITERS = "([{'\"=:/#@,|;-";

    /** A generalised token keeps a common suffix starting at one of these. */
    private static final String SUFFIX_DELIMITERS = ")]}'\",:;.|=/#";

    private TokenPatterns() {}

    static boolean isSoftDifference(String a, String b) {
        boolean aWildcard = WILDCARD.equals(a);
        boolean bWildcard = WILDCARD.equals(b);
        if (Template.isStructural(a) || Template.isStructural(b)) {
            return !aWildcard && !bWildcard && (globMatches(a, b) || globMatches(b, a));
        }
        if (aWildcard || bWildcard) {
            return true;
        }
        boolean aVariable = a.contains(WILDCARD);
        boolean bVariable = b.contains(WILDCARD);
        if (aVariable == bVariable) {
            return false; // two constants, or two different partly variable shapes
        }
        return aVariable ? globMatches(a, b) : globMatches(b, a);
    }

    /** Glob match where {@code <*>} in the pattern stands for any (possibly empty) text. */
    static boolean globMatches(String pattern, String text) {
        int pi = 0;
        int ti = 0;
        int afterStar = -1;
        int starText = 0;
        while (ti < text.length()) {
            if (pattern.startsWith(WILDCARD, pi)) {
                pi += WILDCARD.length();
                afterStar = pi;
                starText = ti;
            } else if (pi < pattern.length() && pattern.charAt(pi) == text.charAt(ti)) {
                pi++;
                ti++;
            } else if (afterStar >= 0) {
                pi = afterStar;
                ti = ++starText;
            } else {
                return false;
            }
        }
        while (pattern.startsWith(WILDCARD, pi)) {
            pi += WILDCARD.length();
        }
        return pi == pattern.length();
    }

    /**
     * The pattern generalising {@code prefixA...suffixA} (a CONST text has both equal to the text)
     * and the masked token {@code b}: the common prefix and suffix cut at delimiters, or a plain
     * wildcard. Returns {prefix, suffix}, or null for a plain wildcard.
     */
    static String[] generalize(String prefixA, String suffixA, String b) {
        if (WILDCARD.equals(b)) {
            return null;
        }
        String prefix = cutPrefix(commonPrefix(prefixA, b));
        String suffix = cutSuffix(commonSuffix(suffixA, b));
        int room = Math.min(b.length(), Math.max(prefixA.length(), suffixA.length()));
        if (prefix.length() + suffix.length() > room) {
            suffix = "";
        }
        if (prefix.isEmpty() && suffix.isEmpty()) {
            return null;
        }
        return new String[] {prefix, suffix};
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    private static String commonSuffix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return a.substring(a.length() - i);
    }

    private static String cutPrefix(String p) {
        int wildcard = p.indexOf(WILDCARD);
        int limit = wildcard >= 0 ? wildcard : p.length();
        for (int i = limit - 1; i >= 0; i--) {
            if (PREFIX_DELIMITERS.indexOf(p.charAt(i)) >= 0) {
                return p.substring(0, i + 1);
            }
        }
        return "";
    }

    private static String cutSuffix(String s) {
        int wildcard = s.lastIndexOf(WILDCARD);
        int from = wildcard >= 0 ? wildcard + WILDCARD.length() : 0;
        for (int i = from; i < s.length(); i++) {
            if (SUFFIX_DELIMITERS.indexOf(s.charAt(i)) >= 0) {
                return s.substring(i);
            }
        }
        return "";
    }
}
