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
 * enableRegexPartialMatch}), an invalid expression is an evaluation error.
 *
 * <p>The cache is shared by all rules of a task manager and bounded: at {@value #MAX_PATTERNS}
 * expressions (which only expressions built from record fields reach) it starts over.
 */
final class RegexCache {

    static final int MAX_PATTERNS = 1_000;

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private RegexCache() {}

    /** Whether {@code regex} matches anywhere in {@code text}. */
    static boolean matches(String text, String regex) throws CelInvalidArgumentException {
        return pattern(regex).matcher(text).find();
    }

    static Pattern pattern(String regex) throws CelInvalidArgumentException {
        Pattern pattern = PATTERNS.get(regex);
        if (pattern == null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new CelInvalidArgumentException(e);
            }
            if (PATTERNS.size() >= MAX_PATTERNS) {
                PATTERNS.clear();
            }
            PATTERNS.put(regex, pattern);
        }
        return pattern;
    }

    static int size() {
        return PATTERNS.size();
    }
}
