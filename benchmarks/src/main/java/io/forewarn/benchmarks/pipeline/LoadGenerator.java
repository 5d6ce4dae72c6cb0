package io.forewarn.benchmarks.pipeline;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends telemetry of the benchmark fleet at a constant rate: metric samples of every series (three
 * metrics on each of a service's two hosts) every {@link #SCRAPE_INTERVAL} (300 samples/s for 500
 * services), and ECS log lines for the rest of the rate, round robin over the services, each record
 * stamped with the wall clock as its event time (so an event's time is also the moment it entered
 * Kafka). Every service has an error burst of three minutes in every fifteen (60% errors, so that
 * the error-rate detector predicts it even before its baseline is warm): a fifth of the fleet is
 * bursting at any time, which keeps predictions flowing for the latency measurement.
 */
final class LoadGenerator implements AutoCloseable {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    /** How often every metric series is sampled. */
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final String logsTopic;
    private final String metricsTopic;
    private final Payloads payloads;
    private final double rate;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long startedNanos;
    private volatile long stoppedNanos;
    private long random = 0x9E3779B97F4A7C15L;

    LoadGenerator(
            Properties kafka,
            String logsTopic,
            String metricsTopic,
            Payloads payloads,
            double rate) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props);
        this.logsTopic = logsTopic;
        this.metricsTopic = metricsTopic;
        this.payloads = payloads;
        this.rate = rate;
        this.thread = new Thread(this::run, "load-generator");
        thread.setDaemon(true);
    }

    void start() {
        startedNanos = System.nanoTime();
        thread.start();
    }

    private void run() {
        long count = 0;
        long scraped = 0;
        double metricShare = metricRate(payloads.services(), rate) / rate;
        int services = payloads.services();
        while (!stopped) {
            long due = (long) ((System.nanoTime() - startedNanos) / 1e9 * rate);
            if (count >= due) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            long now = System.currentTimeMillis();
            long batchEnd = Math.min(due, count + 2_000);
            for (; count < batchEnd; count++) {
                int service = (int) ((count * 7_919) % services);
                String key = Payloads.service(service);
                int variant = (int) (next() & 0xFFFF);
                if (Math.floor((count + 1) * metricShare) == Math.floor(count * metricShare)) {
                    producer.send(
                            new ProducerRecord<>(
                                    logsTopic,
                                    null,
                                    now,
                                    key,
                                    Payloads.stamped(
                                            payloads.log(service, level(service, now), variant),
                                            now)));
                } else {
                    producer.send(
                            new ProducerRecord<>(
                                    metricsTopic,
                                    null,
                                    now,
                                    key,
                                    Payloads.stamped(
                                            payloads.series(
                                                    (int) (scraped / Payloads.SERIES % services),
                                                    (int) (scraped % Payloads.SERIES)),
                                            now)));
                    scraped++;
                }
            }
            sent.set(count);
        }
        stoppedNanos = System.nanoTime();
    }

    /**
     * Metric samples per second: every series once per {@link #SCRAPE_INTERVAL}, as a Prometheus
     * scrape would, so the sample rate of a series does not depend on the load; at most half of a
     * very low rate.
     */
    static double metricRate(int services, double rate) {
        double scrapes = services * Payloads.SERIES / (double) SCRAPE_INTERVAL.toSeconds();
        return Math.min(scrapes, rate / 2);
    }

    private String level(int service, long now) {
        boolean bursting = Math.floorMod(now / MINUTE + service, 15) < 3;
        double roll = (next() >>> 11) * 0x1.0p-53;
        if (roll < (bursting ? 0.6 : 0.01)) {
            return "ERROR";
        }
        return roll < (bursting ? 0.63 : 0.04) ? "WARN" : "INFO";
    }

    private long next() {
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        return random;
    }

    /** Records handed to the producer so far. */
    long sent() {
        return sent.get();
    }

    /** Records per second handed to the producer since the start (until now or the stop). */
    double achievedRate() {
        long end = stopped && stoppedNanos != 0 ? stoppedNanos : System.nanoTime();
        return sent.get() / ((end - startedNanos) / 1e9);
    }

    double targetRate() {
        return rate;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(30_000);
        producer.close(Duration.ofSeconds(30));
    }
}
