package io.forewarn.sink.elasticsearch;

import java.io.Serializable;

/**
 * Index settings the template installer writes into every Forewarn index template: replicas
 * (default 1 for production; 0 for a single-node cluster, whose indices otherwise stay yellow) and
 * primary shards (default 1).
 */
public final class IndexTemplateSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_REPLICAS = 1;
    public static final int DEFAULT_SHARDS = 1;

    private final int replicas;
    private final int shards;

    private IndexTemplateSettings(int replicas, int shards) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
        this.replicas = replicas;
        this.shards = shards;
    }

    public static IndexTemplateSettings defaults() {
        return new IndexTemplateSettings(DEFAULT_REPLICAS, DEFAULT_SHARDS);
    }

    /** For a single-node cluster (the local node, tests): no replicas. */
    public static IndexTemplateSettings singleNode() {
        return new IndexTemplateSettings(0, DEFAULT_SHARDS);
    }

    public IndexTemplateSettings withReplicas(int replicas) {
        return new IndexTemplateSettings(replicas, shards);
    }

    public IndexTemplateSettings withShards(int shards) {
        return new IndexTemplateSettings(replicas, shards);
    }

    public int replicas() {
        return replicas;
    }

    public int shards() {
        return shards;
    }

    @Override
    public String toString() {
        return "IndexTemplateSettings{replicas=" + replicas + ", shards=" + shards + '}';
    }
}
