package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The template files in deploy/ and the installer's list agree, and each file is usable. */
class IndexTemplateFilesTest {

    private static final Path TEMPLATE_DIRECTORY =
            Path.of("..", "deploy", "elasticsearch", "index-templates");

    @Test
    void everyShippedFileIsInstalledAndEveryInstalledTemplateIsShipped() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(TEMPLATE_DIRECTORY)) {
            files =
                    paths.map(p -> p.getFileName().toString())
                            .filter(name -> name.endsWith(".json"))
                            .map(name -> name.substring(0, name.length() - ".json".length()))
                            .sorted()
                            .collect(Collectors.toList());
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(IndexTemplates.NAMES);
    }

    @Test
    void packagedTemplatesMatchTheirIndicesAndCarryAVersion() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String name : IndexTemplates.NAMES) {
            JsonNode packaged = IndexTemplates.load(name, IndexTemplateSettings.defaults());
            JsonNode shipped = json.readTree(TEMPLATE_DIRECTORY.resolve(name + ".json").toFile());

            assertThat(packaged).as(name + " in the jar equals deploy/").isEqualTo(shipped);
            assertThat(packaged.get("version").asLong()).as(name).isPositive();
            assertThat(packaged.get("index_patterns"))
                    .extracting(JsonNode::asText)
                    .as(name)
                    .containsExactly(name, name + "-*");
            assertThat(packaged.at("/template/mappings/properties/@timestamp/type").asText())
                    .as(name)
                    .isEqualTo("date");
        }
    }

    @Test
    void appliesShardsAndReplicas() {
        ObjectNode template =
                IndexTemplates.load(
                        "forewarn-predictions", IndexTemplateSettings.singleNode().withShards(3));

        assertThat(template.at("/template/settings/index/number_of_replicas").asInt()).isZero();
        assertThat(template.at("/template/settings/index/number_of_shards").asInt()).isEqualTo(3);
    }

    @Test
    void appliesAnIndexPrefix() {
        IndexTemplateSettings settings = IndexTemplateSettings.defaults().withIndexPrefix("acme");

        ObjectNode template = IndexTemplates.load("forewarn-log-templates", settings);

        assertThat(settings.templateName("forewarn-log-templates")).isEqualTo("acme-log-templates");
        assertThat(template.get("index_patterns"))
                .extracting(JsonNode::asText)
                .containsExactly("acme-log-templates", "acme-log-templates-*");
        assertThatThrownBy(() -> settings.withIndexPrefix("Acme*"))
                .hasMessageContaining("index prefix");
    }

    @Test
    void refusesUnknownTemplates() {
        assertThatThrownBy(
                        () ->
                                IndexTemplates.load(
                                        "forewarn-other", IndexTemplateSettings.defaults()))
                .hasMessageContaining("Unknown Forewarn index template forewarn-other");
        assertThatThrownBy(() -> IndexTemplateSettings.defaults().withReplicas(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
