package io.forewarn.rules.compile;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.exceptions.CelInvalidArgumentException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL's {@code matches} for rules, with each regular expression compiled once. CEL's own binding
 * compiles the expression on every evaluation, which was half of the rules stage's time on a log
 * stream (rules test every WARN and ERROR message against constant patterns). The semantics are
 * CEL's with the rules' options: RE2 syntax, a match anywhere in the text ({@code
 * enableRegexPartialMatch}), an invalid expression is an evaluation error. Before the matcher runs,
 * a text must contain one of the expression's {@link RequiredLiterals}, when it has them.
 *
 * <p>The cache is shared by all rules of a task manager and bounded: at {@value #MAX_PATTERNS}
 * expressions (which only expressions built from record fields reach) it starts over.
 */
final class RegexCache {

    static final int MAX_PATTERNS = 1_000;

    /** A compiled expression with its literal prefilter (null if it has none). */
    record Compiled(Pattern pattern, RequiredLiterals literals) {
        boolean find(String text) {
            return (literals == null || literals.mayMatch(text)) && pattern.matcher(text).find();
        }
    }

    private static final Map<String, Compiled> PATTERNS = new ConcurrentHashMap<>();

    private RegexCache() {}

    /** Whether {@code regex} matches anywhere in {@code text}. */
    static boolean matches(String text, String regex) throws CelInvalidArgumentException {
        return compiled(regex).find(text);
    }

    static Compiled compiled(String regex) throws CelInvalidArgumentException {
        Compiled compiled = PATTERNS.get(regex);
        if (compiled == null) {
            try {
                compiled = new Compiled(Pattern.compile(regex), RequiredLiterals.of(regex));
            } catch (PatternSyntaxException e) {
                throw new CelInvalidArgumentException(e);
            }
            if (PATTERNS.size() >= MAX_PATTERNS) {
                PATTERNS.clear();
            }
            PATTERNS.put(regex, compiled);
        }
        return compiled;
    }

    static int size() {
        return PATTERNS.size();
    }
}
