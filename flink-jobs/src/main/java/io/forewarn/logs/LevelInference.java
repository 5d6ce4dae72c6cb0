package io.forewarn.logs;

import io.forewarn.schema.LogLevel;
import java.util.Locale;

/**
 * Infers a log level from a message for records that carry none ({@link LogLevel#UNKNOWN}): the
 * most severe keyword found as a whole word decides. FATAL: {@code fatal}, {@code panic}, {@code
 * critical}; ERROR: {@code error}, {@code errors}, {@code exception}, {@code failed}, {@code
 * failure}, {@code fail}, {@code refused}, {@code denied}, {@code unable}, {@code cannot}, {@code
 * timeout}, and class names ending in {@code Exception} or {@code Error}; WARN: {@code warn},
 * {@code warning}, {@code deprecated}, {@code retrying}. Otherwise the level stays UNKNOWN. A
 * heuristic: {@code "0 errors"} reads as an error.
 */
public final class LevelInference {

    private static final String[] FATAL = {"fatal", "panic", "critical"};
    private static final String[] ERROR = {
        "error",
        "errors",
        "exception",
        "failed",
        "failure",
        "fail",
        "refused",
        "denied",
        "unable",
        "cannot",
        "timeout"
    };
    private static final String[] WARN = {"warn", "warning", "deprecated", "retrying"};

    private LevelInference() {}

    /** The record's level when known, else the level inferred from its message. */
    public static LogLevel levelOf(LogLevel declared, String message) {
        return declared == LogLevel.UNKNOWN ? infer(message) : declared;
    }

    /** The most severe level whose keyword appears in {@code message}, or UNKNOWN. */
    public static LogLevel infer(String message) {
        LogLevel found = LogLevel.UNKNOWN;
        int n = message.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(message.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(message.charAt(i))) {
                i++;
            }
            if (i > start) {
                LogLevel level = levelOfWord(message.substring(start, i));
                if (level == LogLevel.FATAL) {
                    return level;
                }
                if (level != LogLevel.UNKNOWN
                        && (found == LogLevel.UNKNOWN || level.ordinal() > found.ordinal())) {
                    found = level;
                }
            }
        }
        return found;
    }

    /** Whether {@code level} is ERROR or FATAL. */
    public static boolean isError(LogLevel level) {
        return level == LogLevel.ERROR || level == LogLevel.FATAL;
    }

    /** The more severe of two levels; UNKNOWN is the least severe, so a known level always wins. */
    public static LogLevel mostSevere(LogLevel a, LogLevel b) {
        if (a == LogLevel.UNKNOWN) {
            return b;
        }
        if (b == LogLevel.UNKNOWN) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static LogLevel levelOfWord(String original) {
        if (original.endsWith("Exception") || original.endsWith("Error")) {
            return LogLevel
                    .ERROR; // a Java-style class name: SocketTimeoutException, OutOfMemoryError
        }
        String word = original.toLowerCase(Locale.ROOT);
        if (contains(FATAL, word)) {
            return LogLevel.FATAL;
        }
        if (contains(ERROR, word)) {
            return LogLevel.ERROR;
        }
        if (contains(WARN, word)) {
            return LogLevel.WARN;
        }
        return LogLevel.UNKNOWN;
    }

    private static boolean contains(String[] words, String word) {
        for (String w : words) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
