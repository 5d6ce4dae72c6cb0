package io.forewarn.testutils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in the test JVM,
 * started once per JVM and shared by every test class. Tests create fresh topics per test with
 * {@link #createTopics(int, String...)}.
 *
 * <p>{@code KafkaClusterTestKit} is an internal Kafka test API; it is used only here.
 */
public final class KafkaTestCluster {

    private static KafkaTestCluster instance;

    private final KafkaClusterTestKit cluster;

    private KafkaTestCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** The shared broker, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaTestCluster get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(instance::close, "kafka-test-cluster-stop"));
        }
        return instance;
    }

    private static KafkaTestCluster start() {
        try {
            KafkaClusterTestKit cluster =
                    new KafkaClusterTestKit.Builder(
                                    new TestKitNodes.Builder()
                                            .setCombined(true)
                                            .setNumBrokerNodes(1)
                                            .setNumControllerNodes(1)
                                            .build())
                            .setConfigProp("offsets.topic.replication.factor", "1")
                            .setConfigProp("offsets.topic.num.partitions", "4")
                            .setConfigProp("transaction.state.log.replication.factor", "1")
                            .setConfigProp("transaction.state.log.min.isr", "1")
                            .setConfigProp("transaction.state.log.num.partitions", "4")
                            .setConfigProp("group.initial.rebalance.delay.ms", "0")
                            .setConfigProp("min.insync.replicas", "1")
                            .setConfigProp("auto.create.topics.enable", "false")
                            .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaTestCluster(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates topics with unique names derived from the given prefixes and returns the names. */
    public List<String> createTopics(int partitions, String... prefixes) {
        List<String> names = new ArrayList<>();
        for (String prefix : prefixes) {
            names.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        }
        createTopicsNamed(partitions, names);
        return names;
    }

    /** Creates topics with exactly these names. */
    public void createTopicsNamed(int partitions, Collection<String> names) {
        try (Admin admin = admin()) {
            admin.createTopics(
                            names.stream()
                                    .map(n -> new NewTopic(n, partitions, (short) 1))
                                    .collect(Collectors.toList()))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + names, e);
        }
    }

    public void deleteTopics(Collection<String> names) {
        try (Admin admin = admin()) {
            admin.deleteTopics(names).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not delete topics " + names, e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    public KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    /** Writes the values to one partition of a topic and waits until the broker has them. */
    public void produce(String topic, int partition, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, partition, null, value));
            }
            producer.flush();
        }
    }

    /** Writes the values round-robin over the given number of partitions. */
    public void produceRoundRobin(String topic, int partitions, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            int i = 0;
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, i++ % partitions, null, value));
            }
            producer.flush();
        }
    }

    /**
     * A consumer that reads only committed transactional data, from the beginning of every
     * partition it is assigned.
     */
    public KafkaConsumer<byte[], byte[]> committedConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }

    /** Everything currently committed in a topic, all partitions, read from the beginning. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = committedConsumer()) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading topic " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    private void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // The JVM is exiting; nothing else to do with the failure than report it.
            System.err.println("Could not stop the test Kafka broker: " + e);
        }
    }
}
