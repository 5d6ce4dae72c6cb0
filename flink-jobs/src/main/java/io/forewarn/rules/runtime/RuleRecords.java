package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.RecordFields;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import org.apache.flink.api.common.functions.MapFunction;

/** Wraps the records rules can match into the {@link RuleRecord} envelope, before routing. */
public final class RuleRecords<T> implements MapFunction<T, RuleRecord> {

    private static final long serialVersionUID = 1L;

    /** The envelope of a log record, metric sample, deployment, dependency status or signal. */
    public static RuleRecord of(Object record) {
        return new RuleRecord("", RuleKeyKind.SERVICE, timestampOf(record), record);
    }

    @Override
    public RuleRecord map(T record) {
        return of(record);
    }

    static long timestampOf(Object record) {
        return (Long)
                RecordFields.of(RecordFields.kindOf(record))
                        .get("timestamp")
                        .getter()
                        .apply(record);
    }
}
