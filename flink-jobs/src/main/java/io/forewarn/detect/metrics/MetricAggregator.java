package io.forewarn.detect.metrics;

import io.forewarn.detect.Descriptors;
import io.forewarn.metrics.Aggregation;
import io.forewarn.metrics.IntervalAccumulator;
import io.forewarn.metrics.MetricFamily;
import io.forewarn.schema.MetricSample;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per series (key: {@link SeriesKeys#series}), aggregates samples over event-time intervals as the
 * series' {@link MetricFamily} says (mean, max, min, p99, counter rate, last) and emits one {@link
 * SeriesPoint} per interval when the watermark passes its end. Metrics of a family that skips them
 * are dropped (counted) without state. Intervals are staggered per entity ({@link #offset}): their
 * ends are spread over the interval, so the models downstream get a steady trickle of points
 * instead of every series at once each interval (a burst that back-pressured the whole job).
 *
 * <p>State per series: a small {@link SeriesInfo} and the accumulators of the open intervals (one,
 * plus those out-of-order samples opened). A sample behind an emitted interval is counted ({@code
 * metricSamplesLate}) and dropped: ingestion already routes records later than the allowed lateness
 * to dead letters, so this only happens within it. A series without samples for the idle timeout is
 * cleared by an event-time timer.
 */
public class MetricAggregator extends KeyedProcessFunction<String, MetricSample, SeriesPoint> {

    private static final long serialVersionUID = 1L;

    /** Metric names whose family is remembered per parallel instance (cleared when full). */
    private static final int FAMILY_CACHE = 10_000;

    private final MetricSettings settings;
    private final long interval;
    private final long idleTimeout;

    private transient ValueState<SeriesInfo> info;
    private transient MapState<Long, IntervalAccumulator> open;
    private transient Map<String, MetricFamily> familyCache;
    private transient Counter skipped;
    private transient Counter late;

    public MetricAggregator(MetricSettings settings) {
        this.settings = settings;
        this.interval = settings.interval().toMillis();
        this.idleTimeout = settings.idleTimeout().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        info = getRuntimeContext().getState(Descriptors.METRIC_SERIES);
        open = getRuntimeContext().getMapState(Descriptors.METRIC_INTERVALS);
        familyCache = new HashMap<>();
        skipped = getRuntimeContext().getMetricGroup().counter("metricSamplesSkipped");
        late = getRuntimeContext().getMetricGroup().counter("metricSamplesLate");
    }

    @Override
    public void processElement(MetricSample sample, Context ctx, Collector<SeriesPoint> out)
            throws Exception {
        MetricFamily family = familyOf(sample);
        if (family.aggregation() == Aggregation.SKIP) {
            skipped.inc();
            return;
        }
        SeriesInfo s = info.value();
        if (s == null) {
            s = new SeriesInfo();
            s.metric = sample.getName();
            s.service = SeriesKeys.service(sample);
            s.host = sample.getHost();
        }
        s.family = family.name();
        long offset = offset(s.service, s.host);
        long start = Math.floorDiv(sample.getTimestamp() - offset, interval) * interval + offset;
        if (start <= s.lastEmitted) {
            late.inc();
            return;
        }
        IntervalAccumulator acc = open.get(start);
        if (acc == null) {
            acc = new IntervalAccumulator();
            ctx.timerService().registerEventTimeTimer(start + interval - 1);
        }
        acc.add(sample.getTimestamp(), sample.getValue(), family.aggregation());
        open.put(start, acc);
        s.lastSample = Math.max(s.lastSample, sample.getTimestamp());
        info.update(s);
    }

    /**
     * Start of the entity's intervals within an interval of the epoch: whole seconds from a stable
     * hash of service and host when {@link MetricSettings#staggerIntervals()}, otherwise 0.
     */
    long offset(String service, String host) {
        long seconds = interval / 1000;
        if (!settings.staggerIntervals() || seconds < 2) {
            return 0;
        }
        int hash = 31 * Objects.hashCode(service) + Objects.hashCode(host);
        // spread neighbouring hashes (service names differing in one character) over the interval
        long mixed = (hash & 0xFFFFFFFFL) * 0x9E3779B97F4A7C15L;
        return Math.floorMod(mixed >>> 16, seconds) * 1000;
    }

    private MetricFamily familyOf(MetricSample sample) {
        String kind = sample.getKind().name();
        String cacheKey = sample.getName() + '\u001f' + kind;
        MetricFamily family = familyCache.get(cacheKey);
        if (family == null) {
            if (familyCache.size() >= FAMILY_CACHE) {
                familyCache.clear();
            }
            family = settings.families().of(sample.getName(), kind);
            familyCache.put(cacheKey, family);
        }
        return family;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SeriesPoint> out)
            throws Exception {
        SeriesInfo s = info.value();
        if (s == null) {
            return;
        }
        // an interval's timer fires at its end - 1; an idle timer finds no interval there (or
        // one whose own timer fires at the same time)
        long start = timestamp + 1 - interval;
        IntervalAccumulator acc = open.get(start);
        if (acc != null) {
            emit(ctx.getCurrentKey(), s, start, acc, out);
            open.remove(start);
            s.lastEmitted = Math.max(s.lastEmitted, start);
        }
        if (timestamp == s.idleTimer) {
            s.idleTimer = Long.MIN_VALUE;
            if (s.lastSample + idleTimeout <= timestamp && open.isEmpty()) {
                info.clear();
                open.clear();
                return;
            }
        }
        if (s.idleTimer == Long.MIN_VALUE && open.isEmpty()) {
            // one idle check per series once its open intervals are done; it is pushed back
            // (re-registered when it fires) while samples keep coming
            s.idleTimer = Math.max(s.lastSample + idleTimeout, timestamp + 1);
            ctx.timerService().registerEventTimeTimer(s.idleTimer);
        }
        info.update(s);
    }

    private void emit(
            String series,
            SeriesInfo s,
            long start,
            IntervalAccumulator acc,
            Collector<SeriesPoint> out) {
        Aggregation aggregation = settings.families().named(s.family).aggregation();
        double value;
        if (aggregation == Aggregation.RATE) {
            value = acc.rate(s.counterTimestamp, s.counterValue, s.hasCounter);
            s.hasCounter = true;
            s.counterTimestamp = acc.lastTimestamp;
            s.counterValue = acc.last;
        } else {
            value = acc.value(aggregation);
        }
        if (!Double.isFinite(value)) {
            return;
        }
        SeriesPoint point = new SeriesPoint();
        point.series = series;
        point.metric = s.metric;
        point.family = s.family;
        point.service = s.service;
        point.host = s.host;
        point.timestamp = start + interval;
        point.value = value;
        point.samples = acc.count;
        out.collect(point);
    }
}
