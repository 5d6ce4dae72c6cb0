package io.forewarn.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes simulated records to files, one per topic ({@code logs.jsonl}, {@code metrics.jsonl},
 * ...), one record per line exactly as it would be the value of a Kafka record: JSON in the
 * shipper's shape, except plain-text log lines, which stay plain text. The files replay with any
 * line-oriented producer, e.g. {@code kafka-console-producer.sh --topic forewarn.logs <
 * logs.jsonl}.
 */
public final class FileTelemetrySink implements TelemetrySink {

    private final Path directory;
    private final Map<Topic, OutputStream> files = new EnumMap<>(Topic.class);

    public FileTelemetrySink(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** The file of a topic's records. */
    public static Path file(Path directory, Topic topic) {
        return directory.resolve(topic.name().toLowerCase(Locale.ROOT) + ".jsonl");
    }

    @Override
    public void send(TelemetryEvent event) {
        try {
            OutputStream out = files.get(event.topic());
            if (out == null) {
                out =
                        new BufferedOutputStream(
                                Files.newOutputStream(file(directory, event.topic())), 1 << 16);
                files.put(event.topic(), out);
            }
            out.write(event.value());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + directory, e);
        }
    }

    @Override
    public void flush() {
        try {
            for (OutputStream out : files.values()) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            for (OutputStream out : files.values()) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the files in " + directory, e);
        }
    }
}
