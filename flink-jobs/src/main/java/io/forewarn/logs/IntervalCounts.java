package io.forewarn.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/** Lines of one rate interval of one service: in total and per template id. */
final class IntervalCounts {

    long lines;
    final Map<String, long[]> perTemplate = new LinkedHashMap<>();

    void add(String templateId) {
        lines++;
        long[] count = perTemplate.get(templateId);
        if (count == null) {
            perTemplate.put(templateId, new long[] {1});
        } else {
            count[0]++;
        }
    }

    /** Moves the lines of {@code from} to {@code to} (a template merged into another). */
    void rename(String from, String to) {
        long[] moved = perTemplate.remove(from);
        if (moved != null) {
            perTemplate.computeIfAbsent(to, k -> new long[1])[0] += moved[0];
        }
    }
}
