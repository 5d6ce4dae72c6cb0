package io.forewarn.benchmarks.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of a job's consumer group: records in its input topics beyond the offsets it committed.
 * Flink's Kafka source commits on checkpoints, so the lag of a job that keeps up oscillates between
 * zero and a checkpoint interval's worth of records.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final List<TopicPartition> partitions;

    ConsumerLag(Properties kafka, String group, List<String> topics, int partitions) {
        Properties props = new Properties();
        props.putAll(kafka);
        this.admin = Admin.create(props);
        this.group = group;
        this.partitions =
                topics.stream()
                        .flatMap(
                                t ->
                                        java.util.stream.IntStream.range(0, partitions)
                                                .mapToObj(p -> new TopicPartition(t, p)))
                        .toList();
    }

    /** Records behind, summed over the partitions. */
    long lag() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(20, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            lag += ends.get(p).offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
