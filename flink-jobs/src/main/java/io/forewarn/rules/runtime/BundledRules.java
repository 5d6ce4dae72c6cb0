package io.forewarn.rules.runtime;

import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.schema.RuleUpdate;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads rule files into {@link RuleUpdate}s, from a directory or from the built-in library packaged
 * in the job jar under {@value #RESOURCE_DIR}. A file that does not parse stops the load with its
 * problems; compiling happens in the operators like for any update.
 */
public final class BundledRules {

    /** Where the build packages cep-rules/rules in the job jar. */
    public static final String RESOURCE_DIR = "forewarn/rules";

    /** {@code publishedBy} of bundled updates. */
    public static final String PUBLISHER = "bundled";

    private BundledRules() {}

    /** The rule files of a directory, sorted by file name. */
    public static List<RuleUpdate> fromDirectory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml =
                    files.filter(BundledRules::isRuleFile).sorted().collect(Collectors.toList());
            List<RuleUpdate> out = new ArrayList<>();
            for (Path f : yaml) {
                out.add(
                        toUpdate(
                                f.getFileName().toString(),
                                Files.readString(f, StandardCharsets.UTF_8)));
            }
            return out;
        }
    }

    /** The built-in library on the class path; empty when it is not packaged. */
    public static List<RuleUpdate> builtIn() throws IOException {
        URL url = BundledRules.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = newFileSystem(uri)) {
                    return fromDirectory(fs.getPath("/" + RESOURCE_DIR));
                }
            }
            return fromDirectory(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IOException("Bad resource URL " + url, e);
        }
    }

    static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static FileSystem newFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new IOException("The job jar is already open as a file system: " + uri, e);
        }
    }

    private static RuleUpdate toUpdate(String file, String content) throws IOException {
        Rule rule;
        try {
            rule = new RuleParser().parse(file, content);
        } catch (RuleException e) {
            throw new IOException(
                    "Bundled rule file " + file + " does not parse:\n" + e.getMessage(), e);
        }
        return RuleUpdates.upsert(rule.id(), rule.version(), content, file, 0L, PUBLISHER);
    }
}
