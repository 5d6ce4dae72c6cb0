package io.forewarn.detect;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.logs.LogSignals;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.Producer;
import io.forewarn.schema.Signal;
import io.forewarn.simulator.BadDeploymentScenario;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kafka logs topic to the template index and to signals: simulated shippers' ECS JSON logs of a
 * fleet with a bad deployment, the whole job in a mini cluster at parallelism 2, template documents
 * in Elasticsearch and log-template signals in Kafka.
 */
class LogTemplatesITCase extends DetectJobITCaseBase {

    private static final long MINUTE = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_ERROR =
            "Unhandled exception in CheckoutController.submit: java.lang.IllegalStateException:"
                    + " feature flag 'new-pricing' has no value for region <*>";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void logsBecomeTemplateDocumentsAndSignals() throws Exception {
        BadDeploymentScenario scenario =
                new BadDeploymentScenario(
                        "checkout",
                        start + 25 * MINUTE,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(15),
                        "2.4.0");
        simulate(7, start, start + 45 * MINUTE, scenario);

        runToEnd(config(Map.of()));

        Map<String, Long> linesPerService = linesPerService();
        assertThat(linesPerService).hasSize(5);
        List<ObjectNode> documents = templateDocuments();
        Map<String, Long> countedPerService =
                documents.stream()
                        .filter(d -> !d.at("/forewarn/template").has("replaced_by"))
                        .filter(d -> !d.at("/forewarn/template/evicted").asBoolean())
                        .collect(
                                Collectors.groupingBy(
                                        d -> d.at("/service/name").asText(),
                                        TreeMap::new,
                                        Collectors.summingLong(
                                                d -> d.at("/forewarn/template/count").asLong())));
        assertThat(countedPerService)
                .as(
                        () ->
                                "every line counted once in the live templates of its service;"
                                        + " documents of the services that differ:\n"
                                        + describe(documents, countedPerService, linesPerService))
                .isEqualTo(linesPerService);

        JsonNode newError =
                documents.stream()
                        .map(d -> d.path("forewarn").path("template"))
                        .filter(t -> t.path("pattern").asText().equals(NEW_ERROR))
                        .findFirst()
                        .orElseThrow();
        assertThat(newError.path("level").asText()).isEqualTo("ERROR");
        assertThat(newError.path("new").asBoolean()).as("appeared after the warm-up").isTrue();
        assertThat(newError.path("example").asText()).startsWith("Unhandled exception");
        assertThat(newError.path("count").asLong()).isGreaterThan(100);

        List<Signal> logSignals =
                signals().stream()
                        .filter(s -> s.getSource().equals(LogSignals.SOURCE))
                        .collect(Collectors.toList());
        List<Signal> newTemplates =
                logSignals.stream()
                        .filter(s -> s.getKind().equals(LogSignals.NEW_TEMPLATE))
                        .collect(Collectors.toList());
        assertThat(newTemplates)
                .as("the new error pattern (and its one-word variants until they merged)")
                .isNotEmpty()
                .allSatisfy(
                        s -> {
                            assertThat(s.getService()).isEqualTo("checkout");
                            assertThat(s.getAttributes().get("template"))
                                    .startsWith("Unhandled exception in CheckoutController.submit");
                            assertThat(s.getTimestamp())
                                    .isGreaterThanOrEqualTo(start + 27 * MINUTE);
                        });
        assertThat(newTemplates.get(0).getScore()).as("an ERROR template").isEqualTo(0.9);
        assertThat(newTemplates.subList(1, newTemplates.size()))
                .allSatisfy(s -> assertThat(s.getAttributes()).containsKey("variantOf"));
        List<Signal> checkoutBursts =
                logSignals.stream()
                        .filter(s -> s.getKind().equals(LogSignals.TEMPLATE_BURST))
                        .filter(s -> s.getService().equals("checkout"))
                        .collect(Collectors.toList());
        // At some times of the simulated day checkout's known WARN templates (slow queries) also
        // burst a little; such bursts are signals, not predictions.
        assertThat(checkoutBursts)
                .as("bursts of other templates on checkout predict nothing")
                .filteredOn(s -> !NEW_ERROR.equals(s.getAttributes().get("template")))
                .allSatisfy(s -> assertThat(s.getFailureType()).isNull());
        List<Signal> bursts =
                checkoutBursts.stream()
                        .filter(s -> NEW_ERROR.equals(s.getAttributes().get("template")))
                        .collect(Collectors.toList());
        assertThat(bursts).as("a burst every minute while the errors flood").hasSizeGreaterThan(3);
        assertThat(bursts.get(0).getFailureType())
                .as("the onset of the burst predicts an error spike")
                .isEqualTo(FailureTypes.ERROR_SPIKE);
        assertThat(bursts)
                .as("only onsets predict (a burst that pauses and resumes has a new one)")
                .filteredOn(s -> s.getFailureType() != null)
                .hasSizeLessThan(bursts.size())
                .allSatisfy(s -> assertThat(s.getAttributes()).containsEntry("onset", "true"));
        assertThat(logSignals)
                .as("healthy services predict nothing from their logs")
                .filteredOn(s -> !s.getService().equals("checkout"))
                .allSatisfy(s -> assertThat(s.getFailureType()).isNull());

        List<Prediction> predictions = predictions();
        assertThat(predictions).isNotEmpty();
        // Predictions of several entities interleave across partitions: take checkout's latest
        // state, the one with the most signals, not the last record read.
        Prediction checkout =
                predictions.stream()
                        .filter(p -> p.getService().equals("checkout"))
                        .max(Comparator.comparingInt(Prediction::getSignalCount))
                        .orElseThrow();
        assertThat(checkout.getProducers())
                .extracting(Producer::getId)
                .as("the template bursts are part of the checkout prediction")
                .contains(LogSignals.SOURCE);
        assertThat(elasticsearch.count(prefix + "-signals")).isEqualTo(signals().size());
        assertThat(deadLetters()).isEmpty();
    }

    /** The template documents of the services whose live counts differ from their lines. */
    private static String describe(
            List<ObjectNode> documents, Map<String, Long> counted, Map<String, Long> lines) {
        return documents.stream()
                .filter(
                        d -> {
                            String service = d.at("/service/name").asText();
                            return !Objects.equals(counted.get(service), lines.get(service));
                        })
                .sorted(Comparator.comparing(d -> d.at("/forewarn/template/first_seen").asText()))
                .map(d -> d.at("/service/name").asText() + " " + d.at("/forewarn/template"))
                .collect(Collectors.joining("\n"));
    }

    /** Log lines per service, read back from the logs topic. */
    private Map<String, Long> linesPerService() throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record :
                kafka.readAll(topicNames().get("topics.logs"))) {
            String service = JSON.readTree(record.value()).path("service.name").asText();
            lines.merge(service, 1L, Long::sum);
        }
        return lines;
    }

    private List<ObjectNode> templateDocuments() throws IOException {
        String index = prefix + "-log-templates";
        elasticsearch.refresh(index);
        SearchResponse<ObjectNode> response =
                elasticsearch.client().search(s -> s.index(index).size(10_000), ObjectNode.class);
        return response.hits().hits().stream().map(Hit::source).collect(Collectors.toList());
    }
}
