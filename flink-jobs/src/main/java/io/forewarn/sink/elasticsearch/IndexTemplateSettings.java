package io.forewarn.sink.elasticsearch;

import java.io.Serializable;

/**
 * What the template installer changes in Forewarn's index templates: the index name prefix (default
 * {@code forewarn}: templates {@code PREFIX-predictions} ... for indices {@code PREFIX-predictions}
 * and {@code PREFIX-predictions-*}), replicas (default 1 for production; 0 for a single-node
 * cluster, whose indices otherwise stay yellow) and primary shards (default 1).
 */
public final class IndexTemplateSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_REPLICAS = 1;
    public static final int DEFAULT_SHARDS = 1;
    public static final String DEFAULT_INDEX_PREFIX = "forewarn";

    private final String indexPrefix;
    private final int replicas;
    private final int shards;

    private IndexTemplateSettings(String indexPrefix, int replicas, int shards) {
        if (indexPrefix == null || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    "the index prefix must be lower case letters, digits, '_', '-' or '.', was "
                            + indexPrefix);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
        this.indexPrefix = indexPrefix;
        this.replicas = replicas;
        this.shards = shards;
    }

    public static IndexTemplateSettings defaults() {
        return new IndexTemplateSettings(DEFAULT_INDEX_PREFIX, DEFAULT_REPLICAS, DEFAULT_SHARDS);
    }

    /** For a single-node cluster (the local node, tests): no replicas. */
    public static IndexTemplateSettings singleNode() {
        return new IndexTemplateSettings(DEFAULT_INDEX_PREFIX, 0, DEFAULT_SHARDS);
    }

    public IndexTemplateSettings withReplicas(int replicas) {
        return new IndexTemplateSettings(indexPrefix, replicas, shards);
    }

    public IndexTemplateSettings withShards(int shards) {
        return new IndexTemplateSettings(indexPrefix, replicas, shards);
    }

    public IndexTemplateSettings withIndexPrefix(String indexPrefix) {
        return new IndexTemplateSettings(indexPrefix, replicas, shards);
    }

    public String indexPrefix() {
        return indexPrefix;
    }

    /**
     * The installed name of a shipped template, and the index it is for: {@code
     * forewarn-predictions} becomes {@code PREFIX-predictions}.
     */
    public String templateName(String shippedName) {
        return indexPrefix + shippedName.substring(DEFAULT_INDEX_PREFIX.length());
    }

    public int replicas() {
        return replicas;
    }

    public int shards() {
        return shards;
    }

    @Override
    public String toString() {
        return "IndexTemplateSettings{indexPrefix="
                + indexPrefix
                + ", replicas="
                + replicas
                + ", shards="
                + shards
                + '}';
    }
}
