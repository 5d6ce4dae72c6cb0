package io.forewarn.detect;

import io.forewarn.schema.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per key, passes signals on in event-time order once the watermark has passed them; signals of the
 * same time go in signal-id order. Signals of several producers (detectors, CEP rules) reach the
 * prediction stage through a union, in an order that changes from run to run; after this function
 * the predictions they make do not depend on it, so a replay or a recovery gives the same
 * prediction updates.
 *
 * <p>A signal already behind the watermark (which producers emitting on event-time timers do not
 * send) is passed on at once. State: the signals waiting for the watermark, gone once passed on.
 */
public class SignalsInEventTimeOrder extends KeyedProcessFunction<String, Signal, Signal> {

    private static final long serialVersionUID = 1L;

    private static final Comparator<Signal> ORDER =
            Comparator.comparingLong(Signal::getTimestamp).thenComparing(Signal::getSignalId);

    private transient MapState<Long, List<Signal>> waiting;

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getMapState(Descriptors.SIGNALS_WAITING);
    }

    @Override
    public void processElement(Signal signal, Context ctx, Collector<Signal> out) throws Exception {
        Long time = ctx.timestamp();
        if (time == null || time <= ctx.timerService().currentWatermark()) {
            out.collect(signal);
            return;
        }
        List<Signal> atTime = waiting.get(time);
        if (atTime == null) {
            atTime = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(time);
        }
        atTime.add(signal);
        waiting.put(time, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out)
            throws Exception {
        List<Signal> atTime = waiting.get(timestamp);
        if (atTime == null) {
            return;
        }
        atTime.sort(ORDER);
        atTime.forEach(out::collect);
        waiting.remove(timestamp);
    }
}
