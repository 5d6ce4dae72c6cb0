package io.forewarn.benchmarks.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.logs.template.LogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The message contents of the Loghub-2k systems in a data folder ({@code formats.json} plus each
 * system's log file), headers stripped with each system's format and interleaved round-robin into
 * one mixed stream.
 */
final class LoghubStream {

    private LoghubStream() {}

    static List<String> mixed(Path dir) {
        try {
            JsonNode formats = new ObjectMapper().readTree(dir.resolve("formats.json").toFile());
            List<List<String>> systems = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = formats.fields();
            while (it.hasNext()) {
                JsonNode system = it.next().getValue();
                LogFormat format = LogFormat.compile(system.path("log_format").asText());
                List<String> contents = new ArrayList<>();
                for (String line :
                        Files.readAllLines(
                                dir.resolve(system.path("log_file").asText()),
                                StandardCharsets.UTF_8)) {
                    contents.add(format.parse(line).content());
                }
                systems.add(contents);
            }
            List<String> out = new ArrayList<>();
            int longest = systems.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < longest; i++) {
                for (List<String> system : systems) {
                    if (i < system.size()) {
                        out.add(system.get(i));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Loghub data in " + dir, e);
        }
    }
}
