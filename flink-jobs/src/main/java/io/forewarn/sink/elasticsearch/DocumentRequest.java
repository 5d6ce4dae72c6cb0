package io.forewarn.sink.elasticsearch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One document operation for the bulk API: index (create or replace) or delete a document with a
 * given id in a given index, optionally with an external version. This is the request entry the
 * sink buffers, retries and stores in checkpoints.
 *
 * <p>The id should be the record's stable id, so that retries and replays overwrite the document
 * instead of duplicating it.
 */
public final class DocumentRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Bytes a bulk action line adds on top of index name, id and source (JSON punctuation). */
    private static final int ACTION_LINE_OVERHEAD = 96;

    /** What to do with the document. */
    public enum Operation {
        INDEX,
        DELETE
    }

    private final String index;
    private final String id;
    private final Operation operation;
    private final byte[] source;
    private final long version;
    private final VersionType versionType;

    private DocumentRequest(
            String index,
            String id,
            Operation operation,
            byte[] source,
            long version,
            VersionType versionType) {
        this.index = requireNonEmpty(index, "index");
        this.id = requireNonEmpty(id, "id");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.source = source;
        this.version = version;
        this.versionType = versionType;
        if (operation == Operation.INDEX && source == null) {
            throw new IllegalArgumentException("an index request needs a JSON source");
        }
        if (versionType != null && version < 0) {
            throw new IllegalArgumentException("an external version must not be negative");
        }
    }

    /** Creates or replaces the document with this id; {@code jsonSource} is UTF-8 JSON. */
    public static DocumentRequest index(String index, String id, byte[] jsonSource) {
        return new DocumentRequest(
                index, id, Operation.INDEX, Objects.requireNonNull(jsonSource), -1, null);
    }

    /** Deletes the document with this id. */
    public static DocumentRequest delete(String index, String id) {
        return new DocumentRequest(index, id, Operation.DELETE, null, -1, null);
    }

    /**
     * The same operation, applied only if {@code version} is newer than the stored document's
     * version (see {@link VersionType}). A rejected older version is counted as already applied.
     */
    public DocumentRequest withExternalVersion(long version, VersionType type) {
        return new DocumentRequest(
                index, id, operation, source, version, Objects.requireNonNull(type));
    }

    static DocumentRequest restore(
            String index,
            String id,
            Operation operation,
            byte[] source,
            long version,
            VersionType versionType) {
        return new DocumentRequest(index, id, operation, source, version, versionType);
    }

    public String index() {
        return index;
    }

    public String id() {
        return id;
    }

    public Operation operation() {
        return operation;
    }

    /** The JSON source (not a copy: do not modify); {@code null} for a delete. */
    public byte[] source() {
        return source;
    }

    public OptionalLong version() {
        return versionType == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** The external version type, or {@code null} when Elasticsearch versions the document. */
    public VersionType versionType() {
        return versionType;
    }

    /** Estimated bytes this operation adds to a bulk request body. */
    public long estimatedBulkBytes() {
        long size =
                ACTION_LINE_OVERHEAD
                        + index.getBytes(StandardCharsets.UTF_8).length
                        + id.getBytes(StandardCharsets.UTF_8).length;
        return source == null ? size : size + source.length + 1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DocumentRequest)) {
            return false;
        }
        DocumentRequest that = (DocumentRequest) o;
        return version == that.version
                && index.equals(that.index)
                && id.equals(that.id)
                && operation == that.operation
                && Arrays.equals(source, that.source)
                && versionType == that.versionType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, operation, version, versionType) * 31
                + Arrays.hashCode(source);
    }

    /** Index, id, operation and version; never the document content. */
    @Override
    public String toString() {
        return operation
                + " "
                + index
                + "/"
                + id
                + (versionType == null ? "" : " version " + version + " (" + versionType + ")")
                + (source == null ? "" : ", " + source.length + " bytes");
    }

    private static String requireNonEmpty(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a document request needs a non-empty " + name);
        }
        return value;
    }
}
