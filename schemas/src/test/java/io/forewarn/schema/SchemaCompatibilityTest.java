package io.forewarn.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record schema on a topic or in Flink state stays backward compatible: data written with its
 * previous version (kept in src/test/resources/history/NAME/vN.avsc) can be read with the current
 * one. When a change is released, add the new version as the next vN.avsc.
 */
class SchemaCompatibilityTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/test/resources/history");
    private static final Pattern NAMESPACE = Pattern.compile("\"namespace\"\\s*:\\s*\"([^\"]+)\"");

    static Stream<Path> recordSchemas() throws IOException {
        try (Stream<Path> files =
                Stream.concat(
                        Files.list(SOURCES.resolve("records")),
                        Files.list(SOURCES.resolve("state")))) {
            return files
                    .filter(p -> p.toString().endsWith(".avsc"))
                    .sorted()
                    .collect(Collectors.toList())
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordSchemas")
    void staysBackwardCompatibleWithItsPreviousVersion(Path source) throws Exception {
        String name = source.getFileName().toString().replace(".avsc", "");
        Matcher namespace = NAMESPACE.matcher(Files.readString(source));
        assertThat(namespace.find()).as("namespace of %s", source).isTrue();
        Schema current =
                (Schema)
                        Class.forName(namespace.group(1) + "." + name)
                                .getMethod("getClassSchema")
                                .invoke(null);

        Path versions = HISTORY.resolve(name);
        assertThat(versions)
                .as(
                        "%s has no released version in %s: add the current one as v1.avsc"
                                + " (its full JSON, e.g. from %s.getClassSchema().toString(true))",
                        name, versions, name)
                .isDirectory();
        List<Path> history;
        try (Stream<Path> files = Files.list(versions)) {
            history =
                    files.sorted(Comparator.comparingInt(SchemaCompatibilityTest::version))
                            .collect(Collectors.toList());
        }
        Path previous = history.get(history.size() - 1);
        Schema released = new Schema.Parser().parse(previous.toFile());
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        assertThat(result.getType())
                .as(
                        "%s can no longer read data written with %s: %s",
                        name, previous, result.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static int version(Path file) {
        return Integer.parseInt(file.getFileName().toString().replaceAll("[^0-9]", ""));
    }
}
