package io.forewarn.sink.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetIndexTemplateResponse;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Forewarn's composable index templates. The JSON files live in {@code
 * deploy/elasticsearch/index-templates/} and are packaged into the job jar under {@code
 * elasticsearch/index-templates/}; each has a {@code version}. On start-up, {@link #installMissing}
 * puts every template that is missing or older than ours, and leaves the others alone (an
 * operator's newer or hand-tuned template survives).
 */
public final class IndexTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);

    /**
     * Every template Forewarn ships, by name (= file name without {@code .json}, and the name of
     * the index it is for with the default prefix).
     */
    public static final List<String> NAMES =
            List.of(
                    "forewarn-predictions",
                    "forewarn-signals",
                    "forewarn-log-templates",
                    "forewarn-evaluation",
                    "forewarn-deadletter");

    static final String RESOURCE_DIRECTORY = "elasticsearch/index-templates/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexTemplates() {}

    /**
     * Puts each template that the cluster does not have, or has with a lower (or no) {@code
     * version}, with the index prefix, shards and replicas of {@code settings}.
     *
     * @return the names of the templates installed or upgraded
     */
    public static List<String> installMissing(
            ElasticsearchClient client, IndexTemplateSettings settings) throws IOException {
        List<String> installed = new ArrayList<>();
        for (String shipped : NAMES) {
            String name = settings.templateName(shipped);
            ObjectNode template = load(shipped, settings);
            long ours = template.path("version").asLong();
            Long theirs = installedVersion(client, name);
            if (theirs != null && theirs >= ours) {
                LOG.info("Index template {} is up to date (version {})", name, theirs);
                continue;
            }
            String body = JSON.writeValueAsString(template);
            client.indices().putIndexTemplate(r -> r.name(name).withJson(new StringReader(body)));
            installed.add(name);
            if (theirs == null) {
                LOG.info("Installed index template {} (version {}, {})", name, ours, settings);
            } else {
                LOG.info(
                        "Upgraded index template {} from version {} to {} ({})",
                        name,
                        theirs,
                        ours,
                        settings);
            }
        }
        return installed;
    }

    /**
     * A shipped template's body with the index prefix, shards and replicas of {@code settings}.
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES}
     */
    public static ObjectNode load(String name, IndexTemplateSettings settings) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("Unknown Forewarn index template " + name);
        }
        String resource = RESOURCE_DIRECTORY + name + ".json";
        try (InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Index template resource " + resource + " is missing");
            }
            ObjectNode template = (ObjectNode) JSON.readTree(in);
            ObjectNode index =
                    template.withObjectProperty("template")
                            .withObjectProperty("settings")
                            .withObjectProperty("index");
            index.put("number_of_replicas", settings.replicas());
            index.put("number_of_shards", settings.shards());
            String indexName = settings.templateName(name);
            ArrayNode patterns = template.putArray("index_patterns");
            patterns.add(indexName);
            patterns.add(indexName + "-*");
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read index template " + resource, e);
        }
    }

    /** The version of the installed template, 0 when it has none, null when it is missing. */
    private static Long installedVersion(ElasticsearchClient client, String name)
            throws IOException {
        if (!client.indices().existsIndexTemplate(r -> r.name(name)).value()) {
            return null;
        }
        GetIndexTemplateResponse response = client.indices().getIndexTemplate(r -> r.name(name));
        for (IndexTemplateItem item : response.indexTemplates()) {
            if (item.name().equals(name)) {
                Long version = item.indexTemplate().version();
                return version == null ? 0L : version;
            }
        }
        return null;
    }
}
