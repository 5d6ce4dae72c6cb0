package io.forewarn.rules.parse;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as rule files write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code
 * 2d}.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    /** The duration, or null when the text is not one. */
    public static Duration parse(String text) {
        String t = text.trim();
        if (!WHOLE.matcher(t).matches()) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms" -> total = total.plusMillis(n);
                case "s" -> total = total.plusSeconds(n);
                case "m" -> total = total.plusMinutes(n);
                case "h" -> total = total.plusHours(n);
                default -> total = total.plusDays(n);
            }
        }
        return total;
    }

    /**
     * The shortest text that {@link #parse} reads back as the same duration, e.g. {@code 1m30s}.
     */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (ms < 0) {
            out.append('-');
            ms = -ms;
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                out.append(ms / units[i]).append(names[i]);
                ms %= units[i];
            }
        }
        return out.toString();
    }
}
