package io.forewarn.detect.metrics;

import io.forewarn.detect.Descriptors;
import io.forewarn.metrics.EntityAssessment;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.schema.Signal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per entity (a service, or a host of a service: {@link SeriesKeys#entity}), combines the verdicts
 * of all its series for each interval into one {@link EntityAssessment} — multivariate: which
 * series deviate together, how strongly, and which drove it — and turns anomalous intervals into
 * anomaly episodes:
 *
 * <ul>
 *   <li>the first anomalous interval opens an episode and emits an {@code anomaly} signal;
 *   <li>while it lasts, a signal is repeated when the grade rises by 0.1, another series leads, or
 *       {@link MetricSettings#anomalyUpdateEvery()} has passed;
 *   <li>{@link MetricSettings#quietIntervals()} intervals without anomalous series end it, with a
 *       {@code resolved} signal if it predicted a failure.
 * </ul>
 *
 * An anomaly predicts a failure (the signal names a failure type and becomes a prediction) only
 * when an anomalous series belongs to a family with an {@code anomaly-failure} and the entity's
 * models are confident ({@link MetricSettings#predictionConfidence()}); otherwise it stays a signal
 * for rules and dashboards.
 *
 * <p>Verdicts wait in state until the watermark passes their interval, so the verdicts of all the
 * entity's series (from any parallel instance) are combined. State: the waiting verdicts (at most
 * {@link #MAX_PENDING}) and a small {@link EntityState}, cleared by an idle timer.
 */
public class EntityAnomalyFunction extends KeyedProcessFunction<String, SeriesVerdict, Signal> {

    private static final long serialVersionUID = 1L;

    /** Verdicts an entity may have waiting; more are dropped and counted. */
    static final int MAX_PENDING = 1_000;

    private static final double GRADE_STEP = 0.1;

    private final MetricSettings settings;
    private final long idleTimeout;

    private transient ValueState<EntityState> state;
    private transient MapState<String, SeriesVerdict> pending;
    private transient Counter dropped;
    private transient Counter episodes;

    public EntityAnomalyFunction(MetricSettings settings) {
        this.settings = settings;
        this.idleTimeout = settings.idleTimeout().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(Descriptors.METRIC_ENTITY);
        pending = getRuntimeContext().getMapState(Descriptors.METRIC_ENTITY_VERDICTS);
        dropped = getRuntimeContext().getMetricGroup().counter("metricVerdictsDropped");
        episodes = getRuntimeContext().getMetricGroup().counter("metricAnomalyEpisodes");
    }

    @Override
    public void processElement(SeriesVerdict verdict, Context ctx, Collector<Signal> out)
            throws Exception {
        EntityState s = state.value();
        if (s == null) {
            s = new EntityState();
        }
        String key = ctx.timestamp() + "\u001f" + verdict.series;
        if (!pending.contains(key)) {
            if (s.pendingVerdicts >= MAX_PENDING) {
                dropped.inc();
                return;
            }
            s.pendingVerdicts++;
        }
        pending.put(key, verdict);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        s.lastSeen = Math.max(s.lastSeen, verdict.timestamp);
        if (s.idleTimer == Long.MIN_VALUE) {
            s.idleTimer = s.lastSeen + idleTimeout;
            ctx.timerService().registerEventTimeTimer(s.idleTimer);
        }
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out)
            throws Exception {
        EntityState s = state.value();
        if (s == null) {
            return;
        }
        List<SeriesVerdict> verdicts = due(timestamp);
        s.pendingVerdicts -= verdicts.size();
        if (!verdicts.isEmpty()) {
            SeriesVerdict any = verdicts.get(0);
            assess(s, any.service, any.host, timestamp + 1, verdicts, out);
        }
        if (timestamp == s.idleTimer) {
            s.idleTimer = Long.MIN_VALUE;
            if (s.lastSeen + idleTimeout <= timestamp && s.pendingVerdicts == 0) {
                if (s.inEpisode && s.failureType != null) {
                    String[] entity = entity(ctx.getCurrentKey());
                    out.collect(
                            MetricSignals.anomalyResolved(
                                    entity[0],
                                    entity[1],
                                    timestamp,
                                    s.episodeStart,
                                    s.failureType));
                }
                state.clear();
                pending.clear();
                return;
            }
            s.idleTimer = Math.max(s.lastSeen + idleTimeout, timestamp + 1);
            ctx.timerService().registerEventTimeTimer(s.idleTimer);
        }
        state.update(s);
    }

    /** Removes and returns the waiting verdicts of the interval whose timers fire at {@code ts}. */
    private List<SeriesVerdict> due(long timestamp) throws Exception {
        List<SeriesVerdict> verdicts = new ArrayList<>();
        String prefix = timestamp + "\u001f";
        Iterator<Map.Entry<String, SeriesVerdict>> entries = pending.iterator();
        while (entries.hasNext()) {
            Map.Entry<String, SeriesVerdict> entry = entries.next();
            if (entry.getKey().startsWith(prefix)) {
                verdicts.add(entry.getValue());
                entries.remove();
            }
        }
        verdicts.sort((a, b) -> a.series.compareTo(b.series));
        return verdicts;
    }

    private void assess(
            EntityState s,
            String service,
            String host,
            long time,
            List<SeriesVerdict> verdicts,
            Collector<Signal> out) {
        EntityAssessment a = EntityAssessment.of(verdicts, settings.families());
        if (!a.anomalous()) {
            s.failureStreak = 0;
            if (s.inEpisode && ++s.quietIntervals >= settings.quietIntervals()) {
                if (s.failureType != null) {
                    out.collect(
                            MetricSignals.anomalyResolved(
                                    service, host, time, s.episodeStart, s.failureType));
                }
                s.inEpisode = false;
                s.failureType = null;
                s.lastDriver = null;
            }
            return;
        }
        String anomalousFailure = a.failureType(EntityAssessment.ANOMALY_GRADE);
        s.failureStreak = anomalousFailure == null ? 0 : s.failureStreak + 1;
        boolean predicts =
                a.confidence() >= settings.predictionConfidence()
                        && (a.failureType(settings.predictionGrade()) != null
                                || s.failureStreak >= settings.predictionPersistence());
        String failureType = predicts ? anomalousFailure : null;
        String driver = a.driver().verdict().series;
        boolean emit;
        if (!s.inEpisode) {
            s.inEpisode = true;
            s.episodeStart = time;
            s.failureType = null;
            episodes.inc();
            emit = true;
        } else {
            emit =
                    a.grade() >= s.lastGrade + GRADE_STEP
                            || !Objects.equals(driver, s.lastDriver)
                            || (failureType != null && s.failureType == null)
                            || time - s.lastSignal >= settings.anomalyUpdateEvery().toMillis();
        }
        s.quietIntervals = 0;
        if (s.failureType == null) {
            s.failureType = failureType;
        }
        if (emit) {
            out.collect(MetricSignals.anomaly(service, host, time, a, s.episodeStart, failureType));
            s.lastSignal = time;
            s.lastGrade = a.grade();
            s.lastDriver = driver;
        }
    }

    /** Service and host of an entity key. */
    private static String[] entity(String key) {
        int split = key.indexOf('\u001f');
        return split < 0
                ? new String[] {key, null}
                : new String[] {key.substring(0, split), key.substring(split + 1)};
    }
}
