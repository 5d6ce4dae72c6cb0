package io.forewarn.detect;

import io.forewarn.logs.TemplateUpdate;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;

/**
 * The sources and sinks of {@link DetectJob}: Kafka and Elasticsearch in production ({@link
 * KafkaEndpoints}), anything a test needs otherwise.
 */
public interface DetectEndpoints {

    /** The source of one input topic, emitting decoded records or dead letters. */
    Source<Ingested, ?, ?> source(Input input);

    /** The rules control topic: rule updates, broadcast to the rules stage. */
    Source<RuleUpdate, ?, ?> ruleUpdates();

    Sink<Signal> signals();

    Sink<Prediction> predictions();

    Sink<DeadLetter> deadLetters();

    /** Rule activations, rejections, removals and limit hits, for the status topic. */
    Sink<ControlStatus> controlStatus();

    /** Signals as Elasticsearch documents, when Elasticsearch is enabled. */
    Optional<Sink<Signal>> signalDocuments();

    /** Predictions as Elasticsearch documents, when Elasticsearch is enabled. */
    Optional<Sink<Prediction>> predictionDocuments();

    /** Mined log templates as Elasticsearch documents, when Elasticsearch is enabled. */
    Optional<Sink<TemplateUpdate>> templateDocuments();
}
