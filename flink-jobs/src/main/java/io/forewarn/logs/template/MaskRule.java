package io.forewarn.logs.template;

/**
 * The classes of variable text that the masker recognises. Every rule is enabled by default; a
 * {@link MaskingConfig} may disable some of them per source.
 */
public enum MaskRule {
    /**
     * Integers, decimals, signed numbers and words that start with a digit ({@code 42}, {@code -7},
     * {@code 0.5}, {@code 16K}).
     */
    NUMBER,
    /**
     * {@code 0x}-prefixed hex and bare hex strings with at least two digits ({@code 0x1f}, {@code
     * ffff3000}).
     */
    HEX,
    /** Dotted versions ({@code 1.2.3}, {@code v6.1.7601}). */
    VERSION,
    /**
     * Identifiers that contain several digits ({@code blk_-42}, {@code storage1024}, {@code
     * rdd_11_0}).
     */
    IDENTIFIER,
    /** IPv4 addresses with optional port, and IPv6 addresses. */
    IP,
    /** Host names that contain digits, and {@code host:port}. */
    HOST,
    /** URLs ({@code scheme://...}). */
    URL,
    /** Unix and Windows file paths ({@code /a/b}, {@code ./x}, {@code C:\dir}). */
    PATH,
    /** E-mail addresses. */
    EMAIL,
    /** UUIDs ({@code 8-4-4-4-12} hex). */
    UUID,
    /** MAC addresses and similar colon/dash separated hex byte groups. */
    MAC,
    /** Dates, times and syslog-style multi-word timestamps ({@code Tue Jul 26 05:47:42 2005}). */
    TIMESTAMP,
    /**
     * A number followed by a size unit, with an optional parenthesised alternative ({@code 474
     * bytes}, {@code 9 bytes (3.9 KB)}).
     */
    SIZE,
    /**
     * A number, optionally prefixed by a comparator, followed by a duration unit symbol ({@code 21
     * ms}, {@code <1 sec}).
     */
    DURATION,
    /** The content of single- or double-quoted strings that contain digits or path characters. */
    QUOTED,
    /** Literals {@code true}, {@code false}, {@code null} in any letter case. */
    BOOLEAN,
    /** The value after {@code key=} is masked as one unit when it contains a digit. */
    KEY_VALUE
}
