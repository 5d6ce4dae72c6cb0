package io.forewarn.rules.runtime;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.RuleUpdate;
import java.io.IOException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link RuleUpdate}s from the rules topic (Avro single-object encoding). A record that is
 * not one is logged and skipped: a bad control record must not stop the job.
 */
public final class RuleUpdateDeserializer implements KafkaRecordDeserializationSchema<RuleUpdate> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(RuleUpdateDeserializer.class);

    private transient BinaryMessageDecoder<RuleUpdate> decoder;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleUpdate> out) {
        if (decoder == null) {
            decoder = RuleUpdate.getDecoder();
        }
        try {
            out.collect(decoder.decode(record.value()));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Skipped a record on {} partition {} offset {} that is not a RuleUpdate: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    @Override
    public TypeInformation<RuleUpdate> getProducedType() {
        return new AvroStreamType<>(RuleUpdate.class);
    }
}
