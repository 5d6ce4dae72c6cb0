package io.forewarn.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects of this JVM, by class: the class histogram that {@code jcmd PID
 * GC.class_histogram} prints, taken in-process through the DiagnosticCommand MBean. Taking it runs
 * a full collection first, so its total is the live heap, not the live heap plus whatever garbage
 * G1's marking has not reached (which the heap after a young collection includes, and which can
 * rise for minutes between two marking cycles at a steady load). The full collection pauses the JVM
 * (a few seconds for a few GB on 2 cores): callers take it where no latency is being measured.
 *
 * @param text the histogram as the JVM printed it
 * @param totalBytes the total of live objects' sizes
 * @param classes bytes and instances per class name (with its module, as printed)
 */
record LiveHeap(String text, long totalBytes, Map<String, long[]> classes) {

    /** Runs a full collection and returns the histogram of what survived it. */
    static LiveHeap take() {
        try {
            Object out =
                    ManagementFactory.getPlatformMBeanServer()
                            .invoke(
                                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                    "gcClassHistogram",
                                    new Object[] {new String[0]},
                                    new String[] {String[].class.getName()});
            return parse((String) out);
        } catch (JMException e) {
            throw new IllegalStateException("Could not take a class histogram of this JVM", e);
        }
    }

    /**
     * Parses the histogram's rows ({@code " 1: 123 4567 [B (java.base@17)"}) and its {@code Total}
     * row.
     */
    static LiveHeap parse(String text) {
        Map<String, long[]> classes = new LinkedHashMap<>();
        long total = -1;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+", 4);
            if (f.length >= 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            } else if (f.length == 4 && f[0].endsWith(":") && isNumber(f[1]) && isNumber(f[2])) {
                classes.merge(
                        f[3],
                        new long[] {Long.parseLong(f[2]), Long.parseLong(f[1])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException(
                    "A class histogram without a Total row: "
                            + text.substring(0, Math.min(200, text.length())));
        }
        return new LiveHeap(text, total, classes);
    }

    /**
     * The {@code top} classes whose live bytes changed most from {@code before} to this one,
     * largest change first, one line each: bytes and instances before and after.
     */
    String growthSince(LiveHeap before, int top) {
        Set<String> names = new HashSet<>(classes.keySet());
        names.addAll(before.classes.keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(
                Comparator.comparingLong((String n) -> -Math.abs(bytes(n) - before.bytes(n)))
                        .thenComparing(n -> n));
        StringBuilder out = new StringBuilder();
        for (String n : sorted.subList(0, Math.min(top, sorted.size()))) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%+,15d B  %,14d -> %,14d B  %,11d -> %,11d  %s%n",
                            bytes(n) - before.bytes(n),
                            before.bytes(n),
                            bytes(n),
                            before.instances(n),
                            instances(n),
                            n));
        }
        return out.toString();
    }

    long bytes(String className) {
        long[] v = classes.get(className);
        return v == null ? 0 : v[0];
    }

    long instances(String className) {
        long[] v = classes.get(className);
        return v == null ? 0 : v[1];
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
