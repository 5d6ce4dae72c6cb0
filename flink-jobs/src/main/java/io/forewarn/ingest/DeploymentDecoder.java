package io.forewarn.ingest;

import io.forewarn.schema.DeploymentEvent;

/**
 * Decodes the {@code deployments} topic: GitHub {@code deployment_status} webhooks ({@link
 * GitHubDeployments}, told by a {@code deployment_status} field), Argo CD notifications rendered
 * with the recommended template ({@link ArgoCdDeployments}, told by {@code operationPhase}),
 * Forewarn's own webhook shape ({@link WebhookDeployments}, anything else) and Avro single-object
 * encoded {@link DeploymentEvent}s.
 */
public final class DeploymentDecoder implements RecordDecoder<DeploymentEvent> {

    private static final long serialVersionUID = 1L;

    private final DecoderSettings settings;

    public DeploymentDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<DeploymentEvent> recordClass() {
        return DeploymentEvent.class;
    }

    @Override
    public DecoderSettings settings() {
        return settings;
    }

    @Override
    public long eventTime(DeploymentEvent record) {
        return record.getTimestamp();
    }

    @Override
    public Decoded<DeploymentEvent> decode(byte[] payload) throws DecodeException {
        if (AvroSingleObject.isSingleObject(payload)) {
            return Decoded.of(
                    AvroSingleObject.decode(
                            payload,
                            DeploymentEvent.getDecoder(),
                            DeploymentEvent.getClassSchema()));
        }
        JsonObject json = JsonObject.root(JsonPayload.parseObject(payload), settings);
        if (GitHubDeployments.matches(json)) {
            return Decoded.of(GitHubDeployments.map(json, settings));
        }
        if (ArgoCdDeployments.matches(json)) {
            return Decoded.of(ArgoCdDeployments.map(json, settings));
        }
        return Decoded.of(WebhookDeployments.map(json, settings));
    }
}
