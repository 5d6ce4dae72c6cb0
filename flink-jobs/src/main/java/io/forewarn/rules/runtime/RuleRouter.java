package io.forewarn.rules.runtime;

import io.forewarn.detect.Descriptors;
import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Sends each record on to the rule operator once per key kind (service, host, series) for which
 * some active rule can see it, with the routing key set; drops records no rule can see, or that can
 * change no rule's matches ({@link io.forewarn.rules.compile.CompiledRule#relevant}), before they
 * are shuffled and buffered. Knows the active rules from the same broadcast updates and bundled
 * files as the rule operator, and reaches the same decisions. Stateless apart from the broadcast
 * state; watermarks come from input one only.
 */
public class RuleRouter extends AbstractStreamOperator<RuleRecord>
        implements TwoInputStreamOperator<RuleRecord, RuleUpdate, RuleRecord> {

    private static final long serialVersionUID = 1L;

    private final RuleSettings settings;
    private final List<RuleUpdate> bundled;

    private transient PersistedRules rules;
    private transient RuleIndex<CompiledRule> index;
    private transient Counter routed;
    private transient Counter dropped;

    public RuleRouter(RuleSettings settings, List<RuleUpdate> bundled) {
        this.settings = settings;
        this.bundled = List.copyOf(bundled);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        rules =
                new PersistedRules(
                        context.getOperatorStateStore().getBroadcastState(Descriptors.RULE_UPDATES),
                        settings.maxActive());
    }

    @Override
    public void open() throws Exception {
        super.open();
        routed = getMetricGroup().counter("recordsRouted");
        dropped = getMetricGroup().counter("recordsWithoutRule");
        rules.restore(bundled);
        index = RuleIndex.of(rules.active().values(), r -> r);
    }

    @Override
    public void processElement1(StreamRecord<RuleRecord> element) {
        RuleRecord record = element.getValue();
        boolean any = false;
        for (KeyKind kind : KeyKind.values()) {
            if (!index.hasKeyKind(kind)) {
                continue;
            }
            String key = RuleKeys.keyOf(kind, record.getRecord());
            if (key != null && index.anyRelevant(kind, record)) {
                RuleRecord copy =
                        new RuleRecord(
                                key,
                                RuleKeys.toRecord(kind),
                                record.getTimestamp(),
                                record.getRecord());
                output.collect(element.replace(copy));
                routed.inc();
                any = true;
            }
        }
        if (!any) {
            dropped.inc();
        }
    }

    @Override
    public void processElement2(StreamRecord<RuleUpdate> element) throws Exception {
        RuleRegistry.Outcome o = rules.apply(element.getValue());
        if (o.activated() != null || o.deactivated() != null) {
            index = RuleIndex.of(rules.active().values(), r -> r);
        }
    }

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
}
