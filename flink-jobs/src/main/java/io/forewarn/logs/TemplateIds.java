package io.forewarn.logs;

/** Template ids as text (16 lower-case hex digits) and as the 64-bit numbers they spell. */
final class TemplateIds {

    private static final int DIGITS = 16;

    private TemplateIds() {}

    /**
     * The number an id spells. Ids the miner makes (16 lower-case hex digits) are read digit by
     * digit: this runs once per log line, and {@code Long.parseUnsignedLong(id, 16)}, which goes
     * through {@code Character.digit} for every digit, was a sixth of the log template stage's
     * time. Anything else goes to {@code parseUnsignedLong}, which reads other spellings or says
     * why not.
     */
    static long parse(String id) {
        if (id.length() == DIGITS) {
            long value = 0;
            for (int i = 0; i < DIGITS; i++) {
                char c = id.charAt(i);
                int digit;
                if (c >= '0' && c <= '9') {
                    digit = c - '0';
                } else if (c >= 'a' && c <= 'f') {
                    digit = c - 'a' + 10;
                } else {
                    return Long.parseUnsignedLong(id, 16);
                }
                value = value << 4 | digit;
            }
            return value;
        }
        return Long.parseUnsignedLong(id, 16);
    }

    static String format(long id) {
        String s = Long.toHexString(id);
        return s.length() == DIGITS ? s : "0".repeat(DIGITS - s.length()) + s;
    }
}
