package io.forewarn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions fixed at build time (from the root pom), for the command line and the embedded default.
 */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    public static String forewarnVersion() {
        return PROPERTIES.getProperty("forewarn.version");
    }

    public static String flinkVersion() {
        return PROPERTIES.getProperty("flink.version");
    }

    /** Version of the Elasticsearch test distribution the local node runs. */
    public static String elasticsearchServerVersion() {
        return PROPERTIES.getProperty("elasticsearch.server.version");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
