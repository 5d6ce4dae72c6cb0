package io.forewarn.logs.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log header layout in the Loghub {@code formats.json} syntax, e.g. {@code <Date> <Time> <Level>
 * <Component>: <Content>}. Each {@code <Name>} becomes a lazily matched field, runs of spaces match
 * any whitespace, and other text is taken as a regular expression fragment (so {@code (\[<PID>\])?}
 * and {@code \|} work). Only the {@code Content} field is mined; a line that does not fit the
 * layout is returned whole as its content with {@link ParsedLine#matched()} false.
 */
public final class LogFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");
    private static final String CONTENT = "Content";

    private final String format;
    private final Pattern pattern;
    private final List<String> fieldNames;

    private LogFormat(String format, Pattern pattern, List<String> fieldNames) {
        this.format = format;
        this.pattern = pattern;
        this.fieldNames = fieldNames;
    }

    /**
     * Compiles a layout.
     *
     * @throws IllegalArgumentException if it has no {@code <Content>} field or is not a valid
     *     pattern
     */
    public static LogFormat compile(String format) {
        StringBuilder regex = new StringBuilder("^");
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(format);
        int pos = 0;
        while (m.find()) {
            regex.append(format.substring(pos, m.start()).replaceAll(" +", "\\\\s+"));
            regex.append("(?<g").append(names.size()).append(">.*?)");
            names.add(m.group(1));
            pos = m.end();
        }
        regex.append(format.substring(pos).replaceAll(" +", "\\\\s+")).append('$');
        if (!names.contains(CONTENT)) {
            throw new IllegalArgumentException("Log format has no <Content> field: " + format);
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        // Every field must be a group; one written inside [...] is not. The empty alternative
        // makes the probe match, so group(name) reports unknown names instead of "no match".
        Matcher probe = Pattern.compile("(?:" + regex + ")|", Pattern.DOTALL).matcher("");
        probe.matches();
        for (int i = 0; i < names.size(); i++) {
            try {
                probe.group("g" + i);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Log format field <"
                                + names.get(i)
                                + "> is inside a character class (escape '[' and ']' as '\\['"
                                + " and '\\]'): "
                                + format,
                        e);
            }
        }
        return new LogFormat(format, pattern, Collections.unmodifiableList(names));
    }

    /** Splits a raw line (surrounding whitespace ignored) into header fields and content. */
    public ParsedLine parse(String line) {
        String trimmed = line.strip();
        Matcher m = pattern.matcher(trimmed);
        if (!m.matches()) {
            return new ParsedLine(false, trimmed, Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String content = "";
        for (int i = 0; i < fieldNames.size(); i++) {
            String value = m.group("g" + i);
            value = value == null ? "" : value;
            if (fieldNames.get(i).equals(CONTENT)) {
                content = value;
            } else {
                fields.put(fieldNames.get(i), value);
            }
        }
        return new ParsedLine(true, content, Collections.unmodifiableMap(fields));
    }

    /** The field names in layout order, {@code Content} included. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    @Override
    public String toString() {
        return format;
    }

    /**
     * One parsed line.
     *
     * @param matched whether the line fitted the layout (otherwise {@code content} is the whole
     *     line)
     * @param content the message to mine
     * @param fields header fields by name (empty when not matched)
     */
    public record ParsedLine(boolean matched, String content, Map<String, String> fields) {}
}
