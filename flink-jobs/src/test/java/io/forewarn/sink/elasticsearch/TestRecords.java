package io.forewarn.sink.elasticsearch;

import io.forewarn.schema.Evidence;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import java.util.List;
import java.util.Map;

/** Complete sample records for sink and converter tests. */
public final class TestRecords {

    /** 2026-01-01T00:00:00Z. */
    public static final long T0 = 1_767_225_600_000L;

    private TestRecords() {}

    public static Prediction prediction(String id, long timestamp, PredictionStatus status) {
        return Prediction.newBuilder()
                .setPredictionId(id)
                .setTimestamp(timestamp)
                .setService("checkout")
                .setHost("web-3")
                .setFailureType("disk-full")
                .setStatus(status)
                .setProbability(0.82)
                .setSeverity(Severity.HIGH)
                .setTimeToImpact(
                        TimeToImpact.newBuilder()
                                .setExpectedMillis(600_000)
                                .setLowerMillis(300_000)
                                .setUpperMillis(900_000)
                                .build())
                .setRankScore(0.656)
                .setSummary("Disk of web-3 fills up in about 10 minutes")
                .setEvidence(
                        List.of(
                                Evidence.newBuilder()
                                        .setKind("forecast")
                                        .setSummary("disk.used.pct reaches 100% in 10 min")
                                        .setTimestamp(timestamp - 60_000)
                                        .setSource("rcf-forecast")
                                        .setRef("disk.used.pct{host=web-3}")
                                        .setValue(0.93)
                                        .setAttributes(Map.of("mount", "/var", "k8s.pod", "web-3"))
                                        .build()))
                .setRecommendedActions(
                        List.of(
                                RecommendedAction.newBuilder()
                                        .setTitle("Rotate and compress logs on web-3")
                                        .setRunbookUrl("https://runbooks.example/disk-full")
                                        .build()))
                .setProducers(
                        List.of(
                                Producer.newBuilder()
                                        .setKind(ProducerKind.MODEL)
                                        .setId("disk-forecast")
                                        .setVersion("3")
                                        .build()))
                .setFirstSeen(timestamp - 120_000)
                .setLastSeen(timestamp)
                .setEpisode(2)
                .setSignalCount(5)
                .build();
    }

    public static Signal signal(String id, long timestamp) {
        return Signal.newBuilder()
                .setSignalId(id)
                .setTimestamp(timestamp)
                .setService("checkout")
                .setHost(null)
                .setSource("error-rate")
                .setKind("error-burst")
                .setScore(0.7)
                .setFailureType("http-5xx")
                .setProbability(0.4)
                .setSeverity(Severity.MEDIUM)
                .setProducer(
                        Producer.newBuilder()
                                .setKind(ProducerKind.DETECTOR)
                                .setId("error-rate")
                                .setVersion("1")
                                .build())
                .setAttributes(Map.of("region", "eu-west-1", "zone.id", "b"))
                .build();
    }
}
