package io.forewarn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

    @TempDir Path dir;

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("es.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void unpacksOnceWithExecutableScripts() throws IOException {
        Path zip =
                zip(
                        Map.of(
                                "es-1.0/bin/elasticsearch", "#!/bin/bash",
                                "es-1.0/config/elasticsearch.yml", "# settings"));
        Path base = dir.resolve("base");

        Path home = ElasticsearchDistribution.install(zip, base);

        assertThat(home).isEqualTo(base.resolve("es-1.0"));
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(home.resolve("bin/elasticsearch"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(
                                        home.resolve("config/elasticsearch.yml"))))
                .isEqualTo("rw-r--r--");
        try (var leftovers = Files.list(base)) {
            assertThat(leftovers).containsExactly(home);
        }

        Files.writeString(home.resolve("config/elasticsearch.yml"), "# changed");
        assertThat(ElasticsearchDistribution.install(zip, base)).isEqualTo(home);
        assertThat(Files.readString(home.resolve("config/elasticsearch.yml")))
                .as("an existing installation is reused, not unpacked again")
                .isEqualTo("# changed");
    }

    @Test
    void refusesEntriesOutsideItsDirectory() throws IOException {
        Path zip = zip(Map.of("es-1.0/../../evil", "x"));

        assertThatThrownBy(() -> ElasticsearchDistribution.install(zip, dir.resolve("base")))
                .hasMessageContaining("outside the target");
        assertThat(dir.resolve("evil")).doesNotExist();
    }

    @Test
    void namesAMissingDistribution() {
        Path missing = dir.resolve("nothing.zip");

        assertThatThrownBy(() -> ElasticsearchDistribution.install(missing, dir))
                .hasMessageContaining(missing.toString());
    }
}
