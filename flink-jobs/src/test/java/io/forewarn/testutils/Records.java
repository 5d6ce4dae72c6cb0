package io.forewarn.testutils;

import io.forewarn.schema.Evidence;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import java.util.List;
import java.util.Map;

/** Builders of valid records for tests. */
public final class Records {

    private Records() {}

    public static LogRecord log(long timestamp, String service, LogLevel level, String message) {
        return LogRecord.newBuilder()
                .setTimestamp(timestamp)
                .setService(service)
                .setLevel(level)
                .setMessage(message)
                .build();
    }

    public static MetricSample metric(
            long timestamp,
            String name,
            double value,
            String service,
            String host,
            MetricKind kind) {
        return MetricSample.newBuilder()
                .setTimestamp(timestamp)
                .setName(name)
                .setValue(value)
                .setLabels(Map.of("instance", host + ":9100"))
                .setService(service)
                .setHost(host)
                .setKind(kind)
                .build();
    }

    public static Signal signal(
            long timestamp,
            String service,
            String failureType,
            String producerId,
            double probability) {
        return Signal.newBuilder()
                .setSignalId(producerId + "-" + timestamp)
                .setTimestamp(timestamp)
                .setService(service)
                .setSource(producerId)
                .setKind("test")
                .setScore(probability)
                .setFailureType(failureType)
                .setProbability(probability)
                .setSeverity(Severity.HIGH)
                .setTimeToImpact(new TimeToImpact(600_000L, 300_000L, 1_200_000L))
                .setEvidence(
                        List.of(
                                new Evidence(
                                        "test",
                                        producerId + " saw something at " + timestamp,
                                        timestamp,
                                        producerId,
                                        null,
                                        null,
                                        Map.of())))
                .setRecommendedActions(
                        List.of(new RecommendedAction("Act on " + producerId, null, null)))
                .setProducer(new Producer(ProducerKind.DETECTOR, producerId, "1"))
                .build();
    }
}
