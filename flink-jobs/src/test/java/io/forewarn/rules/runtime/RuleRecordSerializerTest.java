package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.junit.jupiter.api.Test;

class RuleRecordSerializerTest {

    private static final List<RuleRecord> RECORDS =
            List.of(
                    RuleFiles.routed(
                            KeyKind.SERVICE,
                            RuleFiles.log(
                                    1_000L,
                                    "checkout",
                                    LogLevel.ERROR,
                                    "connection refused to payments:8443")),
                    RuleFiles.serviceMetric(2_000L, "checkout", "cpu", 0.93));

    @Test
    void aCopyIsTheRecordItself() {
        RuleRecordSerializer serializer = new RuleRecordSerializer();
        for (RuleRecord r : RECORDS) {
            assertThat(serializer.copy(r)).isSameAs(r);
            assertThat(serializer.copy(r, serializer.createInstance())).isSameAs(r);
        }
        assertThat(serializer.isImmutableType()).isTrue();
        assertThat(serializer.duplicate()).isInstanceOf(RuleRecordSerializer.class);
    }

    @Test
    void writesTheAvroSerializersBytesAndReadsThem() throws IOException {
        AvroSerializer<RuleRecord> avro = new AvroSerializer<>(RuleRecord.class);
        RuleRecordSerializer serializer = new RuleRecordSerializer();
        for (RuleRecord r : RECORDS) {
            byte[] ours = bytes(serializer, r);
            assertThat(ours).isEqualTo(bytes(avro, r));
            assertThat(avro.deserialize(new DataInputDeserializer(ours))).isEqualTo(r);
            assertThat(serializer.deserialize(new DataInputDeserializer(bytes(avro, r))))
                    .isEqualTo(r);
        }
    }

    @Test
    void stateOfEitherSerializerRestoresWithTheOther() throws IOException {
        TypeSerializerSnapshot<RuleRecord> avro =
                roundTrip(new AvroSerializer<>(RuleRecord.class).snapshotConfiguration());
        TypeSerializerSnapshot<RuleRecord> ours =
                roundTrip(new RuleRecordSerializer().snapshotConfiguration());

        TypeSerializerSchemaCompatibility<RuleRecord> upgrade =
                new RuleRecordSerializer().snapshotConfiguration().resolveSchemaCompatibility(avro);
        TypeSerializerSchemaCompatibility<RuleRecord> downgrade =
                new AvroSerializer<>(RuleRecord.class)
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(ours);

        assertThat(upgrade.isCompatibleAsIs()).isTrue();
        assertThat(downgrade.isCompatibleAsIs()).isTrue();
    }

    private static byte[] bytes(TypeSerializer<RuleRecord> serializer, RuleRecord r)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(r, out);
        return out.getCopyOfBuffer();
    }

    private static TypeSerializerSnapshot<RuleRecord> roundTrip(
            TypeSerializerSnapshot<RuleRecord> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()),
                RuleRecordSerializerTest.class.getClassLoader());
    }
}
