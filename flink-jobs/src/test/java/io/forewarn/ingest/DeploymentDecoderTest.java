package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.DeploymentStatus;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentDecoderTest {

    private final DeploymentDecoder decoder = new DeploymentDecoder(Samples.settings());

    private DeploymentEvent decodeOne(byte[] payload) throws DecodeException {
        Decoded<DeploymentEvent> decoded = decoder.decode(payload);
        assertThat(decoded.records()).hasSize(1);
        return decoded.records().get(0);
    }

    @Test
    void forewarnWebhook() throws Exception {
        DeploymentEvent event = decodeOne(resource("webhook-deployment.json"));

        assertThat(event.getDeploymentId()).isEqualTo("deploy-2026-12-04-0042");
        assertThat(event.getService()).isEqualTo("checkout");
        assertThat(event.getEnvironment()).isEqualTo("production");
        assertThat(event.getVersion()).isEqualTo("2.14.1");
        assertThat(event.getPreviousVersion()).isEqualTo("2.14.0");
        assertThat(event.getStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(event.getTimestamp()).isEqualTo(millis("2026-12-04T10:12:00Z"));
        assertThat(event.getCommitSha()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(event.getActor()).isEqualTo("alice");
        assertThat(event.getDescription()).isEqualTo("Canary promoted to 100%");
        assertThat(event.getUrl()).isEqualTo("https://ci.example.com/deployments/42");
        assertThat(event.getLabels())
                .containsOnly(entry("team", "payments"), entry("strategy", "canary"));
        assertThat(event.getSource()).isEqualTo("webhook");
    }

    @Test
    void forewarnWebhookInCamelCaseWithEpochMillisAndDefaults() throws Exception {
        DeploymentEvent event =
                decodeOne(
                        utf8(
                                "{\"id\":42,\"service\":\"cart\",\"previousVersion\":\"1.0\","
                                        + "\"commitSha\":\"abc\",\"timestamp\":1796379120000,"
                                        + "\"status\":\"Rolled-Back\"}"));

        assertThat(event.getDeploymentId()).isEqualTo("42");
        assertThat(event.getPreviousVersion()).isEqualTo("1.0");
        assertThat(event.getCommitSha()).isEqualTo("abc");
        assertThat(event.getTimestamp()).isEqualTo(millis("2026-12-04T10:12:00Z"));
        assertThat(event.getStatus()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(event.getEnvironment()).isNull();
        assertThat(event.getLabels()).isEmpty();
    }

    @Test
    void argoCdNotificationFromTheRecommendedTemplate() throws Exception {
        DeploymentEvent event = decodeOne(resource("argocd.json"));

        assertThat(event.getDeploymentId()).isEqualTo("checkout@" + millis("2026-12-04T10:11:02Z"));
        assertThat(event.getService()).isEqualTo("checkout");
        assertThat(event.getEnvironment()).isEqualTo("production");
        assertThat(event.getVersion()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(event.getCommitSha()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(event.getPreviousVersion()).isNull();
        assertThat(event.getStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(event.getTimestamp()).isEqualTo(millis("2026-12-04T10:12:40Z"));
        assertThat(event.getActor()).isNull();
        assertThat(event.getDescription()).isEqualTo("successfully synced (all tasks run)");
        assertThat(event.getUrl()).isEqualTo("https://argocd.example.com/applications/checkout");
        assertThat(event.getLabels())
                .containsOnly(
                        entry("argocd.project", "shop"),
                        entry("argocd.namespace", "checkout-prod"),
                        entry("argocd.cluster", "https://kubernetes.default.svc"),
                        entry("argocd.phase", "Succeeded"),
                        entry("argocd.health", "Healthy"),
                        entry("argocd.sync", "Synced"),
                        entry("argocd.repo", "https://github.com/example/shop-deploy.git"));
        assertThat(event.getSource()).isEqualTo("argocd");
    }

    @ParameterizedTest
    @CsvSource({
        "Running, Progressing, IN_PROGRESS",
        "Succeeded, Healthy, SUCCEEDED",
        "Succeeded, Progressing, IN_PROGRESS",
        "Succeeded, Degraded, FAILED",
        "Succeeded, Missing, FAILED",
        "Failed, Degraded, FAILED",
        "Error, Unknown, FAILED",
        "Terminating, Healthy, UNKNOWN"
    })
    void argoCdStatusFromPhaseAndHealth(String phase, String health, DeploymentStatus expected)
            throws Exception {
        DeploymentEvent event =
                decodeOne(
                        utf8(
                                "{\"app\":\"cart\",\"operationPhase\":\""
                                        + phase
                                        + "\",\"healthStatus\":\""
                                        + health
                                        + "\",\"startedAt\":\"2026-12-04T10:11:02Z\","
                                        + "\"finishedAt\":\"<no value>\",\"revision\":\"1.4.2\"}"));

        assertThat(event.getStatus()).isEqualTo(expected);
        assertThat(event.getTimestamp()).isEqualTo(millis("2026-12-04T10:11:02Z"));
        assertThat(event.getVersion()).isEqualTo("1.4.2");
        assertThat(event.getCommitSha()).isNull();
    }

    @Test
    void gitHubDeploymentStatus() throws Exception {
        DeploymentEvent event = decodeOne(resource("github-deployment-status.json"));

        assertThat(event.getDeploymentId()).isEqualTo("1893456712");
        assertThat(event.getService()).isEqualTo("checkout");
        assertThat(event.getEnvironment()).isEqualTo("production");
        assertThat(event.getVersion()).isEqualTo("v2.14.1");
        assertThat(event.getPreviousVersion()).isEqualTo("v2.14.0");
        assertThat(event.getStatus()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(event.getTimestamp()).isEqualTo(millis("2026-12-04T10:14:07Z"));
        assertThat(event.getCommitSha()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(event.getActor()).isEqualTo("deploy-bot[bot]");
        assertThat(event.getDescription()).isEqualTo("Health checks failed after rollout");
        assertThat(event.getUrl())
                .isEqualTo("https://github.com/example/checkout/actions/runs/7712345678");
        assertThat(event.getLabels())
                .containsOnly(
                        entry("repository", "example/checkout"),
                        entry("ref", "v2.14.1"),
                        entry("task", "deploy"),
                        entry("github.state", "failure"));
        assertThat(event.getSource()).isEqualTo("github");
    }

    @Test
    void gitHubPayloadAsJsonStringNamesTheService() throws Exception {
        DeploymentEvent event =
                decodeOne(
                        utf8(
                                "{\"deployment_status\":{\"state\":\"in_progress\","
                                        + "\"created_at\":\"2026-12-04T10:14:05Z\","
                                        + "\"environment_url\":\"https://cart.example.com\"},"
                                        + "\"deployment\":{\"id\":7,\"sha\":\"abc\",\"ref\":\"main\","
                                        + "\"environment\":\"staging\",\"payload\":"
                                        + "\"{\\\"service\\\":\\\"cart\\\",\\\"version\\\":\\\"3.2.0\\\"}\"},"
                                        + "\"repository\":{\"name\":\"monorepo\"},"
                                        + "\"sender\":{\"login\":\"bob\"}}"));

        assertThat(event.getService()).isEqualTo("cart");
        assertThat(event.getVersion()).isEqualTo("3.2.0");
        assertThat(event.getEnvironment()).isEqualTo("staging");
        assertThat(event.getStatus()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(event.getTimestamp()).isEqualTo(millis("2026-12-04T10:14:05Z"));
        assertThat(event.getActor()).isEqualTo("bob");
        assertThat(event.getUrl()).isEqualTo("https://cart.example.com");
    }

    @Test
    void avroSingleObjectRoundTrip() throws Exception {
        DeploymentEvent original =
                DeploymentEvent.newBuilder()
                        .setTimestamp(millis("2026-12-04T10:12:00Z"))
                        .setDeploymentId("d-1")
                        .setService("checkout")
                        .setStatus(DeploymentStatus.STARTED)
                        .setSource("avro")
                        .setLabels(Map.of())
                        .build();
        ByteBuffer encoded = original.toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(decodeOne(bytes)).isEqualTo(original);
    }

    @Test
    void precisePerFieldFailures() {
        assertFailure(
                "{\"service\":\"s\",\"timestamp\":\"2026-12-04T10:12:00Z\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'id' is missing");
        assertFailure(
                "{\"id\":\"d\",\"timestamp\":\"2026-12-04T10:12:00Z\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'service' is missing");
        assertFailure(
                "{\"id\":\"d\",\"service\":\"s\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'timestamp' is missing");
        assertFailure(
                "{\"id\":\"d\",\"service\":\"s\",\"timestamp\":\"2026-12-04T10:12:00Z\","
                        + "\"status\":\"exploded\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'status' must be one of [completed, error, failed,");
        assertFailure(
                "{\"id\":\"d\",\"service\":\"s\",\"timestamp\":\"2026-12-04T10:12:00Z\","
                        + "\"labels\":[\"a\"]}",
                DeadLetterReason.WRONG_TYPE,
                "field 'labels' must be an object, got an array of 1");
        assertFailure(
                "{\"app\":\"a\",\"operationPhase\":\"Succeeded\"}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'finishedAt' (or 'startedAt') is missing");
        assertFailure(
                "{\"app\":\"a\",\"operationPhase\":\"Paused\",\"startedAt\":\"2026-12-04T10:11:02Z\"}",
                DeadLetterReason.WRONG_TYPE,
                "field 'operationPhase' must be one of Running, Succeeded, Failed, Error,"
                        + " Terminating, got 'Paused'");
        assertFailure(
                "{\"deployment_status\":{\"state\":\"success\"},\"deployment\":{\"id\":1},"
                        + "\"repository\":{\"name\":\"r\"}}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'deployment_status.created_at' (or 'createdAt') is missing");
        assertFailure(
                "{\"deployment_status\":{\"state\":\"success\","
                        + "\"created_at\":\"2026-12-04T10:14:05Z\"},\"deployment\":{\"id\":1}}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'deployment.payload.service' (or 'repository.name') is missing");
        assertFailure(
                "{\"deployment_status\":{\"state\":\"done\"},\"deployment\":{\"id\":1}}",
                DeadLetterReason.WRONG_TYPE,
                "field 'deployment_status.state' must be one of");
        assertFailure(
                "{\"deployment_status\":\"success\",\"deployment\":{\"id\":1}}",
                DeadLetterReason.WRONG_TYPE,
                "field 'deployment_status' must be an object, got the string 'success'");
    }

    private void assertFailure(String payload, DeadLetterReason reason, String detail) {
        assertThatThrownBy(() -> decoder.decode(utf8(payload)))
                .as(payload)
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.detail()).startsWith(detail);
                        });
    }
}
