package io.forewarn.rules.runtime;

import io.forewarn.schema.state.RuleRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;

/**
 * The Avro serializer of {@link RuleRecord}s in the rule operator's state, with one difference: a
 * copy is the record itself. Nothing changes a rule record after it is made (the router makes a new
 * one per key; the operator and Flink CEP's shared buffer only read them), so, as for {@code
 * String}, sharing is a copy.
 *
 * <p>This matters for the heap state backend: after every checkpoint, the first access to a key's
 * buffered records copies them (copy-on-write, so the running snapshot keeps its version), and a
 * deep Avro copy of every waiting record was about a tenth of the rule stage's time and much of its
 * garbage. The bytes written are the Avro serializer's, and its snapshot is the Avro serializer's,
 * so state written with either restores with the other.
 */
public final class RuleRecordSerializer extends AvroSerializer<RuleRecord> {

    private static final long serialVersionUID = 1L;

    public RuleRecordSerializer() {
        super(RuleRecord.class);
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public RuleRecord copy(RuleRecord from) {
        return from;
    }

    @Override
    public RuleRecord copy(RuleRecord from, RuleRecord reuse) {
        return from;
    }

    @Override
    public TypeSerializer<RuleRecord> duplicate() {
        return new RuleRecordSerializer();
    }
}
