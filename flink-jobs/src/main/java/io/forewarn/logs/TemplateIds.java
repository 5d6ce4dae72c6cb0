package io.forewarn.logs;

import java.util.HexFormat;

/** Template ids as text (16 lower-case hex digits) and as the 64-bit numbers they spell. */
final class TemplateIds {

    private static final int DIGITS = 16;

    private TemplateIds() {}

    /**
     * The number an id spells. This runs once per log line: {@code Long.parseUnsignedLong(id, 16)},
     * which goes through {@code Character.digit} for every digit, was a sixth of the log template
     * stage's time, so ids of 16 hex digits are read with {@link HexFormat}'s table. Anything else,
     * and an id {@link HexFormat} refuses, goes to {@code parseUnsignedLong}, which reads other
     * spellings or says why not.
     */
    static long parse(String id) {
        if (id.length() == DIGITS) {
            try {
                return HexFormat.fromHexDigitsToLong(id);
            } catch (IllegalArgumentException notHex) {
                // parseUnsignedLong below reports it as a NumberFormatException.
            }
        }
        return Long.parseUnsignedLong(id, 16);
    }

    static String format(long id) {
        String s = Long.toHexString(id);
        return s.length() == DIGITS ? s : "0".repeat(DIGITS - s.length()) + s;
    }
}
