package io.forewarn.detect.metrics;

import io.forewarn.detect.Descriptors;
import io.forewarn.metrics.MetricFamily;
import io.forewarn.metrics.ModelOutput;
import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.SeriesModel;
import io.forewarn.metrics.SeriesVerdict;
import io.forewarn.metrics.anomaly.DetectorConfig;
import io.forewarn.metrics.anomaly.Result;
import io.forewarn.metrics.forecast.BreachAlerts;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Per series (keyed by {@link SeriesPoint#series}), runs the series' {@link SeriesModel} (anomaly
 * detector, capacity forecaster) on its interval points: emits a {@link SeriesVerdict} per point
 * for the entity stage, and breach-forecast signals to {@link Descriptors#METRIC_FORECASTS}.
 *
 * <h2>Model state (design note)</h2>
 *
 * A model is about 0.75 MB on the heap (0.3 MB when its forest caches a quarter of its bounding
 * boxes, {@code metrics.model-box-cache}) and 95–155 KB serialised (mostly its Random Cut Forest);
 * serialising it costs milliseconds and restoring it tens of milliseconds, so writing it to keyed
 * state on every point (or reading it back) would dominate the cost of a record. Instead live
 * models sit in a transient per-instance map (at most {@link MetricSettings#modelCache()} entries),
 * and keyed state ({@link Descriptors#METRIC_MODEL}, bytes with a format version, no Kryo) is the
 * durable copy:
 *
 * <ul>
 *   <li>{@link #snapshotState} writes every model changed since the last checkpoint to keyed state
 *       under its own key ({@code setCurrentKey}), before the keyed backend takes its snapshot; so
 *       each checkpoint holds every model as of the checkpoint barrier, and restoring replays only
 *       records after it — the same exactly-once state as ordinary keyed state. When checkpoints
 *       are at least as frequent as intervals ({@link MetricSettings#writeThrough()}, the default
 *       10 s against 1 min) a model is instead written right after each point: the same one write
 *       per point, spread over the interval rather than done for every changed model while the
 *       checkpoint holds the task (with 3,400 series per instance that stalled each checkpoint for
 *       most of a second).
 *   <li>A model leaving the map is written to keyed state first when changed; a model not in the
 *       map is read from keyed state on its next point. A full map takes it in only in place of a
 *       stale model (no point for two intervals); otherwise it is used for that point and written
 *       back ({@code metricModelBypasses}), so more active series than the map holds cost one
 *       reload per point of the surplus only, instead of a reload per point of every series (least
 *       recently used replacement under a round of points per interval). After a restore the map
 *       starts empty and fills lazily, so restore and rescaling need nothing special: keyed state
 *       moves with its key group, and the map never holds a key of another instance.
 *   <li>Exits: one event-time timer per series, re-armed lazily at the latest point plus the idle
 *       timeout; when it finds the series idle the model leaves the map and its state is cleared.
 *       New series beyond {@link MetricSettings#maxSeries()} per instance are counted and not
 *       modelled.
 * </ul>
 *
 * Memory per instance is bounded by {@code modelCache} live models plus {@code maxSeries} stored
 * ones; gauges report the series held ({@code metricSeries}), their stored bytes ({@code
 * metricModelBytes}, as last written) and the live models ({@code metricModelsLive}). Checkpoint
 * cost grows with the series that received a point since the previous checkpoint; a checkpoint
 * interval at least the metric interval keeps it to one write per series and checkpoint.
 */
public final class SeriesModelOperator extends AbstractStreamOperator<SeriesVerdict>
        implements OneInputStreamOperator<SeriesPoint, SeriesVerdict>,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;

    private final MetricSettings settings;
    private final long idleTimeout;
    private final long interval;

    /** A live model without a point for this many intervals may give its place to another. */
    static final int STALE_INTERVALS = 2;

    private transient ValueState<byte[]> stored;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient LinkedHashMap<String, ModelState> live;
    private transient Map<String, ModelSpec> specs;
    private transient DetectorConfig detector;
    private transient long heldSeries;
    private transient long heldBytes;
    private transient Counter rejected;
    private transient Counter evicted;
    private transient Counter loads;
    private transient Counter bypassed;

    public SeriesModelOperator(MetricSettings settings) {
        this.settings = settings;
        this.idleTimeout = settings.idleTimeout().toMillis();
        this.interval = settings.interval().toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        stored = getPartitionedState(Descriptors.METRIC_MODEL);
        timers =
                getInternalTimerService(
                        "metric-model-idle", VoidNamespaceSerializer.INSTANCE, this);
        live = new LinkedHashMap<>(16, 0.75f, true);
        specs = new HashMap<>();
        detector = settings.detector();
        countStoredModels();
        MetricGroup metrics = getMetricGroup();
        metrics.gauge("metricSeries", () -> heldSeries);
        metrics.gauge("metricModelBytes", () -> heldBytes);
        metrics.gauge("metricModelsLive", () -> live.size());
        rejected = metrics.counter("metricSeriesRejected");
        evicted = metrics.counter("metricSeriesEvicted");
        loads = metrics.counter("metricModelLoads");
        bypassed = metrics.counter("metricModelBypasses");
    }

    /** After a restore: the series this instance holds and their bytes (one pass over them). */
    private void countStoredModels() throws Exception {
        getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        Descriptors.METRIC_MODEL,
                        (key, state) -> {
                            byte[] bytes = state.value();
                            if (bytes != null) {
                                heldSeries++;
                                heldBytes += bytes.length;
                            }
                        });
    }

    @Override
    public void processElement(StreamRecord<SeriesPoint> element) throws Exception {
        SeriesPoint point = element.getValue();
        String key = (String) getCurrentKey();
        ModelState model = live.get(key);
        boolean admitted = true;
        if (model != null && !model.family.equals(point.family)) {
            model = ModelState.fromBytes(model.toBytes(), point.family, this::spec);
            model.dirty = true;
            live.put(key, model);
        }
        if (model == null) {
            model = load(point.family);
            if (model == null) {
                if (heldSeries >= settings.maxSeries()) {
                    rejected.inc();
                    return;
                }
                model =
                        new ModelState(
                                SeriesModel.create(spec(point.family)),
                                point.family,
                                point.timestamp);
                heldSeries++;
                timers.registerEventTimeTimer(
                        VoidNamespace.INSTANCE, point.timestamp + idleTimeout);
            }
            admitted = admit(key, model, point.timestamp);
        }
        model.lastPoint = Math.max(model.lastPoint, point.timestamp);
        model.dirty = true;
        ModelOutput out = model.model.update(point.timestamp, point.value);
        if (!admitted) {
            write(key, model);
            bypassed.inc();
        } else if (settings.writeThrough()) {
            write(key, model);
        }
        Result anomaly = out.anomaly();
        if (anomaly != null && !anomaly.skipped()) {
            output.collect(new StreamRecord<>(verdict(point, anomaly), element.getTimestamp()));
        }
        if (out.alert() != BreachAlerts.Action.NONE) {
            MetricFamily family = settings.families().named(point.family);
            output.collect(
                    Descriptors.METRIC_FORECASTS,
                    new StreamRecord<>(
                            MetricSignals.forecast(point, family, out.outlook(), out.alert()),
                            element.getTimestamp()));
        }
    }

    private ModelSpec spec(String family) {
        return specs.computeIfAbsent(
                family, f -> settings.spec(settings.families().named(f), detector));
    }

    /** The current key's model from keyed state, or null when it has none. */
    private ModelState load(String family) throws Exception {
        byte[] bytes = stored.value();
        if (bytes == null) {
            return null;
        }
        loads.inc();
        return ModelState.fromBytes(bytes, family, this::spec);
    }

    /**
     * Makes a loaded or new model live if the map has room or its least recently used model is
     * stale (no point for {@link #STALE_INTERVALS} intervals), which then leaves the map, written
     * first when changed. Otherwise the model is used for this one point and written back: with
     * more active series than the map holds, replacing the least recently used model would evict
     * each model just before its next point (every series reports once per interval) and reload
     * every model on every point; declining keeps a stable set live and reloads only the rest.
     */
    private boolean admit(String key, ModelState model, long time) throws Exception {
        if (live.size() >= settings.modelCache()) {
            Iterator<Map.Entry<String, ModelState>> oldest = live.entrySet().iterator();
            if (!oldest.hasNext()) {
                return false;
            }
            Map.Entry<String, ModelState> entry = oldest.next();
            if (entry.getValue().lastPoint > time - STALE_INTERVALS * interval) {
                return false;
            }
            if (entry.getValue().dirty) {
                write(entry.getKey(), entry.getValue());
            }
            oldest.remove();
        }
        live.put(key, model);
        return true;
    }

    /** Writes a model to keyed state under its own key, then restores the current key. */
    private void write(String key, ModelState model) throws Exception {
        byte[] bytes = model.toBytes();
        Object current = getCurrentKey();
        setCurrentKey(key);
        stored.update(bytes);
        if (current != null) {
            setCurrentKey(current);
        }
        heldBytes += bytes.length - model.storedBytes;
        model.storedBytes = bytes.length;
        model.dirty = false;
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        for (Map.Entry<String, ModelState> entry : live.entrySet()) {
            if (entry.getValue().dirty) {
                write(entry.getKey(), entry.getValue());
            }
        }
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        String key = timer.getKey();
        ModelState model = live.get(key);
        long lastPoint;
        int size;
        if (model != null) {
            lastPoint = model.lastPoint;
            size = model.storedBytes;
        } else {
            byte[] bytes = stored.value();
            if (bytes == null) {
                return;
            }
            lastPoint = ModelState.lastPoint(bytes);
            size = bytes.length;
        }
        long due = lastPoint + idleTimeout;
        if (due > timer.getTimestamp()) {
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, due);
            return;
        }
        live.remove(key);
        stored.clear();
        heldSeries--;
        heldBytes -= size;
        evicted.inc();
    }

    /** Models read back from keyed state so far (the {@code metricModelLoads} counter). */
    long modelLoads() {
        return loads.getCount();
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}

    private static SeriesVerdict verdict(SeriesPoint point, Result r) {
        SeriesVerdict v = new SeriesVerdict();
        v.series = point.series;
        v.metric = point.metric;
        v.family = point.family;
        v.service = point.service;
        v.host = point.host;
        v.timestamp = point.timestamp;
        v.value = point.value;
        v.expected = r.expectedValue();
        v.lower = r.lowerBound();
        v.upper = r.upperBound();
        v.grade = r.grade();
        v.anomalyScore = r.anomalyScore();
        v.confidence = r.confidence();
        v.warm = r.warm();
        return v;
    }
}
