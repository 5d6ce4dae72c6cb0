package io.forewarn.logs.template;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a message into whitespace-separated tokens and marks their variable segments in one
 * hand-written pass, without regular expressions (unless extra patterns are configured).
 *
 * <p>Each token is first stripped of leading brackets/quotes and trailing punctuation; the
 * remaining <em>core</em> is scanned left to right. At every segment boundary the recognisers for
 * URLs, paths, IP addresses, UUIDs, MAC-like hex groups, timestamps, host names and e-mail
 * addresses are tried; otherwise the next word ({@code [A-Za-z0-9_]} run, with dots between digits)
 * is classified as number, hex, version, identifier or constant. The value of a {@code key=value}
 * pair is masked as one unit when it contains a digit. A second pass joins multi-word variables: a
 * number with a size or duration unit, and syslog-style dates.
 */
final class TokenMasker {

    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    private static final int HEX_LETTER = 4;
    private static final int LEAD = 8;
    private static final int TRAIL = 16;

    /** Anything that needs the full scanner (not a letter, digit, '_', '-', '.' or apostrophe). */
    private static final int SPECIAL = 32;

    private static final int PATH_STOP = 64;
    private static final int VALUE_STOP = 128;
    private static final int AFTER_PATH_START = 256;
    private static final int AT = 512;
    private static final int COLON = 1024;
    private static final int SLASH = 2048;
    private static final int DOT = 4096;
    private static final int DASH = 8192;

    private static final int[] CLASS = new int[128];

