package io.forewarn.rules.runtime;

import io.forewarn.detect.Descriptors;
import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.schema.ControlOutcome;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.ControlSubject;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.internal.InternalValueState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One keyed operator that evaluates every active rule for a key. Input one is the routed records
 * (keyed by {@link RuleRecord#getKey()}); input two is the broadcast stream of {@link RuleUpdate}s.
 *
 * <p>Records wait in one shared per-key buffer until the watermark passes them (as in Flink's
 * {@code CepOperator}); only records some active rule sees are kept, Avro-encoded, one state entry
 * per key and second of event time ({@link PendingSegments}), so that the buffer is compact on the
 * heap and a checkpoint writes it without encoding it again or visiting every record. When the
 * watermark passes, each rule runs Flink CEP's own NFA ({@link RuleRunner}) over the records that
 * can change its matches (those it sees; for a relaxed rule, only those satisfying one of its
 * conditions, as the router decides) in its own state: an NFA state and a shared buffer in the rule
 * version's state namespace ({@link NamespacedStateStore}), and {@code within} deadlines as
 * event-time timers in that namespace. So every rule keeps Flink CEP's semantics, records are
 * stored once per key however many rules see them, and a replaced or removed rule version's state
 * and timers are cleared for all keys at once while other rules keep theirs. Watermarks come from
 * input one only; the control input never holds back event time.
 *
 * <p>Rule activations, rejections, removals and limit hits go to the {@link
 * Descriptors#RULE_STATUS} side output (by subtask 0, except limit hits, which each subtask reports
 * once per rule version).
 */
public class RuleOperator<OUT> extends AbstractStreamOperator<OUT>
        implements TwoInputStreamOperator<RuleRecord, RuleUpdate, OUT>,
                Triggerable<String, String> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(RuleOperator.class);

    /** Timer namespace of the pending-record buffer; rule versions use {@code id@version}. */
    static final String PENDING = "";

    private final RuleSettings settings;
    private final List<RuleUpdate> bundled;
    private final MatchHandler<OUT> handler;

    private transient PersistedRules rules;
    private transient InternalValueState<?, Long, byte[]> segments;
    private transient ValueState<long[]> segmentIndex;
    private transient PendingSegments segmentCodec;
    private transient InternalValueState<?, Long, byte[]> pending;
    private transient MapState<Long, List<RuleRecord>> legacyPending;
    private transient boolean legacyPendingRestored;
    private transient boolean formerBufferRestored;
    private transient EncodedRecords encoded;
    private transient ValueState<long[]> pendingTimes;
    private transient InternalTimerService<String> timers;
    private transient TypeSerializer<RuleRecord> recordSerializer;
    private transient Map<String, Running> running;
    private transient Map<String, Running> byNamespace;
    private transient RuleIndex<Running> index;
    private transient Map<String, RuleMetrics> metrics;
    private transient TimestampedCollector<OUT> collector;
    private transient Counter lateRecords;
    private transient Counter recordsWithoutRule;
    private transient Counter updatesRejected;
    private transient Counter limitHits;

    /** A rule version in use: compiled rule, its NFA runner and state. */
    private static final class Running {
        final CompiledRule rule;
        final RuleRunner runner;
        final RuleState state;
        final NamespacedStateStore store;
        final RuleMetrics metrics;
        long dropped;
        long errorsLogged;

        Running(
                CompiledRule rule,
                RuleRunner runner,
                RuleState state,
                NamespacedStateStore store,
                RuleMetrics metrics) {
            this.rule = rule;
            this.runner = runner;
            this.state = state;
            this.store = store;
            this.metrics = metrics;
        }
    }

    /**
     * @param settings bounds
     * @param bundled the bundled rule files, applied at start over the persisted updates
     * @param handler what to emit for a match
     */
    public RuleOperator(
            RuleSettings settings, List<RuleUpdate> bundled, MatchHandler<OUT> handler) {
        this.settings = settings;
        this.bundled = List.copyOf(bundled);
        this.handler = handler;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        rules =
                new PersistedRules(
                        context.getOperatorStateStore().getBroadcastState(Descriptors.RULE_UPDATES),
                        settings.maxActive());
        legacyPending = context.getKeyedStateStore().getMapState(Descriptors.RULE_PENDING_RECORDS);
        pendingTimes = context.getKeyedStateStore().getState(Descriptors.RULE_PENDING_TIMES);
        segmentIndex =
                context.getKeyedStateStore().getState(Descriptors.RULE_PENDING_SEGMENT_INDEX);
    }

    @Override
    public void open() throws Exception {
        super.open();
        timers = getInternalTimerService("rule-timers", StringSerializer.INSTANCE, this);
        collector = new TimestampedCollector<>(output);
        recordSerializer = new RuleRecordSerializer();
        segments = namespacedBytes(Descriptors.RULE_PENDING_SEGMENTS);
        segmentCodec = new PendingSegments();
        pending = namespacedBytes(Descriptors.RULE_PENDING_ENCODED);
        encoded = new EncodedRecords();
        legacyPendingRestored = hasKeys(Descriptors.RULE_PENDING_RECORDS.getName());
        formerBufferRestored =
                legacyPendingRestored || hasKeys(Descriptors.RULE_PENDING_TIMES.getName());
        running = new LinkedHashMap<>();
        byNamespace = new HashMap<>();
        metrics = new HashMap<>();
        lateRecords = metrics().counter("lateRecordsDropped");
        recordsWithoutRule = metrics().counter("recordsWithoutRule");
        updatesRejected = metrics().counter("ruleUpdatesRejected");
        limitHits = metrics().counter("partialMatchLimitHits");
        metrics().gauge("activeRules", () -> running.size());

        for (RuleRegistry.Outcome o : rules.restore(bundled)) {
            applyEffects(o);
            boolean fromBundle = bundled.contains(o.update());
            if (!fromBundle && o.outcome() == ControlOutcome.REJECTED) {
                // A persisted version that no longer compiles (e.g. after an upgrade): drop its
                // state.
                clearNamespace(o.ruleId() + "@" + o.version());
            }
            if (o.outcome() == ControlOutcome.REJECTED
                    || (fromBundle && o.outcome() != ControlOutcome.IGNORED)) {
                report(o);
            } else {
                LOG.info("Rule {} version {} restored: {}", o.ruleId(), o.version(), o.message());
            }
        }
        for (Running r : running.values()) {
            r.metrics.addPartialMatches(countPartialMatches(r));
        }
        reindex();
    }

    private MetricGroup metrics() {
        return getMetricGroup();
    }

    // ------------------------------------------------------------------ records

    @Override
    public void processElement1(StreamRecord<RuleRecord> element) throws Exception {
        RuleRecord record = element.getValue();
        long timestamp = element.hasTimestamp() ? element.getTimestamp() : record.getTimestamp();
        if (timestamp <= timers.currentWatermark()) {
            lateRecords.inc();
            return;
        }
        if (!index.anyAccepts(RuleKeys.toModel(record.getKeyKind()), record)) {
            recordsWithoutRule.inc();
            return;
        }
        long[] index = segmentIndex.value();
        long[] next = index;
        long segment = PendingSegments.segmentFor(index, timestamp);
        segments.setCurrentNamespace(segment);
        byte[] bytes = segments.value();
        if (bytes != null && bytes.length >= PendingSegments.FULL_BYTES) {
            // A key with many records in one second: a further segment of that second, so that
            // appending does not copy ever longer arrays.
            segment = PendingSegments.nextOfSecond(segment);
            segments.setCurrentNamespace(segment);
            bytes = segments.value();
        }
        if (index == null) {
            next = new long[] {timestamp, segment};
            // One timer per key, at its earliest waiting record: when the watermark passes it,
            // every record the watermark passed is processed, as CepOperator would.
            timers.registerEventTimeTimer(PENDING, timestamp);
        } else {
            if (bytes == null) {
                next = PendingSegments.withSegment(index, segment);
            }
            if (timestamp < index[0]) {
                next = next == index ? index.clone() : next;
                next[0] = timestamp;
                timers.deleteEventTimeTimer(PENDING, index[0]);
                timers.registerEventTimeTimer(PENDING, timestamp);
            }
        }
        if (next != index) {
            segmentIndex.update(next);
        }
        segments.update(segmentCodec.append(bytes, timestamp, record));
    }

    @SuppressWarnings("unchecked")
    private InternalValueState<?, Long, byte[]> namespacedBytes(
            ValueStateDescriptor<byte[]> descriptor) throws Exception {
        return (InternalValueState<?, Long, byte[]>)
                getKeyedStateBackend().getOrCreateKeyedState(LongSerializer.INSTANCE, descriptor);
    }

    /**
     * Takes the key's waiting records at or before the watermark out of its segments, appending
     * them to {@code due} by time; updates the index and moves the key's timer to its earliest
     * record left.
     */
    private void takeDueSegments(long watermark, List<PendingSegments.Timed> due) throws Exception {
        long[] index = segmentIndex.value();
        if (index == null || index[0] > watermark) {
            return;
        }
        long[] left = new long[index.length];
        int kept = 1;
        long earliest = Long.MAX_VALUE;
        long unscanned = Long.MIN_VALUE;
        int from = due.size();
        int segmentsTaken = 0;
        for (int i = 1; i < index.length; i++) {
            long second = PendingSegments.segmentOf(index[i]);
            if (second > watermark && earliest != Long.MAX_VALUE && second != unscanned) {
                left[kept++] = index[i];
                continue;
            }
            segments.setCurrentNamespace(index[i]);
            byte[] bytes = segments.value();
            if (bytes == null) {
                continue;
            }
            if (second <= watermark) {
                PendingSegments.Split split = segmentCodec.split(bytes, watermark);
                due.addAll(split.due());
                segmentsTaken += split.due().isEmpty() ? 0 : 1;
                if (split.rest() == null) {
                    segments.clear();
                    continue;
                }
                if (!split.due().isEmpty()) {
                    segments.update(split.rest());
                }
                earliest = Math.min(earliest, split.restEarliest());
            } else {
                // Seconds are disjoint: the earliest time left is in the first second left, in
                // any of its segments.
                earliest = Math.min(earliest, PendingSegments.earliest(bytes));
                unscanned = second;
            }
            left[kept++] = index[i];
        }
        if (segmentsTaken > 1) {
            // Each segment's records come by time, and seconds are disjoint, but the segments of
            // one second are not: a later one holds the records that arrived after the earlier
            // filled up, some of them earlier in time. Stable: at equal times, the earlier
            // segment's records arrived first.
            due.subList(from, due.size())
                    .sort(Comparator.comparingLong(PendingSegments.Timed::time));
        }
        if (kept == 1) {
            segmentIndex.clear();
            return;
        }
        left[0] = earliest;
        segmentIndex.update(Arrays.copyOf(left, kept));
        timers.registerEventTimeTimer(PENDING, earliest);
    }

    /**
     * The key's waiting records at {@code time} in the buffer as checkpoints before {@link
     * Descriptors#RULE_PENDING_SEGMENTS} kept it, removed from it.
     */
    private List<RuleRecord> takePending(long time) throws Exception {
        pending.setCurrentNamespace(time);
        byte[] bytes = pending.value();
        List<RuleRecord> records = bytes == null ? new ArrayList<>() : encoded.decode(bytes);
        pending.clear();
        if (legacyPendingRestored) {
            List<RuleRecord> legacy = legacyPending.get(time);
            if (legacy != null) {
                records.addAll(0, legacy);
                legacyPending.remove(time);
            }
        }
        return records;
    }

    /** Whether any key has state under {@code name} in the default namespace. */
    private boolean hasKeys(String name) {
        try (Stream<?> keys = getKeyedStateBackend().getKeys(name, VoidNamespace.INSTANCE)) {
            return keys.findAny().isPresent();
        }
    }

    /**
     * The times of the key's waiting records, ascending. Keys restored from a checkpoint taken
     * before this index existed (which kept the former buffer) have none: it is built from that
     * buffer once.
     */
    private long[] pendingTimes() throws Exception {
        long[] times = pendingTimes.value();
        if (times != null) {
            return times;
        }
        if (!legacyPendingRestored || legacyPending.isEmpty()) {
            return PendingTimes.NONE;
        }
        times = PendingTimes.of(legacyPending.keys());
        pendingTimes.update(times);
        return times;
    }

    @Override
    public void onEventTime(InternalTimer<String, String> timer) throws Exception {
        long watermark = timers.currentWatermark();
        String key = timer.getKey();
        Map<Running, List<RuleRunner.Batch>> work = new LinkedHashMap<>();
        List<PendingSegments.Timed> due = new ArrayList<>();
        if (formerBufferRestored) {
            takeDueFormerBuffer(watermark, timer, due);
        }
        int former = due.size();
        takeDueSegments(watermark, due);
        if (former > 0 && due.size() > former) {
            // Stable: at equal times, records of the former buffer arrived first.
            due.sort(Comparator.comparingLong(PendingSegments.Timed::time));
        }
        for (PendingSegments.Timed t : due) {
            long ts = t.time();
            RuleRecord record = t.record();
            for (Running r : index.relevantTo(RuleKeys.toModel(record.getKeyKind()), record)) {
                List<RuleRunner.Batch> batches = work.computeIfAbsent(r, x -> new ArrayList<>());
                if (batches.isEmpty() || batches.get(batches.size() - 1).timestamp() != ts) {
                    batches.add(new RuleRunner.Batch(ts, new ArrayList<>()));
                }
                batches.get(batches.size() - 1).records().add(record);
            }
        }
        if (!PENDING.equals(timer.getNamespace())) {
            Running r = byNamespace.get(timer.getNamespace());
            if (r != null) {
                work.putIfAbsent(r, List.of());
            }
        }
        for (Map.Entry<Running, List<RuleRunner.Batch>> e : work.entrySet()) {
            run(e.getKey(), key, e.getValue(), watermark);
        }
    }

    /**
     * Takes the key's due records out of the buffer as checkpoints before {@link
     * Descriptors#RULE_PENDING_SEGMENTS} kept it (only after a restore from one).
     */
    private void takeDueFormerBuffer(
            long watermark, InternalTimer<String, String> timer, List<PendingSegments.Timed> due)
            throws Exception {
        long[] times = pendingTimes();
        int dueCount = PendingTimes.countUpTo(times, watermark);
        if (dueCount > 0 || (PENDING.equals(timer.getNamespace()) && times.length > 0)) {
            if (dueCount == times.length) {
                pendingTimes.clear();
            } else {
                // Registering again at the same time is a no-op; after a rule's deadline timer,
                // the pending timer at the old earliest time still fires and finds nothing due.
                timers.registerEventTimeTimer(PENDING, times[dueCount]);
                if (dueCount > 0) {
                    pendingTimes.update(Arrays.copyOfRange(times, dueCount, times.length));
                }
            }
        }
        for (int i = 0; i < dueCount; i++) {
            for (RuleRecord record : takePending(times[i])) {
                due.add(new PendingSegments.Timed(times[i], record));
            }
        }
    }

    private void run(Running r, String key, List<RuleRunner.Batch> batches, long watermark)
            throws Exception {
        long start = System.nanoTime();
        RuleRunner.Result result =
                r.runner.run(
                        r.state,
                        batches,
                        watermark,
                        settings.maxPartialMatches(),
                        new RuleRunner.Listener() {
                            @Override
                            public void onMatch(
                                    Map<String, List<RuleRecord>> match,
                                    long operatorTime,
                                    long matchTime) {
                                collector.setAbsoluteTimestamp(matchTime);
                                handler.onMatch(
                                        r.rule, key, match, operatorTime, matchTime, collector);
                            }

                            @Override
                            public void onDeadline(long time) {
                                timers.registerEventTimeTimer(r.rule.namespace(), time);
                            }
                        });
        long nanos = System.nanoTime() - start;
        r.metrics.evaluationNanos.inc(nanos);
        r.metrics.evaluationMicrosPerRun.update(nanos / 1000);
        r.metrics.recordsEvaluated.inc(result.recordsEvaluated());
        r.metrics.matches.inc(result.matches());
        r.metrics.addPartialMatches(result.partialMatchesAfter() - result.partialMatchesBefore());
        if (result.partialMatchesDropped() > 0) {
            limitReached(r, key, result.partialMatchesDropped());
        }
        long errors = r.rule.errors().count();
        if (errors > r.errorsLogged
                && Long.highestOneBit(errors) > Long.highestOneBit(r.errorsLogged)) {
            LOG.warn(
                    "Rule {} version {}: {} expression evaluations failed so far (they count as not"
                            + " met); the latest: {}",
                    r.rule.id(),
                    r.rule.version(),
                    errors,
                    r.rule.errors().lastMessage());
            r.errorsLogged = errors;
        }
    }

    private void limitReached(Running r, String key, int dropped) {
        r.metrics.partialMatchesDropped.inc(dropped);
        limitHits.inc();
        boolean first = r.dropped == 0;
        r.dropped += dropped;
        if (first || Long.bitCount(r.dropped) == 1) {
            LOG.warn(
                    "Rule {} version {} holds more than {} partial matches for {}: dropped the"
                            + " oldest {} ({} so far)",
                    r.rule.id(),
                    r.rule.version(),
                    settings.maxPartialMatches(),
                    key,
                    dropped,
                    r.dropped);
        }
        if (first) {
            emitStatus(
                    ControlOutcome.LIMIT_REACHED,
                    r.rule.id(),
                    r.rule.version(),
                    "more than "
                            + settings.maxPartialMatches()
                            + " partial matches for "
                            + key
                            + " (rules.max-partial-matches): the oldest are dropped; consider a"
                            + " shorter within or stricter conditions");
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<String, String> timer) {
        // Rules run in event time only.
    }

    // ------------------------------------------------------------------ rule updates

    @Override
    public void processElement2(StreamRecord<RuleUpdate> element) throws Exception {
        RuleRegistry.Outcome o = rules.apply(element.getValue());
        applyEffects(o);
        reindex();
        report(o);
    }

    private void applyEffects(RuleRegistry.Outcome o) throws Exception {
        if (o.deactivated() != null) {
            deactivate(o.deactivated());
        }
        if (o.activated() != null) {
            activate(o.activated());
        }
    }

    private void activate(CompiledRule rule) throws Exception {
        NamespacedStateStore store =
                new NamespacedStateStore(getKeyedStateBackend(), rule.namespace());
        RuleState state = new RuleState(store, recordSerializer);
        RuleRunner runner =
                new RuleRunner(
                        rule,
                        getRuntimeContext(),
                        () -> getProcessingTimeService().getCurrentProcessingTime());
        RuleMetrics m =
                metrics.computeIfAbsent(rule.id(), id -> new RuleMetrics(getMetricGroup(), id));
        m.activated(rule.version(), () -> rule.errors().count());
        Running r = new Running(rule, runner, state, store, m);
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            rule.costNote()
                    .ifPresent(
                            note ->
                                    LOG.warn(
                                            "Rule {} version {}: {}",
                                            rule.id(),
                                            rule.version(),
                                            note));
        }
        running.put(rule.id(), r);
        byNamespace.put(rule.namespace(), r);
    }

    private void deactivate(CompiledRule rule) throws Exception {
        Running r = byNamespace.remove(rule.namespace());
        if (r != null && running.get(rule.id()) == r) {
            running.remove(rule.id());
        }
        if (r != null) {
            r.runner.close();
            r.metrics.deactivated();
        }
        clearNamespace(rule.namespace());
    }

    /** Deletes a rule version's timers and state for every key. */
    private void clearNamespace(String namespace) throws Exception {
        Object currentKey = getCurrentKey();
        List<Tuple2<Object, Long>> deadlines = new ArrayList<>();
        timers.forEachEventTimeTimer(
                (ns, time) -> {
                    if (ns.equals(namespace)) {
                        deadlines.add(Tuple2.of(getCurrentKey(), time));
                    }
                });
        for (Tuple2<Object, Long> d : deadlines) {
            setCurrentKey(d.f0);
            timers.deleteEventTimeTimer(namespace, d.f1);
        }
        // A rule state over the namespace registers every state name a rule version uses.
        NamespacedStateStore store = new NamespacedStateStore(getKeyedStateBackend(), namespace);
        new RuleState(store, recordSerializer);
        List<Object> keys;
        try (Stream<?> s = getKeyedStateBackend().getKeys(store.stateNames(), namespace)) {
            keys = s.collect(Collectors.toList());
        }
        for (Object k : keys) {
            setCurrentKey(k);
            store.clearCurrentKey();
        }
        if (currentKey != null) {
            setCurrentKey(currentKey);
        }
        LOG.info(
                "Cleared the state of rule version {}: {} keys, {} timers",
                namespace,
                keys.size(),
                deadlines.size());
    }

    private long countPartialMatches(Running r) throws Exception {
        long n = 0;
        for (Object k : keys(Descriptors.RULE_NFA_STATE.getName(), r.rule.namespace())) {
            setCurrentKey(k);
            var state = r.state.nfaState().value();
            if (state != null) {
                n += RuleRunner.partialMatches(state);
            }
        }
        if (r.runner.counts()) {
            for (Object k : keys(Descriptors.RULE_COUNT_WINDOW.getName(), r.rule.namespace())) {
                setCurrentKey(k);
                n += CountWindow.size(r.state.countWindow().value());
            }
        }
        return n;
    }

    /** The keys with a value of the named state in the namespace. */
    private List<Object> keys(String state, String namespace) {
        try (Stream<?> s = getKeyedStateBackend().getKeys(state, namespace)) {
            return s.collect(Collectors.toList());
        }
    }

    private void reindex() {
        index = RuleIndex.of(running.values(), r -> r.rule);
    }

    private void report(RuleRegistry.Outcome o) {
        String message = o.message();
        if (o.outcome() == ControlOutcome.REJECTED) {
            updatesRejected.inc();
            LOG.warn("Rule {} version {} rejected: {}", o.ruleId(), o.version(), message);
        } else {
            LOG.info("Rule {} version {} {}: {}", o.ruleId(), o.version(), o.outcome(), message);
        }
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            emitStatus(o.outcome(), o.ruleId(), o.version(), message);
        }
    }

    private void emitStatus(ControlOutcome outcome, String ruleId, int version, String message) {
        ControlStatus status =
                ControlStatus.newBuilder()
                        .setTimestamp(getProcessingTimeService().getCurrentProcessingTime())
                        .setSubject(ControlSubject.RULE)
                        .setId(ruleId)
                        .setVersion(Integer.toString(version))
                        .setOutcome(outcome)
                        .setMessage(message)
                        .setInstance(
                                getOperatorName()
                                        + "#"
                                        + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask())
                        .build();
        output.collect(Descriptors.RULE_STATUS, new StreamRecord<>(status));
    }

    // ------------------------------------------------------------------ time from input one only

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {
        // The control stream has no event time.
    }

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) throws Exception {
        if (index == 0) {
            output.emitWatermarkStatus(status);
        }
    }

    @Override
    public void close() throws Exception {
        if (running != null) {
            for (Running r : running.values()) {
                r.runner.close();
            }
        }
        super.close();
    }
}
