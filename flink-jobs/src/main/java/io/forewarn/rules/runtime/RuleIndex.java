package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RecordFields;
import io.forewarn.rules.compile.SelectorMatcher;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the rules that can see a record without running any CEL: by key kind, record kind and
 * discriminator (metric name, log level, deployment status, dependency name, signal kind) through
 * hash lookups, then each candidate's selectors (which also check services). Immutable; rebuilt
 * when rules change.
 *
 * @param <T> what is indexed: compiled rules, or the operator's running rules
 */
final class RuleIndex<T> {

    private final Map<KeyKind, Map<RecordKind, Bucket<T>>> buckets = new EnumMap<>(KeyKind.class);
    private final Function<T, CompiledRule> compiled;

    private RuleIndex(Function<T, CompiledRule> compiled) {
        this.compiled = compiled;
    }

    /** Candidates of one record kind: per discriminator value, plus those accepting any value. */
    private static final class Bucket<T> {
        final Map<String, List<T>> byValue = new HashMap<>();
        final List<T> any = new ArrayList<>();
    }

    static <T> RuleIndex<T> of(Collection<T> rules, Function<T, CompiledRule> compiled) {
        RuleIndex<T> index = new RuleIndex<>(compiled);
        Map<KeyKind, Map<RecordKind, Map<String, Set<T>>>> specific = new EnumMap<>(KeyKind.class);
        for (T rule : rules) {
            CompiledRule c = compiled.apply(rule);
            KeyKind key = c.rule().key();
            for (SelectorMatcher s : c.selectors()) {
                Bucket<T> bucket =
                        index.buckets
                                .computeIfAbsent(key, k -> new EnumMap<>(RecordKind.class))
                                .computeIfAbsent(s.kind(), k -> new Bucket<>());
                if (s.values().isEmpty()) {
                    if (!bucket.any.contains(rule)) {
                        bucket.any.add(rule);
                    }
                } else {
                    for (String v : s.values()) {
                        specific.computeIfAbsent(key, k -> new EnumMap<>(RecordKind.class))
                                .computeIfAbsent(s.kind(), k -> new HashMap<>())
                                .computeIfAbsent(v, k -> new LinkedHashSet<>())
                                .add(rule);
                    }
                }
            }
        }
        specific.forEach(
                (key, kinds) ->
                        kinds.forEach(
                                (kind, values) -> {
                                    Bucket<T> bucket = index.buckets.get(key).get(kind);
                                    values.forEach(
                                            (value, set) -> {
                                                List<T> list = new ArrayList<>(set);
                                                bucket.any.stream()
                                                        .filter(r -> !set.contains(r))
                                                        .forEach(list::add);
                                                bucket.byValue.put(value, List.copyOf(list));
                                            });
                                }));
        return index;
    }

    /**
     * Rules of this key kind whose matches the record can change ({@link CompiledRule#relevant}:
     * the rules that see it, less relaxed rules none of whose conditions it satisfies), possibly
     * none. So a record kept for one rule is not fed to another rule for which the router would
     * have dropped it.
     */
    List<T> relevantTo(KeyKind key, RuleRecord record) {
        List<T> candidates = candidates(key, record);
        List<T> out = null;
        for (int i = 0; i < candidates.size(); i++) {
            T rule = candidates.get(i);
            if (compiled.apply(rule).relevant(record)) {
                if (out == null) {
                    out = new ArrayList<>(candidates.size() - i);
                }
                out.add(rule);
            }
        }
        return out == null ? List.of() : out;
    }

    /** Whether any rule of this key kind sees the record. */
    boolean anyAccepts(KeyKind key, RuleRecord record) {
        for (T rule : candidates(key, record)) {
            if (compiled.apply(rule).accepts(record)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the record can change what some rule of this key kind matches ({@link
     * CompiledRule#relevant}): this runs the CEL conditions of rules that allow it.
     */
    boolean anyRelevant(KeyKind key, RuleRecord record) {
        for (T rule : candidates(key, record)) {
            if (compiled.apply(rule).relevant(record)) {
                return true;
            }
        }
        return false;
    }

    /** The rules whose record kind and discriminator fit, before their selectors run. */
    private List<T> candidates(KeyKind key, RuleRecord record) {
        Map<RecordKind, Bucket<T>> kinds = buckets.get(key);
        if (kinds == null) {
            return List.of();
        }
        Object r = record.getRecord();
        Bucket<T> bucket = kinds.get(RecordFields.kindOf(r));
        if (bucket == null) {
            return List.of();
        }
        return bucket.byValue.getOrDefault(RecordFields.discriminatorOf(r), bucket.any);
    }

    boolean hasKeyKind(KeyKind key) {
        return buckets.containsKey(key);
    }
}
