package io.forewarn.logs;

import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
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
 * The log template stage, keyed by service: mines every record's message, enriches the record
 * (template id, template, parameters, level) and emits it; signals, template rates and template
 * documents go to the side outputs of {@link LogDescriptors}.
 *
 * <p>State design (see docs/logs.md): each service's {@link ServiceLogModel} lives on the heap
 * while the service is active and is written to keyed state ({@link LogDescriptors#SERVICE_MODEL})
 * only on checkpoints, for the services that changed since the last one, and when it leaves the
 * heap ({@code logs.mining.max-live-services}). Serialising per record would cost far more than
 * mining. After a restore or rescaling, a model is read back from keyed state at its service's
 * first record or timer; template ids derive from template text, so they are the same on every
 * instance. Event-time timers close the rate intervals and drop the state of a service idle for
 * {@code logs.state.idle-timeout}.
 */
public class LogTemplateOperator extends AbstractStreamOperator<LogRecord>
        implements OneInputStreamOperator<LogRecord, LogRecord>,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;

    private final LogMiningSettings settings;

    private transient ValueState<byte[]> stored;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient LinkedHashMap<String, ServiceLogModel> live;
    private transient Set<String> changed;
    private transient Outputs outputs;
    private transient Counter signals;
    private transient Counter modelsWritten;

    public LogTemplateOperator(LogMiningSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open() throws Exception {
        super.open();
        stored = getPartitionedState(LogDescriptors.SERVICE_MODEL);
        timers = getInternalTimerService("log-templates", VoidNamespaceSerializer.INSTANCE, this);
        live = new LinkedHashMap<>(16, 0.75f, true);
        changed = new HashSet<>();
        outputs = new Outputs();
        signals = getMetricGroup().counter("logTemplateSignals");
        modelsWritten = getMetricGroup().counter("logModelsWritten");
        getMetricGroup().gauge("logLiveServices", (Gauge<Integer>) () -> live.size());
        getMetricGroup()
                .gauge(
                        "logLiveTemplates",
                        (Gauge<Integer>)
                                () ->
                                        live.values().stream()
                                                .mapToInt(m -> m.templates.size())
                                                .sum());
    }

    @Override
    public void processElement(StreamRecord<LogRecord> element) throws Exception {
        String service = (String) getCurrentKey();
        ServiceLogModel model = model(service, true);
        model.observe(element.getValue(), outputs);
        markChanged(service, model);
        output.collect(element);
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        String service = timer.getKey();
        ServiceLogModel model = model(service, false);
        if (model == null) {
            return;
        }
        if (model.onTimer(timer.getTimestamp(), outputs)) {
            stored.clear();
            live.remove(service);
            changed.remove(service);
        } else {
            markChanged(service, model);
        }
    }

    private void markChanged(String service, ServiceLogModel model) {
        if (!model.unsaved) {
            model.unsaved = true;
            changed.add(service);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
        // The stage uses event time only.
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        for (String service : changed) {
            ServiceLogModel model = live.get(service);
            if (model != null) {
                setCurrentKey(service);
                write(model);
                model.unsaved = false;
            }
        }
        changed.clear();
    }

    /** The live model of the current key's service, read from state or created when needed. */
    private ServiceLogModel model(String service, boolean create) throws IOException {
        ServiceLogModel model = live.get(service);
        if (model != null) {
            return model;
        }
        byte[] bytes = stored.value();
        if (bytes != null) {
            model = ServiceLogModelCodec.decode(bytes, settings);
        } else if (create) {
            model = new ServiceLogModel(service, settings);
        } else {
            return null;
        }
        live.put(service, model);
        if (live.size() > settings.maxLiveServices()) {
            offloadLeastRecent(service);
        }
        return model;
    }

    /** Moves the least recently active models (never {@code current}) to keyed state only. */
    private void offloadLeastRecent(String current) {
        Iterator<Map.Entry<String, ServiceLogModel>> eldest = live.entrySet().iterator();
        while (live.size() > settings.maxLiveServices() && eldest.hasNext()) {
            Map.Entry<String, ServiceLogModel> e = eldest.next();
            if (e.getKey().equals(current)) {
                continue;
            }
            if (changed.remove(e.getKey())) {
                setCurrentKey(e.getKey());
                write(e.getValue());
                e.getValue().unsaved = false;
                setCurrentKey(current);
            }
            eldest.remove();
        }
    }

    private void write(ServiceLogModel model) {
        try {
            stored.update(ServiceLogModelCodec.encode(model));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the log model of " + model.service, e);
        }
        modelsWritten.inc();
    }

    /** The model's outputs: side outputs with the records' own event times, and timers. */
    private final class Outputs implements LogModelOutput {

        @Override
        public void signal(Signal signal) {
            signals.inc();
            output.collect(
                    LogDescriptors.SIGNALS, new StreamRecord<>(signal, signal.getTimestamp()));
        }

        @Override
        public void rate(MetricSample sample) {
            output.collect(
                    LogDescriptors.TEMPLATE_RATES,
                    new StreamRecord<>(sample, sample.getTimestamp()));
        }

        @Override
        public void template(TemplateUpdate update) {
            output.collect(
                    LogDescriptors.TEMPLATE_UPDATES, new StreamRecord<>(update, update.lastSeen));
        }

        @Override
        public void wakeUpAt(long eventTime) {
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, eventTime);
        }
    }
}
