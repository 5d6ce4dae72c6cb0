package io.forewarn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed options reference is exactly what the code generates. */
class ConfigurationDocsTest {

    @Test
    void committedReferenceMatchesTheOptions() throws Exception {
        Path committed = Path.of("..").resolve(ConfigurationDocs.PATH);
        assertThat(committed).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as(
                        "docs/reference/configuration.md is out of date: run"
                                + " `bin/forewarn config docs --write` and commit the result")
                .isEqualTo(ConfigurationDocs.render());
    }

    @Test
    void everyOptionIsDocumented() {
        String docs = ConfigurationDocs.render();
        for (var option : ForewarnOptions.all()) {
            assertThat(docs).contains("`" + option.key() + "`");
            assertThat(option.description().getBlocks())
                    .as("description of %s", option.key())
                    .isNotEmpty();
        }
    }
}
