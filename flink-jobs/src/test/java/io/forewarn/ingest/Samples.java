package io.forewarn.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Sample payloads under {@code src/test/resources/ingest/} and settings with a fixed clock. */
final class Samples {

    /** The wall clock of every test: samples are from the two hours before. */
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private Samples() {}

    static DecoderSettings.Builder settingsBuilder() {
        return DecoderSettings.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static DecoderSettings settings() {
        return settingsBuilder().build();
    }

    static byte[] resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
