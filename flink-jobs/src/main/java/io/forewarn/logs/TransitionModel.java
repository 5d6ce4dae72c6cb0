package io.forewarn.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * An online, bounded model of template sequences for one service: per host the last template seen,
 * and the set of transitions (previous template → template) seen on any host of the service.
 * Interleaving across hosts is meaningless, so sequences are followed per host; what a transition
 * means is shared by the service's hosts.
 */
final class TransitionModel {

    private final TransitionTable transitions;
    private final Hosts hosts;

    TransitionModel(int maxTransitions, int maxHosts) {
        this.transitions = new TransitionTable(maxTransitions);
        this.hosts = new Hosts(maxHosts);
    }

    /**
     * Follows {@code host} to {@code template}. Returns the previous template of the host when the
     * transition from it was never seen before, empty otherwise (also for a host's first line).
     */
    OptionalLong observe(String host, long template) {
        long[] last = hosts.get(host);
        if (last == null) {
            hosts.put(host, new long[] {template});
            return OptionalLong.empty();
        }
        long previous = last[0];
        last[0] = template;
        return transitions.touch(previous, template)
                ? OptionalLong.of(previous)
                : OptionalLong.empty();
    }

    /** A template's id changed: transitions and host positions follow it. */
    void rename(long oldId, long newId) {
        transitions.rename(oldId, newId);
        for (long[] last : hosts.values()) {
            if (last[0] == oldId) {
                last[0] = newId;
            }
        }
    }

    int transitionCount() {
        return transitions.size();
    }

    int hostCount() {
        return hosts.size();
    }

    long clock() {
        return transitions.clock();
    }

    void forEachTransition(TransitionTable.EntryConsumer consumer) {
        transitions.forEach(consumer);
    }

    /** Hosts with their last template, least recently active first. */
    void forEachHost(BiConsumer<String, Long> consumer) {
        hosts.forEach((host, last) -> consumer.accept(host, last[0]));
    }

    void restoreTransition(long from, long to, long lastUsed) {
        transitions.put(from, to, lastUsed);
    }

    void restoreClock(long clock) {
        transitions.restoreClock(clock);
    }

    void restoreHost(String host, long lastTemplate) {
        hosts.put(host, new long[] {lastTemplate});
    }

    /** Host → last template id, in access order, bounded. */
    private static final class Hosts extends LinkedHashMap<String, long[]> {
        private static final long serialVersionUID = 1L;
        private final int max;

        Hosts(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > max;
        }
    }
}
