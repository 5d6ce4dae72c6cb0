package io.forewarn.logs;

/** Template ids as text (16 lower-case hex digits) and as the 64-bit numbers they spell. */
final class TemplateIds {

    private TemplateIds() {}

    static long parse(String id) {
        return Long.parseUnsignedLong(id, 16);
    }

    static String format(long id) {
        String s = Long.toHexString(id);
        return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
    }
}