    static {
        for (int c = 0; c < 128; c++) {
            if (Character.isLetter(c)) {
                CLASS[c] |= LETTER;
            } else if (Character.isDigit(c)) {
                CLASS[c] |= DIGIT;
            } else if (c != '_' && c != '-' && c != '.' && c != '\'') {
                CLASS[c] |= SPECIAL;
            }
        }
        for (char c : "abcdefABCDEF".toCharArray()) {
            CLASS[c] |= HEX_LETTER;
        }
        for (char c : "([{<'\"`".toCharArray()) {
            CLASS[c] |= LEAD;
        }
        for (char c : ")]}>'\",;:.!?`".toCharArray()) {
            CLASS[c] |= TRAIL;
        }
        for (char c : "'\"`)]},;<>|".toCharArray()) {
            CLASS[c] |= PATH_STOP;
        }
        for (char c : ",;&)]}'\"`".toCharArray()) {
            CLASS[c] |= VALUE_STOP;
        }
        for (char c : "([{=:'\",<".toCharArray()) {
            CLASS[c] |= AFTER_PATH_START;
        }
        CLASS['@'] |= AT;
        CLASS[':'] |= COLON;
        CLASS['/'] |= SLASH;
        CLASS['.'] |= DOT;
        CLASS['-'] |= DASH;
    }

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] BOOLEANS = {"true", "false", "null"};

    private final boolean number;
    private final boolean hex;
    private final boolean version;
    private final boolean identifier;
    private final boolean ip;
    private final boolean host;
    private final boolean url;
    private final boolean path;
    private final boolean email;
    private final boolean uuid;
    private final boolean mac;
    private final boolean timestamp;
    private final boolean size;
    private final boolean duration;
    private final boolean quoted;
    private final boolean bool;
    private final boolean keyValue;
    private final int identifierMinDigits;
    private final int hexMinLength;
    private final String[] sizeUnits;
    private final String[] durationUnits;
    private final Pattern[] extraPatterns;

    /** Character classes present in the core being scanned; lets recognisers bail out early. */
    private int coreBits;

    TokenMasker(MaskingConfig config) {
        number = config.isEnabled(MaskRule.NUMBER);
        hex = config.isEnabled(MaskRule.HEX);
        version = config.isEnabled(MaskRule.VERSION);
        identifier = config.isEnabled(MaskRule.IDENTIFIER);
        ip = config.isEnabled(MaskRule.IP);
        host = config.isEnabled(MaskRule.HOST);
        url = config.isEnabled(MaskRule.URL);
        path = config.isEnabled(MaskRule.PATH);
        email = config.isEnabled(MaskRule.EMAIL);
        uuid = config.isEnabled(MaskRule.UUID);
        mac = config.isEnabled(MaskRule.MAC);
        timestamp = config.isEnabled(MaskRule.TIMESTAMP);
        size = config.isEnabled(MaskRule.SIZE);
        duration = config.isEnabled(MaskRule.DURATION);
        quoted = config.isEnabled(MaskRule.QUOTED);
        bool = config.isEnabled(MaskRule.BOOLEAN);
        keyValue = config.isEnabled(MaskRule.KEY_VALUE);
        identifierMinDigits = config.identifierMinDigits();
        hexMinLength = config.hexMinLength();
        sizeUnits = config.sizeUnits().toArray(new String[0]);
        durationUnits = config.durationUnits().toArray(new String[0]);
        List<Pattern> extra = config.extraPatterns();
        extraPatterns = extra.toArray(new Pattern[0]);
    }

    /** Tokenises and masks {@code text} into {@code out} (which is reset first). */
    void tokenize(String text, TokenBuffer out) {
        out.reset(text);
        char[] s = out.chars;
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isSpace(s[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int from = i;
            while (i < n && !isSpace(s[i])) {
                i++;
            }
            maskToken(s, from, i, out);
        }
        if (size || duration || timestamp) {
            joinMultiWordVariables(s, out);
        }
        out.finish();
    }

    /** ASCII control/space plus the common Unicode spaces (no-break, en/em/ideographic). */
    static boolean isSpace(char c) {
        return c <= ' '
                || (c >= 128
                        && (c == '\u00a0' || c == '\u3000' || (c >= '\u2000' && c <= '\u200b')));
    }

    private static int cls(char c) {
        return c < 128 ? CLASS[c] : LETTER;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Non-ASCII characters count as letters (words of other scripts are constant text). */
    private static boolean isLetter(char c) {
        return c >= 128 || (CLASS[c] & LETTER) != 0;
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c < 128 && (CLASS[c] & HEX_LETTER) != 0);
    }

    private static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }

    // ------------------------------------------------------------------ one token

    private void maskToken(char[] s, int from, int to, TokenBuffer out) {
        out.addToken(from, to);
        int i = from;
        int j = to;
        while (i < j && (cls(s[i]) & LEAD) != 0) {
            i++;
        }
        while (j > i && (cls(s[j - 1]) & TRAIL) != 0) {
            j--;
        }
        int t = out.size - 1;
        out.coreStart[t] = i;
        out.coreEnd[t] = j;
        if (i == j) {
            return;
        }
        if (quoted && maskQuoted(s, from, to, out)) {
            return;
        }
        int bits = 0;
        for (int k = i; k < j; k++) {
            bits |= cls(s[k]);
        }
        if ((bits & (DIGIT | SPECIAL)) == 0) {
            if (bool && isBooleanLiteral(s, i, j)) {
                out.addSegment(i, j);
            }
        } else {
            coreBits = bits;
            scanCore(s, i, j, out);
            extendTrailingPathDots(s, j, to, out);
        }
        if (extraPatterns.length > 0
                && !(out.segments(t) == 1
                        && out.segStart[out.segFrom[t]] == i
                        && out.segEnd[out.segFrom[t]] == j)) {
            applyExtraPatterns(s, i, j, out);
        }
    }

    /**
     * A token that starts with a quote ({@code '}, {@code "}, {@code `} or the octal escapes {@code
     * \042}, {@code \047}) and has the same quote among its trailing characters: when the quoted
     * text contains digits or path separators, it is masked between the quotes. Returns true when
     * it masked.
     */
    private boolean maskQuoted(char[] s, int from, int to, TokenBuffer out) {
        int quoteLength = quoteAt(s, from, to);
        if (quoteLength == 0) {
            return false;
        }
        int close = to - quoteLength;
        while (close > from && !regionEquals(s, close, s, from, quoteLength)) {
            close--;
        }
        int contentStart = from + quoteLength;
        if (close <= contentStart) {
            return false;
        }
        for (int k = close + quoteLength; k < to; k++) {
            if ((cls(s[k]) & TRAIL) == 0) {
                return false;
            }
        }
        for (int k = contentStart; k < close; k++) {
            char c = s[k];
            if (isDigit(c) || c == '/' || c == '\\') {
                out.addSegment(contentStart, close);
                return true;
            }
        }
        return false;
    }

    private static int quoteAt(char[] s, int p, int to) {
        char c = s[p];
        if (c == '\'' || c == '"' || c == '`') {
            return 1;
        }
        if (c == '\\'
                && p + 4 <= to
                && s[p + 1] == '0'
                && s[p + 2] == '4'
                && (s[p + 3] == '2' || s[p + 3] == '7')) {
            return 4;
        }
        return 0;
    }

    private void applyExtraPatterns(char[] s, int i, int j, TokenBuffer out) {
        CharSequence core = java.nio.CharBuffer.wrap(s, i, j - i);
        for (Pattern p : extraPatterns) {
            if (p.matcher(core).matches()) {
                out.replaceSegments(i, j);
                return;
            }
        }
    }

    /** A path ending a sentence keeps its trailing dots ("/a/part-0001." is one path). */
    private void extendTrailingPathDots(char[] s, int coreTo, int to, TokenBuffer out) {
        int t = out.size - 1;
        int last = out.segTo[t] - 1;
        if (last < out.segFrom[t]
                || out.segEnd[last] != coreTo
                || coreTo >= to
                || s[coreTo] != '.') {
            return;
        }
        if (!startsPath(s, out.segStart[last], out.coreStart[t], to)) {
            return;
        }
        int e = coreTo;
        while (e < to && s[e] == '.') {
            e++;
        }
        out.segEnd[last] = e;
    }

    private void scanCore(char[] s, int i, int j, TokenBuffer out) {
        int p = i;
        while (p < j) {
            char c = s[p];
            boolean boundary = p == i || !isWordChar(s[p - 1]);
            if (isWordChar(c)) {
                int q = wordEnd(s, p, j);
                // recognisers need a separator right after the first word (1.2.3.4:80, a@b.c, x://)
                if (boundary && q < j && isRecognizerSeparator(s[q])) {
                    int v = recognize(s, p, i, j);
                    if (v > p) {
                        out.addSegment(p, v);
                        p = v;
                        continue;
                    }
                }
                if (q < j && s[q] == '=' && !isDigit(c)) { // a key: constant
                    p = scanValue(s, q + 1, j, out);
                    continue;
                }
                if (boundary && isVariableWord(s, p, q)) {
                    out.addSegment(p, q);
                }
                p = q;
                continue;
            }
            if (boundary) {
                int v = recognize(s, p, i, j);
                if (v > p) {
                    out.addSegment(p, v);
                    p = v;
                    continue;
                }
            }
            if (c == '=') {
                p = scanValue(s, p + 1, j, out);
            } else if (c == '\\'
                    && p + 3 < j
                    && isOctal(s, p + 1)
                    && isOctal(s, p + 2)
                    && isOctal(s, p + 3)) {
                p += 4; // octal escape such as \042 is punctuation, not a number
            } else {
                p++;
            }
        }
    }

    private static boolean isRecognizerSeparator(char c) {
        return c == '.' || c == ':' || c == '-' || c == '@' || c == '/' || c == '+' || c == '%'
                || c == '\\';
    }

    private static boolean isOctal(char[] s, int k) {
        char c = s[k];
        return c >= '0' && c <= '7';
    }

    /** Handles the text after '=': masked whole when it holds a digit, else scanned normally. */
    private int scanValue(char[] s, int v, int j, TokenBuffer out) {
        if (!keyValue) {
            return v;
        }
        while (v < j
                && !isAlnum(s[v])
                && (cls(s[v]) & VALUE_STOP) == 0
                && s[v] != '-'
                && s[v] != '/') {
            v++;
        }
        int e = v;
        while (e < j && (cls(s[e]) & VALUE_STOP) == 0) {
            e++;
        }
        if (e > v && (hasDigit(s, v, e) || (bool && isBooleanLiteral(s, v, e)))) {
            out.addSegment(v, e);
            return e;
        }
        return v;
    }

    private static boolean hasDigit(char[] s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (isDigit(s[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * End of the word starting at {@code p}: word characters, a dot between a digit and a digit
     * ({@code 1.2}), and a minus sign after an underscore ({@code blk_-42}).
     */
    private static int wordEnd(char[] s, int p, int j) {
        int q = p;
        while (q < j) {
            char c = s[q];
            if (isWordChar(c)) {
                q++;
            } else if ((c == '.' || c == '-')
                    && q + 1 < j
                    && isDigit(s[q + 1])
                    && q > p
                    && (c == '.' ? isDigit(s[q - 1]) : s[q - 1] == '_')) {
                q++;
            } else {
                break;
            }
        }
        return q;
    }

    private boolean isVariableWord(char[] s, int p, int q) {
        int digits = 0;
        boolean dotted = false;
        boolean allHex = true;
        for (int k = p; k < q; k++) {
            char c = s[k];
            if (isDigit(c)) {
                digits++;
            } else if (c == '.') {
                dotted = true;
            } else if (!isHexDigit(c)) {
                allHex = false;
            }
        }
        if (digits == 0) {
            return bool && isBooleanLiteral(s, p, q);
        }
        char first = s[p];
        if (isDigit(first)) {
            return number || (hex && allHex);
        }
        if (dotted) {
            return version;
        }
        if (hex && allHex && digits >= 2 && q - p >= hexMinLength) {
            return true;
        }
        return identifier && digits >= identifierMinDigits;
    }

    private static boolean regionEquals(char[] a, int ai, char[] b, int bi, int len) {
        for (int k = 0; k < len; k++) {
            if (a[ai + k] != b[bi + k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsIgnoreCase(char[] s, int p, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(s[p + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBooleanLiteral(char[] s, int p, int q) {
        int len = q - p;
        char c = (char) (s[p] | 0x20);
        if ((len != 4 && len != 5) || (c != 't' && c != 'f' && c != 'n')) {
            return false;
        }
        for (String b : BOOLEANS) {
            if (q - p == b.length() && equalsIgnoreCase(s, p, b)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ recognisers

    /** Returns the end of a variable that starts at boundary {@code p}, or -1. */
    private int recognize(char[] s, int p, int i, int j) {
        char c = s[p];
        int q;
        if (path && startsPath(s, p, i, j)) {
            return pathEnd(s, p, j);
        }
        if ((c == '-' || c == '+') && number && p + 1 < j && isDigit(s[p + 1])) {
            q = wordEnd(s, p + 1, j);
            return isCleanEnd(s, q, j) ? q : -1;
        }
        if (!isAlnum(c)) {
            return -1;
        }
        int bits = coreBits;
        if (url
                && (bits & (COLON | SLASH)) == (COLON | SLASH)
                && isLetter(c)
                && (q = matchUrl(s, p, j)) > 0) {
            return q;
        }
        if (isHexDigit(c)) {
            if (uuid && (bits & DASH) != 0 && (q = matchUuid(s, p, j)) > 0) {
                return q;
            }
            if (mac && (bits & (COLON | DASH)) != 0 && (q = matchHexGroups(s, p, j)) > 0) {
                return q;
            }
            if (ip && (bits & COLON) != 0 && (q = matchIpv6(s, p, j)) > 0) {
                return q;
            }
        }
        if (isDigit(c)) {
            if (ip && (bits & DOT) != 0 && (q = matchIpv4(s, p, j)) > 0) {
                return q;
            }
            if (timestamp && ((q = matchDate(s, p, j)) > 0 || (q = matchTime(s, p, i, j)) > 0)) {
                return q;
            }
        }
        if (email && (bits & AT) != 0 && (q = matchEmail(s, p, j)) > 0) {
            return q;
        }
        if (host && (bits & DOT) != 0 && (q = matchHost(s, p, j)) > 0) {
            return q;
        }
        return -1;
    }

    /** A variable may end at the core end or before a character that cannot continue a word. */
    private static boolean isCleanEnd(char[] s, int q, int j) {
        if (q >= j) {
            return true;
        }
        char c = s[q];
        if (isWordChar(c)) {
            return false;
        }
        return !(c == '.' && q + 1 < j && isAlnum(s[q + 1]));
    }

    private static boolean startsPath(char[] s, int p, int i, int n) {
        char c = s[p];
        if (c == '/') {
            return p + 1 < n
                    && !isSpace(s[p + 1])
                    && (cls(s[p + 1]) & PATH_STOP) == 0
                    && (p == i || (cls(s[p - 1]) & AFTER_PATH_START) != 0);
        }
        if (c == '\\') {
            return p + 1 < n && s[p + 1] == '\\';
        }
        if (c == '.' || c == '~') {
            return (p + 1 < n && s[p + 1] == '/')
                    || (c == '.' && p + 2 < n && s[p + 1] == '.' && s[p + 2] == '/');
        }
        return isLetter(c)
                && (p == i || !isWordChar(s[p - 1]))
                && p + 2 < n
                && s[p + 1] == ':'
                && s[p + 2] == '\\';
    }

    private static int pathEnd(char[] s, int p, int j) {
        int q = p + 1;
        while (q < j && (cls(s[q]) & PATH_STOP) == 0) {
            q++;
        }
        return q;
    }

    private static int matchUrl(char[] s, int p, int j) {
        int q = p;
        while (q < j) {
            char c = s[q];
            if (isAlnum(c) || c == '+' || c == '.' || c == '-') {
                q++;
            } else {
                break;
            }
        }
        if (q + 3 < j && s[q] == ':' && s[q + 1] == '/' && s[q + 2] == '/' && !isSpace(s[q + 3])) {
            return j;
        }
        return -1;
    }

    private static int hexRun(char[] s, int p, int j) {
        int q = p;
        while (q < j && isHexDigit(s[q])) {
            q++;
        }
        return q - p;
    }

    private static int matchUuid(char[] s, int p, int j) {
        int[] groups = {8, 4, 4, 4, 12};
        int q = p;
        for (int g = 0; g < groups.length; g++) {
            if (hexRun(s, q, j) != groups[g]) {
                return -1;
            }
            q += groups[g];
            if (g < groups.length - 1) {
                if (q >= j || s[q] != '-') {
                    return -1;
                }
                q++;
            }
        }
        return isCleanEnd(s, q, j) ? q : -1;
    }

    /** Four or more two-digit hex groups joined by one kind of separator (MAC addresses). */
    private static int matchHexGroups(char[] s, int p, int j) {
        if (hexRun(s, p, j) != 2 || p + 2 >= j) {
            return -1;
        }
        char sep = s[p + 2];
        if (sep != ':' && sep != '-') {
            return -1;
        }
        int q = p + 2;
        int groups = 1;
        while (q < j && s[q] == sep && hexRun(s, q + 1, j) == 2) {
            q += 3;
            groups++;
        }
        return groups >= 4 && isCleanEnd(s, q, j) ? q : -1;
    }

    private static int matchIpv6(char[] s, int p, int j) {
        int q = p;
        int colons = 0;
        boolean doubleColon = false;
        while (q < j) {
            char c = s[q];
            if (c == ':') {
                colons++;
                if (q + 1 < j && s[q + 1] == ':') {
                    doubleColon = true;
                }
            } else if (!isHexDigit(c)) {
                break;
            }
            q++;
        }
        if (colons >= 2 && (doubleColon || colons == 7) && isCleanEnd(s, q, j)) {
            return q;
        }
        return -1;
    }

    private static int digitRun(char[] s, int p, int j) {
        int q = p;
        while (q < j && isDigit(s[q])) {
            q++;
        }
        return q - p;
    }

    private static int matchIpv4(char[] s, int p, int j) {
        int q = p;
        for (int g = 0; g < 4; g++) {
            int d = digitRun(s, q, j);
            if (d < 1 || d > 3) {
                return -1;
            }
            q += d;
            if (g < 3) {
                if (q >= j || s[q] != '.') {
                    return -1;
                }
                q++;
            }
        }
        q = optionalPort(s, q, j);
        return isCleanEnd(s, q, j) ? q : -1;
    }

    private static int optionalPort(char[] s, int q, int j) {
        if (q + 1 < j && s[q] == ':') {
            int d = digitRun(s, q + 1, j);
            if (d >= 1 && d <= 5 && isCleanEnd(s, q + 1 + d, j)) {
                return q + 1 + d;
            }
        }
        return q;
    }

    /** {@code YYYY-MM-DD} (or / .) with an optional time part. */
    private static int matchDate(char[] s, int p, int j) {
        if (digitRun(s, p, j) != 4 || p + 10 > j) {
            return -1;
        }
        char sep = s[p + 4];
        if ((sep != '-' && sep != '/' && sep != '.')
                || digitRun(s, p + 5, j) != 2
                || s[p + 7] != sep
                || digitRun(s, p + 8, j) != 2) {
            return -1;
        }
        int q = p + 10;
        if (q + 1 < j && "T-_:".indexOf(s[q]) >= 0) {
            int t = matchClock(s, q + 1, j, true);
            if (t > 0) {
                q = t;
            }
        }
        return isCleanEnd(s, q, j) ? q : -1;
    }

    /** {@code H:MM[:SS][.fff]} not glued to other colon-separated numbers. */
    private static int matchTime(char[] s, int p, int i, int j) {
        if (p > i && s[p - 1] == ':') {
            return -1;
        }
        int q = matchClock(s, p, j, false);
        if (q < 0 || (q + 1 < j && s[q] == ':' && isDigit(s[q + 1]))) {
            return -1;
        }
        return isCleanEnd(s, q, j) ? q : -1;
    }

    private static int matchClock(char[] s, int p, int j, boolean dotsAllowed) {
        int h = digitRun(s, p, j);
        if (h < 1 || h > 2) {
            return -1;
        }
        int q = p + h;
        int parts = 1;
        while (parts < 3 && q + 2 < j) {
            char sep = s[q];
            if ((sep != ':' && !(dotsAllowed && sep == '.')) || digitRun(s, q + 1, j) != 2) {
                break;
            }
            q += 3;
            parts++;
        }
        if (parts < 2) {
            return -1;
        }
        if (q + 1 < j && (s[q] == '.' || s[q] == ',') && isDigit(s[q + 1])) {
            q += 1 + digitRun(s, q + 1, j);
        }
        if (q < j && s[q] == 'Z') {
            q++;
        }
        return q;
    }

    private static int matchEmail(char[] s, int p, int j) {
        int q = p;
        while (q < j) {
            char c = s[q];
            if (isWordChar(c) || c == '.' || c == '%' || c == '+' || c == '-') {
                q++;
            } else {
                break;
            }
        }
        if (q == p || q >= j || s[q] != '@') {
            return -1;
        }
        int end = domainEnd(s, q + 1, j);
        return end > 0 && isCleanEnd(s, end, j) ? end : -1;
    }

    /** End of a dotted domain whose last label is alphabetic, or -1. */
    private static int domainEnd(char[] s, int p, int j) {
        int q = p;
        int dots = 0;
        int labelStart = p;
        while (q < j) {
            char c = s[q];
            if (isAlnum(c) || c == '-') {
                q++;
            } else if (c == '.' && q + 1 < j && isAlnum(s[q + 1]) && q > labelStart) {
                dots++;
                q++;
                labelStart = q;
            } else {
                break;
            }
        }
        if (dots == 0 || q - labelStart < 2) {
            return -1;
        }
        for (int k = labelStart; k < q; k++) {
            if (!isLetter(s[k])) {
                return -1;
            }
        }
        return q;
    }

    /**
     * {@code name.domain:port}, or a name with at least two dots, digits in its first label and a
     * lower-case alphabetic last label ({@code 061092085098.ctinets.com}).
     */
    private static int matchHost(char[] s, int p, int j) {
        int q = p;
        int dots = 0;
        boolean letter = false;
        boolean digitInFirstLabel = false;
        int lastLabel = p;
        while (q < j) {
            char c = s[q];
            if (isLetter(c) || c == '-') {
                letter |= c != '-';
                q++;
            } else if (isDigit(c)) {
                digitInFirstLabel |= dots == 0;
                q++;
            } else if (c == '.' && q + 1 < j && isAlnum(s[q + 1]) && q > lastLabel) {
                dots++;
                q++;
                lastLabel = q;
            } else {
                break;
            }
        }
        if (dots == 0 || !letter) {
            return -1;
        }
        int withPort = optionalPort(s, q, j);
        if (withPort > q) {
            return isCleanEnd(s, withPort, j) ? withPort : -1;
        }
        if (dots < 2 || !digitInFirstLabel || q - lastLabel < 2) {
            return -1;
        }
        for (int k = lastLabel; k < q; k++) {
            char c = s[k];
            if (c < 'a' || c > 'z') {
                return -1;
            }
        }
        return isCleanEnd(s, q, j) ? q : -1;
    }

    // ------------------------------------------------------------------ multi-word variables

    /**
     * Joins number + unit ({@code 474 bytes}, {@code <1 sec}, {@code 9 bytes (3.9 KB)}) and syslog
     * dates ({@code Tue Jul 26 05:47:42 2005}) into single variable tokens.
     */
    private void joinMultiWordVariables(char[] s, TokenBuffer b) {
        int n = b.size;
        int w = 0;
        for (int r = 0; r < n; ) {
            int used = 0;
            if (timestamp) {
                used = joinDate(s, b, r, n, w);
            }
            if (used == 0 && (size || duration)) {
                used = joinQuantity(s, b, r, n, w);
            }
            if (used == 0) {
                if (w != r) {
                    b.move(r, w);
                }
                used = 1;
            }
            r += used;
            w++;
        }
        b.size = w;
    }

    private static boolean coreIs(char[] s, TokenBuffer b, int t, String word) {
        int len = b.coreEnd[t] - b.coreStart[t];
        if (len != word.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (s[b.coreStart[t] + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coreIn(char[] s, TokenBuffer b, int t, String[] words) {
        for (String w : words) {
            if (coreIs(s, b, t, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumberCore(char[] s, TokenBuffer b, int t) {
        int p = b.coreStart[t];
        int q = b.coreEnd[t];
        if (p < q && (s[p] == '-' || s[p] == '+')) {
            p++;
        }
        if (p >= q || !isDigit(s[p])) {
            return false;
        }
        boolean dot = false;
        for (int k = p; k < q; k++) {
            char c = s[k];
            if (c == '.' && !dot && k + 1 < q) {
                dot = true;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNoTrail(TokenBuffer b, int t) {
        return b.coreEnd[t] == b.end[t];
    }

    private static boolean hasNoLead(TokenBuffer b, int t) {
        return b.coreStart[t] == b.start[t];
    }

    private int joinQuantity(char[] s, TokenBuffer b, int r, int n, int w) {
        char first = s[b.coreStart[r]];
        if (!isDigit(first) && first != '-' && first != '+') {
            return 0;
        }
        if (r + 1 >= n || !hasNoTrail(b, r) || !hasNoLead(b, r + 1) || !isNumberCore(s, b, r)) {
            return 0;
        }
        boolean isSize = size && coreIn(s, b, r + 1, sizeUnits);
        if (!isSize && !(duration && coreIn(s, b, r + 1, durationUnits))) {
            return 0;
        }
        int varStart = b.coreStart[r];
        if (varStart > b.start[r]) {
            char lead = s[varStart - 1];
            if (lead == '<' || lead == '>' || lead == '~') {
                varStart--;
            }
        }
        int last = r + 1;
        int varEnd = b.coreEnd[last];
        // optional parenthesised alternative: 14267 bytes (13.9 KB)
        if (isSize
                && hasNoTrail(b, last)
                && r + 3 < n
                && b.coreStart[r + 2] == b.start[r + 2] + 1
                && s[b.start[r + 2]] == '('
                && hasNoTrail(b, r + 2)
                && isNumberCore(s, b, r + 2)
                && hasNoLead(b, r + 3)
                && coreIn(s, b, r + 3, sizeUnits)
                && b.coreEnd[r + 3] < b.end[r + 3]
                && s[b.coreEnd[r + 3]] == ')') {
            last = r + 3;
            varEnd = b.coreEnd[last] + 1;
        }
        merge(b, r, last, w, varStart, varEnd);
        return last - r + 1;
    }

    private int joinDate(char[] s, TokenBuffer b, int r, int n, int w) {
        if (b.coreEnd[r] - b.coreStart[r] != 3
                || s[b.coreStart[r]] < 'A'
                || s[b.coreStart[r]] > 'Z') {
            return 0; // dates start with a weekday or month abbreviation
        }
        int t = r;
        if (coreIn(s, b, t, WEEKDAYS) && hasNoTrail(b, t)) {
            t++;
        }
        if (t + 2 >= n || !coreIn(s, b, t, MONTHS) || !hasNoTrail(b, t)) {
            return 0;
        }
        int day = t + 1;
        if (!hasNoTrail(b, day) || !isShortNumber(s, b, day)) {
            return 0;
        }
        int time = day + 1;
        if (matchClock(s, b.coreStart[time], b.coreEnd[time], false) != b.coreEnd[time]) {
            return 0;
        }
        int last = time;
        if (hasNoTrail(b, last)
                && last + 2 < n
                && isUpperWord(s, b, last + 1)
                && isYear(s, b, last + 2)) {
            last += 2;
        } else if (hasNoTrail(b, last) && last + 1 < n && isYear(s, b, last + 1)) {
            last += 1;
        }
        merge(b, r, last, w, b.coreStart[r], b.coreEnd[last]);
        return last - r + 1;
    }

    private static boolean isShortNumber(char[] s, TokenBuffer b, int t) {
        int len = b.coreEnd[t] - b.coreStart[t];
        return (len == 1 || len == 2) && digitRun(s, b.coreStart[t], b.coreEnd[t]) == len;
    }

    private static boolean isYear(char[] s, TokenBuffer b, int t) {
        return b.coreEnd[t] - b.coreStart[t] == 4 && digitRun(s, b.coreStart[t], b.coreEnd[t]) == 4;
    }

    private static boolean isUpperWord(char[] s, TokenBuffer b, int t) {
        int len = b.coreEnd[t] - b.coreStart[t];
        if (len < 2 || len > 5 || !hasNoTrail(b, t)) {
            return false;
        }
        for (int k = b.coreStart[t]; k < b.coreEnd[t]; k++) {
            char c = s[k];
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static void merge(TokenBuffer b, int first, int last, int w, int varStart, int varEnd) {
        int from = b.start[first];
        int to = b.end[last];
        b.start[w] = from;
        b.end[w] = to;
        b.coreStart[w] = varStart;
        b.coreEnd[w] = varEnd;
        b.setSingleSegment(w, varStart, varEnd);
    }
}
