package io.forewarn.rules.runtime;

import io.forewarn.schema.MetricSample;
import io.forewarn.schema.state.RuleRecord;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives the metric samples the rule operator decodes one shared instance of each label set and of
 * each name, service, host and unit, instead of a new copy per sample. A rule whose partial matches
 * hold every sample of a series for a long time (the bundled {@code latency-creep}: each p99 sample
 * is a possible "before" for an hour) keeps them all on the heap, and the labels and strings were
 * most of it: about 1.4 KB of the 2 KB live per sample (class histograms of the pipeline harness at
 * 32,000 records/s), for a series whose labels are the same in every sample.
 *
 * <p>Shared label maps cannot be changed (nothing in the rules stage changes a record). Each cache
 * keeps at most {@code capacity} entries, the least recently used dropped first; a sample whose
 * label set was dropped gets a new shared copy, so sharing is partial, never wrong. One instance
 * per operator instance (not thread-safe).
 */
final class SharedLabels {

    /** Label sets and strings each cache keeps by default: a subtask's metric series, roughly. */
    static final int DEFAULT_CAPACITY = 8192;

    private final Map<Map<String, String>, Map<String, String>> labelSets;
    private final Map<String, String> strings;

    SharedLabels() {
        this(DEFAULT_CAPACITY);
    }

    SharedLabels(int capacity) {
        labelSets = bounded(capacity);
        strings = bounded(capacity);
    }

    /** {@code record}, whose metric sample (if it holds one) now refers to shared instances. */
    RuleRecord share(RuleRecord record) {
        if (record.getRecord() instanceof MetricSample sample) {
            share(sample);
        }
        return record;
    }

    /** {@code sample}, now referring to shared instances. */
    MetricSample share(MetricSample sample) {
        sample.setName(string(sample.getName()));
        sample.setService(string(sample.getService()));
        sample.setHost(string(sample.getHost()));
        sample.setUnit(string(sample.getUnit()));
        Map<String, String> labels = sample.getLabels();
        if (labels != null && !labels.isEmpty()) {
            Map<String, String> shared = labelSets.get(labels);
            if (shared == null) {
                Map<String, String> copy = new HashMap<>(labels.size() * 2);
                labels.forEach((k, v) -> copy.put(string(k), string(v)));
                shared = Collections.unmodifiableMap(copy);
                labelSets.put(shared, shared);
            }
            sample.setLabels(shared);
        }
        return sample;
    }

    int labelSets() {
        return labelSets.size();
    }

    private String string(String s) {
        if (s == null) {
            return null;
        }
        String shared = strings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    private static <K, V> Map<K, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
