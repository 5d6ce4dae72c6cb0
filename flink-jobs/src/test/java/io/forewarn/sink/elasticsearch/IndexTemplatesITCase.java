package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.sink.elasticsearch.documents.PredictionDocuments;
import io.forewarn.testutils.ElasticsearchTestNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installs Forewarn's index templates into a real Elasticsearch node. */
class IndexTemplatesITCase {

    private final ElasticsearchTestNode es = ElasticsearchTestNode.get();
    private final ElasticsearchClient client = es.client();
    private String index;

    @BeforeEach
    void removeTemplates() throws IOException {
        for (String name : IndexTemplates.NAMES) {
            if (client.indices().existsIndexTemplate(r -> r.name(name)).value()) {
                client.indices().deleteIndexTemplate(r -> r.name(name));
            }
        }
    }

    @AfterEach
    void deleteIndex() {
        if (index != null) {
            es.deleteIndex(index);
        }
    }

    @Test
    void installsEveryMissingTemplate() throws IOException {
        assertThat(IndexTemplates.installMissing(client, IndexTemplateSettings.singleNode()))
                .containsExactlyElementsOf(IndexTemplates.NAMES);

        for (String name : IndexTemplates.NAMES) {
            var installed =
                    client.indices().getIndexTemplate(r -> r.name(name)).indexTemplates().get(0);
            assertThat(installed.indexTemplate().version())
                    .as(name)
                    .isEqualTo(
                            IndexTemplates.load(name, IndexTemplateSettings.singleNode())
                                    .get("version")
                                    .asLong());
            assertThat(installed.indexTemplate().template().settings().index().numberOfReplicas())
                    .as(name)
                    .isEqualTo("0");
        }
    }

    @Test
    void leavesPresentTemplatesAlone() throws IOException {
        IndexTemplates.installMissing(client, IndexTemplateSettings.singleNode());

        assertThat(IndexTemplates.installMissing(client, IndexTemplateSettings.singleNode()))
                .isEmpty();
    }

    @Test
    void upgradesAnOlderTemplate() throws IOException {
        IndexTemplates.installMissing(client, IndexTemplateSettings.singleNode());
        ObjectNode older =
                IndexTemplates.load("forewarn-signals", IndexTemplateSettings.singleNode());
        older.put("version", 0);
        client.indices()
                .putIndexTemplate(
                        r ->
                                r.name("forewarn-signals")
                                        .withJson(new StringReader(older.toString())));

        assertThat(IndexTemplates.installMissing(client, IndexTemplateSettings.singleNode()))
                .containsExactly("forewarn-signals");
    }

    @Test
    void installsTemplatesUnderAnotherIndexPrefix() throws IOException {
        IndexTemplateSettings acme = IndexTemplateSettings.singleNode().withIndexPrefix("acme");
        try {
            assertThat(IndexTemplates.installMissing(client, acme))
                    .containsExactly(
                            "acme-predictions",
                            "acme-signals",
                            "acme-log-templates",
                            "acme-evaluation",
                            "acme-deadletter");
            assertThat(
                            client.indices()
                                    .getIndexTemplate(r -> r.name("acme-signals"))
                                    .indexTemplates()
                                    .get(0)
                                    .indexTemplate()
                                    .indexPatterns())
                    .containsExactly("acme-signals", "acme-signals-*");
        } finally {
            client.indices().deleteIndexTemplate(r -> r.name("acme-*"));
        }
    }

    @Test
    void predictionDocumentsGetTheTemplateMappings() throws IOException {
        IndexTemplates.installMissing(client, IndexTemplateSettings.singleNode());
        index = "forewarn-predictions-it-" + System.nanoTime();
        byte[] json =
                PredictionDocuments.toJson(
                        TestRecords.prediction("p-1", TestRecords.T0, PredictionStatus.OPEN));

        client.index(
                i ->
                        i.index(index)
                                .id("p-1")
                                .document(BinaryData.of(json, ContentType.APPLICATION_JSON)));

        TypeMapping mappings =
                client.indices().getMapping(m -> m.index(index)).get(index).mappings();
        Map<String, Property> root = mappings.properties();
        Map<String, Property> forewarn = root.get("forewarn").object().properties();
        assertThat(root.get("@timestamp").isDate()).isTrue();
        assertThat(root.get("service").object().properties().get("name").isKeyword()).isTrue();
        assertThat(root.get("event").object().properties().get("severity").isLong()).isTrue();
        assertThat(forewarn.get("probability").isDouble()).isTrue();
        assertThat(forewarn.get("status").isKeyword()).isTrue();
        assertThat(forewarn.get("time_to_impact").object().properties().get("expected_at").isDate())
                .isTrue();
        assertThat(forewarn.get("evidence").object().properties().get("timestamp").isDate())
                .isTrue();
        assertThat(
                        forewarn.get("evidence")
                                .object()
                                .properties()
                                .get("attributes")
                                .object()
                                .properties()
                                .get("mount")
                                .isKeyword())
                .isTrue();
        assertThat(
                        client.indices()
                                .getSettings(s -> s.index(index))
                                .get(index)
                                .settings()
                                .index()
                                .numberOfReplicas())
                .isEqualTo("0");
    }
}
