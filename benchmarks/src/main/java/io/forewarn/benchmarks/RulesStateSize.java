package io.forewarn.benchmarks;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.runtime.RuleKeys;
import io.forewarn.rules.runtime.RuleOperator;
import io.forewarn.rules.runtime.RuleSettings;
import io.forewarn.rules.runtime.SignalMatchHandler;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleKeyKind;
import io.forewarn.schema.state.RuleRecord;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/**
 * Keyed state held after the same records, measured as the size of an operator snapshot (one
 * instance, heap backend): the dynamic rule operator with all rules, against the sum over one Flink
 * CEP operator per rule. The watermark trails the records by {@link #WATERMARK_LAG_MS}, so records
 * waiting for it count too.
 */
final class RulesStateSize {

    static final long WATERMARK_LAG_MS = 5_000;

    /** Snapshots in memory, without the default size limit. */
    private static final JobManagerCheckpointStorage STORAGE =
            new JobManagerCheckpointStorage(Integer.MAX_VALUE);

    private final long records;

    RulesStateSize(long records) {
        this.records = records;
    }

    long dynamic(List<RuleUpdate> rules) throws Exception {
        var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new RuleOperator<>(
                                new RuleSettings(10_000, 1000), rules, new SignalMatchHandler()),
                        RuleRecord::getKey,
                        null,
                        Types.STRING);
        h.setCheckpointStorage(STORAGE);
        h.open();
        for (long i = 0; i < records; i++) {
            RuleRecord r = new SyntheticTelemetry().map(i);
            for (KeyKind kind : KeyKind.values()) {
                String key = RuleKeys.keyOf(kind, r.getRecord());
                if (key != null) {
                    h.processElement1(
                            new StreamRecord<>(
                                    new RuleRecord(
                                            key,
                                            RuleKeyKind.valueOf(kind.name()),
                                            r.getTimestamp(),
                                            r.getRecord()),
                                    r.getTimestamp()));
                }
            }
            watermark(i, h::processWatermark1);
        }
        long size = h.snapshot(1, 1).getStateSize();
        h.close();
        return size;
    }

    long baseline(List<RuleUpdate> updates, List<CompiledRule> rules) throws Exception {
        long total = 0;
        for (int n = 0; n < rules.size(); n++) {
            CompiledRule rule = rules.get(n);
            var h =
                    new KeyedOneInputStreamOperatorTestHarness<>(
                            new CepOperator<RuleRecord, String, Signal>(
                                    new AvroSerializer<>(RuleRecord.class),
                                    false,
                                    NFACompiler.compileFactory(rule.pattern(), false),
                                    null,
                                    rule.skipStrategy(),
                                    new StaticRuleMatch(updates.get(n).getContent()),
                                    null),
                            RuleRecord::getKey,
                            Types.STRING);
            h.setCheckpointStorage(STORAGE);
            h.open();
            KeyKind kind = rule.rule().key();
            for (long i = 0; i < records; i++) {
                RuleRecord r =
                        new RulesThroughput.KeyFor(kind).map(new SyntheticTelemetry().map(i));
                h.processElement(new StreamRecord<>(r, r.getTimestamp()));
                watermark(i, h::processWatermark);
            }
            total += h.snapshot(1, 1).getStateSize();
            h.close();
        }
        return total;
    }

    /** A watermark every thousand records, {@link #WATERMARK_LAG_MS} behind the newest record. */
    private static void watermark(long i, WatermarkSink sink) throws Exception {
        if (i % 1000 == 999) {
            sink.accept(new Watermark(SyntheticTelemetry.START + i - WATERMARK_LAG_MS));
        }
    }

    @FunctionalInterface
    private interface WatermarkSink {
        void accept(Watermark w) throws Exception;
    }
}
