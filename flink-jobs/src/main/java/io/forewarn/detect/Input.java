package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.ingest.DecoderSettings;
import io.forewarn.ingest.IngestDeserializer;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.Incident;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.VcsStats;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.ConfigOption;

/** The input topics of the job: their topic option, record class and deserializer. */
public enum Input {
    LOGS(TOPIC_LOGS, LogRecord.class, IngestDeserializer::logs),
    METRICS(TOPIC_METRICS, MetricSample.class, IngestDeserializer::metrics),
    DEPLOYMENTS(TOPIC_DEPLOYMENTS, DeploymentEvent.class, IngestDeserializer::deployments),
    VCS(TOPIC_VCS, VcsStats.class, IngestDeserializer::vcsStats),
    DEPENDENCIES(TOPIC_DEPENDENCIES, DependencyStatus.class, IngestDeserializer::dependencyStatus),
    INCIDENTS(TOPIC_INCIDENTS, Incident.class, IngestDeserializer::incidents);

    private final ConfigOption<String> topic;
    private final Class<? extends SpecificRecordBase> recordClass;
    private final Function<DecoderSettings, IngestDeserializer> deserializer;

    Input(
            ConfigOption<String> topic,
            Class<? extends SpecificRecordBase> recordClass,
            Function<DecoderSettings, IngestDeserializer> deserializer) {
        this.topic = topic;
        this.recordClass = recordClass;
        this.deserializer = deserializer;
    }

    public ConfigOption<String> topicOption() {
        return topic;
    }

    public Class<? extends SpecificRecordBase> recordClass() {
        return recordClass;
    }

    public IngestDeserializer deserializer(DecoderSettings settings) {
        return deserializer.apply(settings);
    }

    /** Lower-case name used in operator uids and names, e.g. "logs". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
