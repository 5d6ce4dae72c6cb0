package io.forewarn.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an Elasticsearch zip distribution once into a base directory. The zip is extracted into a
 * temporary directory and moved into place atomically, so concurrent processes sharing the base
 * directory either find a complete installation or install one themselves. Scripts under {@code
 * bin/} are made executable (zip entries carry no Unix permissions for {@link ZipFile}); all files
 * are readable by every user, so the node can run as a different user than the installer.
 */
final class ElasticsearchDistribution {

    private ElasticsearchDistribution() {}

    /** The Elasticsearch home directory in {@code baseDirectory}, installed if missing. */
    static Path install(Path zip, Path baseDirectory) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("Elasticsearch distribution " + zip + " does not exist");
        }
        Files.createDirectories(baseDirectory);
        String rootName = rootDirectoryName(zip);
        Path home = baseDirectory.resolve(rootName);
        if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path staging = Files.createTempDirectory(baseDirectory, ".install-");
        try {
            extract(zip, staging);
            Files.setPosixFilePermissions(
                    staging.resolve(rootName), PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(staging.resolve(rootName), home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process installed it first: use theirs.
            }
        } finally {
            deleteRecursively(staging);
        }
        return home;
    }

    private static String rootDirectoryName(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            if (!entries.hasMoreElements()) {
                throw new IOException("Elasticsearch distribution " + zip + " is empty");
            }
            String name = entries.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash <= 0) {
                throw new IOException(
                        "Elasticsearch distribution " + zip + " has no top-level directory");
            }
            return name.substring(0, slash);
        }
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(
                            path, PosixFilePermissions.fromString("rwxr-xr-x"));
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean executable = entry.getName().contains("/bin/");
                Files.setPosixFilePermissions(
                        path,
                        PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.deleteIfExists(path);
            }
        }
    }
}
