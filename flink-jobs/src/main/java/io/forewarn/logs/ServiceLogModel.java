package io.forewarn.logs;

import io.forewarn.logs.template.ChangeType;
import io.forewarn.logs.template.MiningResult;
import io.forewarn.logs.template.TemplateMiner;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the log stage knows about one service, live on the heap: its template miner, the
 * statistics of each live template, its template sequences, and the lines of the rate intervals not
 * yet closed. Plain Java, driven by {@link LogTemplateOperator} (one instance per service key) and
 * persisted with {@link ServiceLogModelCodec} on checkpoints.
 *
 * <p>Per record ({@link #observe}): mine the message, enrich the record, update the template's
 * statistics and the host's sequence, and emit the per-line signals (new template, rare template,
 * new transition) once the service is warm. Per closed interval ({@link #onTimer}): update each
 * active template's baseline, emit its rate and any burst, then the documents of the templates that
 * changed. Template merges move statistics, counts and transitions to the new id; evictions drop
 * them. A service silent for the idle timeout asks to be dropped.
 */
final class ServiceLogModel {

    /** Burst intervals move a template's baseline this much slower. */
    private static final double BURST_BASELINE_DAMPING = 0.25;

    final String service;
    final LogMiningSettings settings;
    final TemplateMiner miner;
    final Map<String, TemplateStats> templates = new LinkedHashMap<>();
    final TransitionModel transitions;
    final TreeMap<Long, IntervalCounts> openIntervals = new TreeMap<>();

    /** Templates with lines in the last closed interval (they get a zero sample next). */
    Set<String> activeInLastClosed = new LinkedHashSet<>();

    /**
     * Changed since the operator last wrote it to keyed state: the operator's bookkeeping, so that
     * a record of a service already changed costs no lookup in its set of changed services.
     */
    boolean unsaved;

    long lines;
    long firstEventTime = Long.MIN_VALUE;
    long lastEventTime = Long.MIN_VALUE;
    long lastClosedInterval = Long.MIN_VALUE;
    long idleTimer = Long.MIN_VALUE;

    private final long slide;
    private final double alpha;

    ServiceLogModel(String service, LogMiningSettings settings) {
        this(service, settings, new TemplateMiner(settings.minerConfig(service)));
    }

    ServiceLogModel(String service, LogMiningSettings settings, TemplateMiner miner) {
        this.service = service;
        this.settings = settings;
        this.miner = miner;
        this.transitions = new TransitionModel(settings.maxTransitions(), settings.maxHosts());
        this.slide = settings.slide().toMillis();
        this.alpha = settings.baselineAlpha();
    }

    /** Mines one record of the service and enriches it in place. */
    void observe(LogRecord record, LogModelOutput out) {
        long time = record.getTimestamp();
        if (firstEventTime == Long.MIN_VALUE) {
            firstEventTime = time;
            lastClosedInterval = interval(time) - 1;
        }
        boolean warm = isWarm(time);
        String message = record.getMessage();
        LogLevel level = LevelInference.levelOf(record.getLevel(), message);
        MiningResult mined = miner.mine(message);
        String id = mined.templateId();
        record.setTemplateId(id);
        record.setTemplate(mined.template());
        record.setTemplateParams(new ArrayList<>(mined.parameters()));
        record.setLevel(level);
        lines++;
        lastEventTime = Math.max(lastEventTime, time);

        for (String replaced : mined.replacedTemplateIds()) {
            merge(replaced, id, mined.template(), out);
        }
        for (String evicted : mined.evictedTemplateIds()) {
            evict(evicted, out);
        }
        TemplateStats stats = templates.get(id);
        if (stats == null) {
            stats = new TemplateStats(mined.template());
            stats.novel = warm && mined.change() == ChangeType.NEW;
            if (warm) {
                // The service ran without this template so far: its baseline rate is zero.
                long interval = Math.max(interval(time), lastClosedInterval + 1);
                stats.startAtZero(interval - 1, interval - interval(firstEventTime));
            }
            templates.put(id, stats);
        } else {
            stats.text = mined.template();
        }
        long before = stats.count;
        stats.observe(time, level, message);
        count(id, time, out);

        String host = record.getHost();
        if (warm && mined.change() == ChangeType.NEW) {
            out.signal(LogSignals.newTemplate(service, host, id, stats, mined.variantOf(), time));
        } else if (warm && before > 0) {
            signalIfRare(host, id, stats, before, time, out);
        }
        OptionalLong previous =
                transitions.observe(host == null ? "" : host, TemplateIds.parse(id));
        if (warm && previous.isPresent()) {
            signalNewTransition(
                    host, TemplateIds.format(previous.getAsLong()), id, stats, time, out);
        }
        if (idleTimer == Long.MIN_VALUE) {
            idleTimer = time + settings.idleTimeout().toMillis();
            out.wakeUpAt(idleTimer);
        }
    }

    /**
     * Closes the intervals that end at or before {@code time}, emits the documents of changed
     * templates and checks the idle timeout.
     *
     * @return true when the service has been silent for the idle timeout: drop its state
     */
    boolean onTimer(long time, LogModelOutput out) {
        while (!openIntervals.isEmpty() && intervalEnd(openIntervals.firstKey()) <= time) {
            Map.Entry<Long, IntervalCounts> closed = openIntervals.pollFirstEntry();
            close(closed.getKey(), closed.getValue(), out);
        }
        for (Map.Entry<String, TemplateStats> e : templates.entrySet()) {
            if (e.getValue().dirty) {
                out.template(update(e.getKey(), e.getValue(), null, false));
                e.getValue().dirty = false;
            }
        }
        if (idleTimer != Long.MIN_VALUE && time >= idleTimer) {
            long idleUntil = lastEventTime + settings.idleTimeout().toMillis();
            if (idleUntil <= time && openIntervals.isEmpty()) {
                return true;
            }
            idleTimer = Math.max(idleUntil, time + 1);
            out.wakeUpAt(idleTimer);
        }
        return false;
    }

    private void close(long interval, IntervalCounts counts, LogModelOutput out) {
        long end = (interval + 1) * slide;
        boolean warm = isWarm(end);
        Set<String> active = new LinkedHashSet<>(counts.perTemplate.keySet());
        for (Map.Entry<String, long[]> e : counts.perTemplate.entrySet()) {
            String id = e.getKey();
            long n = e.getValue()[0];
            out.rate(TemplateRates.sample(service, id, end, n, settings.slide()));
            TemplateStats stats = templates.get(id);
            if (stats == null) {
                continue;
            }
            stats.catchUp(interval, alpha);
            double mean = stats.rateMean;
            double z = (n - mean) / Math.sqrt(Math.max(stats.rateVariance, Math.max(mean, 1.0)));
            boolean burst = warm && n >= settings.burstMinLines() && z >= settings.burstMinZScore();
            stats.fold(n, alpha, burst ? BURST_BASELINE_DAMPING : 1);
            stats.baselineInterval = interval;
            // An onset is the first interval of a strong burst (twice the threshold): weaker bursts
            // of error templates are as frequent as noise on a busy, noisy service. Hysteresis: a
            // burst goes on while the template stays at least half the threshold above its
            // baseline, so a burst wavering around a threshold has one onset, not several.
            boolean strong = burst && z >= 2 * settings.burstMinZScore();
            boolean onset = strong && !stats.bursting;
            boolean hot = n >= settings.burstMinLines() && z >= settings.burstMinZScore() / 2;
            stats.bursting = strong || (stats.bursting && hot);
            if (burst) {
                out.signal(
                        LogSignals.burst(
                                service,
                                id,
                                stats,
                                n,
                                counts.lines,
                                mean,
                                z,
                                settings.burstMinZScore(),
                                onset,
                                end));
            }
        }
        for (String id : activeInLastClosed) {
            if (!active.contains(id) && templates.containsKey(id)) {
                out.rate(TemplateRates.sample(service, id, end, 0, settings.slide()));
            }
        }
        activeInLastClosed = active;
        lastClosedInterval = interval;
        if (!active.isEmpty() && !openIntervals.containsKey(interval + 1)) {
            // Closing the next interval, even without lines, ends these series with a zero.
            openIntervals.put(interval + 1, new IntervalCounts());
            out.wakeUpAt(intervalEnd(interval + 1));
        }
    }

    private void count(String id, long time, LogModelOutput out) {
        long interval = Math.max(interval(time), lastClosedInterval + 1);
        IntervalCounts counts = openIntervals.get(interval);
        if (counts == null) {
            counts = new IntervalCounts();
            openIntervals.put(interval, counts);
            out.wakeUpAt(intervalEnd(interval));
        }
        counts.add(id);
    }

    private void signalIfRare(
            String host,
            String id,
            TemplateStats stats,
            long before,
            long time,
            LogModelOutput out) {
        double rareShare = settings.rareShare();
        long linesBefore = lines - 1;
        if (rareShare <= 0 || linesBefore * rareShare < 1) {
            return;
        }
        double share = (double) before / linesBefore;
        boolean known = time - stats.firstSeen >= settings.rareCooldown().toMillis();
        if (share < rareShare
                && known
                && (stats.lastRareSignal == Long.MIN_VALUE
                        || time >= stats.lastRareSignal + settings.rareCooldown().toMillis())) {
            stats.lastRareSignal = time;
            out.signal(LogSignals.rareTemplate(service, host, id, stats, share, rareShare, time));
        }
    }

    private void signalNewTransition(
            String host,
            String fromId,
            String toId,
            TemplateStats to,
            long time,
            LogModelOutput out) {
        TemplateStats from = templates.get(fromId);
        if (from == null) {
            return;
        }
        double expected = (double) from.count * to.count / lines;
        if (expected >= settings.transitionMinExpected()) {
            out.signal(
                    LogSignals.newTransition(
                            service,
                            host,
                            fromId,
                            from,
                            toId,
                            to,
                            expected,
                            settings.transitionMinExpected(),
                            time));
        }
    }

    /** Template {@code oldId} generalised into {@code newId}: its statistics move there. */
    private void merge(String oldId, String newId, String newText, LogModelOutput out) {
        TemplateStats old = templates.remove(oldId);
        if (old != null) {
            out.template(update(oldId, old, newId, false));
            TemplateStats target = templates.get(newId);
            if (target == null) {
                old.text = newText;
                old.dirty = true;
                templates.put(newId, old);
            } else {
                target.absorb(old, alpha);
            }
        }
        for (IntervalCounts counts : openIntervals.values()) {
            counts.rename(oldId, newId);
        }
        if (activeInLastClosed.remove(oldId)) {
            activeInLastClosed.add(newId);
        }
        transitions.rename(TemplateIds.parse(oldId), TemplateIds.parse(newId));
    }

    private void evict(String id, LogModelOutput out) {
        TemplateStats gone = templates.remove(id);
        if (gone != null) {
            out.template(update(id, gone, null, true));
        }
        for (IntervalCounts counts : openIntervals.values()) {
            counts.perTemplate.remove(id);
        }
        activeInLastClosed.remove(id);
    }

    private TemplateUpdate update(
            String id, TemplateStats stats, String replacedBy, boolean evicted) {
        TemplateUpdate u = new TemplateUpdate();
        u.service = service;
        u.templateId = id;
        u.template = stats.text;
        u.level = stats.level.name();
        u.count = stats.count;
        u.firstSeen = stats.firstSeen;
        u.lastSeen = stats.lastSeen;
        u.example = stats.example;
        u.novel = stats.novel;
        u.replacedBy = replacedBy;
        u.evicted = evicted;
        return u;
    }

    private boolean isWarm(long time) {
        return time - firstEventTime >= settings.warmUp().toMillis();
    }

    private long interval(long time) {
        return Math.floorDiv(time, slide);
    }

    private long intervalEnd(long interval) {
        return (interval + 1) * slide - 1;
    }
}
