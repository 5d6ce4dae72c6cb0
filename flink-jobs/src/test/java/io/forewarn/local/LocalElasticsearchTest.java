package io.forewarn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalElasticsearchTest {

    @Test
    void findsTheDistributionInTheMavenRepository() {
        Path zip = LocalElasticsearch.mavenRepositoryZip("8.19.21");

        assertThat(zip.toString())
                .endsWith(
                        "org/elasticsearch/distribution/integ-test-zip/elasticsearch/8.19.21/"
                                + "elasticsearch-8.19.21.zip");
    }

    @Test
    void keepsItsFilesWhereTheNodeUserCanReachThem() {
        Path base = LocalElasticsearch.defaultBaseDirectory();

        if (LocalElasticsearch.isRoot()) {
            assertThat(base).isEqualTo(Path.of("/var/tmp/forewarn"));
        } else {
            assertThat(base.toString()).endsWith(".cache/forewarn");
        }
    }

    @Test
    void refusesBadHeapSizesAndPorts() {
        LocalElasticsearch.Builder builder = LocalElasticsearch.builder(Path.of("es.zip"));

        assertThatThrownBy(() -> builder.heap("1 GB")).hasMessageContaining("heap size");
        assertThatThrownBy(() -> builder.httpPort(70000)).hasMessageContaining("port");
    }
}
