package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.util.RandomData;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroStreamTypeTest {

    /**
     * Random records of every stream type (optional fields null or not, every branch of the
     * envelopes' unions, in random order so that a class's branch is learnt and then reused): the
     * same bytes as Flink's Avro serializer, and they read back equal.
     */
    @ParameterizedTest
    @ValueSource(
            classes = {
                LogRecord.class,
                MetricSample.class,
                DeploymentEvent.class,
                DependencyStatus.class,
                Signal.class,
                RuleRecord.class,
                Ingested.class,
                DeadLetter.class
            })
    <T extends SpecificRecordBase> void writesTheBytesAvroWrites(Class<T> type) throws Exception {
        TypeSerializer<T> fast =
                new AvroStreamType<>(type).createSerializer(new SerializerConfigImpl());
        AvroSerializer<T> avro = new AvroSerializer<>(type);
        assertThat(fast).isInstanceOf(AvroStreamType.Serializer.class);
        List<T> records = new ArrayList<>();
        for (Object r :
                new RandomData(
                        SpecificData.getForClass(type),
                        SpecificData.get().getSchema(type),
                        2_000,
                        42)) {
            records.add(type.cast(r));
        }
        DataOutputSerializer expected = new DataOutputSerializer(1024);
        DataOutputSerializer actual = new DataOutputSerializer(1024);
        for (T record : records) {
            expected.clear();
            actual.clear();
            avro.serialize(record, expected);
            fast.serialize(record, actual);
            assertThat(actual.getCopyOfBuffer()).isEqualTo(expected.getCopyOfBuffer());
            T read = fast.deserialize(new DataInputDeserializer(actual.getCopyOfBuffer()));
            assertThat(read).isEqualTo(record);
        }
        assertThat(fast.duplicate()).isEqualTo(fast).isNotSameAs(fast);
        assertThat(new AvroStreamType<>(type)).isEqualTo(new AvroTypeInfo<>(type));
    }
}
