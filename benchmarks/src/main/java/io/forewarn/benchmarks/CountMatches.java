package io.forewarn.benchmarks;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/**
 * Counts what reaches it in the {@value #ACCUMULATOR} accumulator and lets nothing through; notes
 * when its input ended (wall clock) in {@value #ENDED}, the end of processing.
 */
final class CountMatches<T> extends RichFilterFunction<T> {

    private static final long serialVersionUID = 1L;

    static final String ACCUMULATOR = "matches";
    static final String ENDED = "ended";

    private transient LongCounter matches;
    private transient LongMaximum ended;

    @Override
    public void open(OpenContext openContext) {
        matches = new LongCounter();
        ended = new LongMaximum();
        getRuntimeContext().addAccumulator(ACCUMULATOR, matches);
        getRuntimeContext().addAccumulator(ENDED, ended);
    }

    @Override
    public void close() {
        ended.add(System.currentTimeMillis());
    }

    @Override
    public boolean filter(T value) {
        matches.add(1);
        return false;
    }
}
