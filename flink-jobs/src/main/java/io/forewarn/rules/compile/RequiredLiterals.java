package io.forewarn.rules.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A necessary condition for an unanchored match of a regular expression, found cheaply: the text
 * contains at least one of a few literals. Rules mostly test log messages against alternations of
 * phrases ({@code (?i)no space left on device|disk quota exceeded}); most messages contain none of
 * them, and RE2's matcher, which steps a machine over every character, then costs much more than a
 * substring search. Each top-level alternative contributes its longest run of literal characters
 * that every match of it contains.
 *
 * <p>Only what is understood with certainty is used: a leading {@code (?i)} (then literals and text
 * are compared in lower case, and texts with characters outside ASCII go to the matcher, since RE2
 * folds a few of them onto ASCII letters); groups, classes, escapes and anchors end a run and are
 * skipped; a character made optional by a quantifier is not required. Patterns with other flags,
 * {@code \Q}, hexadecimal, octal or Unicode-class escapes, non-ASCII literals or an alternative
 * without a literal of two characters get no condition ({@link #of} returns null).
 */
final class RequiredLiterals {

    private static final int MIN_LENGTH = 2;

    private final boolean caseInsensitive;
    private final String[] literals;

    private RequiredLiterals(boolean caseInsensitive, List<String> literals) {
        this.caseInsensitive = caseInsensitive;
        this.literals = literals.toArray(new String[0]);
    }

    /** The condition of {@code regex}, or null when it has none this class can prove. */
    static RequiredLiterals of(String regex) {
        boolean ci = regex.startsWith("(?i)");
        String body = ci ? regex.substring(4) : regex;
        if (body.contains("(?") && body.replace("(?:", "").contains("(?")) {
            return null;
        }
        try {
            List<String> literals = new ArrayList<>();
            for (String branch : topLevelBranches(body)) {
                String longest = longestRun(branch, ci);
                if (longest == null || longest.length() < MIN_LENGTH) {
                    return null;
                }
                literals.add(longest);
            }
            return literals.isEmpty() ? null : new RequiredLiterals(ci, literals);
        } catch (Unsupported e) {
            return null;
        }
    }

    /** False only if no match of the expression is possible in {@code text}. */
    boolean mayMatch(String text) {
        String haystack = text;
        if (caseInsensitive) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 128) {
                    return true;
                }
            }
            haystack = text.toLowerCase(Locale.ROOT);
        }
        for (String literal : literals) {
            if (haystack.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    List<String> literals() {
        return List.of(literals);
    }

    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static List<String> topLevelBranches(String body) throws Unsupported {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(body, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new Unsupported();
                }
            } else if (c == '|' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new Unsupported();
        }
        out.add(body.substring(start));
        return out;
    }

    /** The longest run of characters every match of {@code branch} contains, in order. */
    private static String longestRun(String branch, boolean ci) throws Unsupported {
        String longest = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < branch.length()) {
            char c = branch.charAt(i);
            int next;
            boolean literal = false;
            if (c == '\\') {
                if (i + 1 >= branch.length()) {
                    throw new Unsupported();
                }
                char e = branch.charAt(i + 1);
                if ("bBdDsSwWAz".indexOf(e) < 0 && (Character.isLetterOrDigit(e) || e >= 128)) {
                    throw new Unsupported();
                }
                next = i + 2;
            } else if (c == '[') {
                next = endOfClass(branch, i) + 1;
            } else if (c == '(') {
                next = endOfGroup(branch, i) + 1;
            } else if (c == '.' || c == '^' || c == '$') {
                next = i + 1;
            } else if (c == '*' || c == '+' || c == '?' || c == ')' || c >= 128) {
                throw new Unsupported();
            } else {
                literal = c != '{' || repeatEnd(branch, i) < 0;
                if (!literal) {
                    throw new Unsupported();
                }
                next = i + 1;
            }
            int quantifierEnd = quantifierEnd(branch, next);
            boolean quantified = quantifierEnd > next;
            boolean optional = quantified && mayRepeatZeroTimes(branch, next);
            if (literal && !optional) {
                run.append(ci ? Character.toLowerCase(c) : c);
            }
            if (!literal || quantified) {
                if (run.length() > longest.length()) {
                    longest = run.toString();
                }
                run.setLength(0);
            }
            i = quantifierEnd;
        }
        return run.length() > longest.length() ? run.toString() : longest;
    }

    /** Index of the quantifier's end (after a lazy {@code ?}) starting at {@code at}, or at. */
    private static int quantifierEnd(String s, int at) throws Unsupported {
        if (at >= s.length()) {
            return at;
        }
        char c = s.charAt(at);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = at + 1;
        } else if (c == '{' && repeatEnd(s, at) >= 0) {
            end = repeatEnd(s, at) + 1;
        } else {
            return at;
        }
        if (end < s.length() && s.charAt(end) == '?') {
            end++;
        }
        if (end < s.length() && "*+?".indexOf(s.charAt(end)) >= 0) {
            throw new Unsupported();
        }
        return end;
    }

    private static boolean mayRepeatZeroTimes(String s, int at) {
        char c = s.charAt(at);
        if (c == '*' || c == '?') {
            return true;
        }
        if (c == '+') {
            return false;
        }
        int i = at + 1;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == '}') && i > at + 1;
    }

    /** End of a {@code {n}}, {@code {n,}} or {@code {n,m}} repeat at {@code at}, or -1. */
    private static int repeatEnd(String s, int at) {
        int i = at + 1;
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= s.length()) {
            return -1;
        }
        if (s.charAt(i) == '}') {
            return i;
        }
        if (s.charAt(i) != ',') {
            return -1;
        }
        i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '}' ? i : -1;
    }

    /** Index of the {@code ]} that closes the class opened at {@code at}. */
    private static int endOfClass(String s, int at) throws Unsupported {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                int close = s.indexOf(":]", i + 2);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 1;
            } else if (c == ']') {
                return i;
            }
        }
        throw new Unsupported();
    }

    /** Index of the {@code )} that closes the group opened at {@code at}. */
    private static int endOfGroup(String s, int at) throws Unsupported {
        int depth = 0;
        for (int i = at; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new Unsupported();
    }
}
