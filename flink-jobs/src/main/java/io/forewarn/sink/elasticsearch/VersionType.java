package io.forewarn.sink.elasticsearch;

/**
 * Elasticsearch external versioning: the version comes from the record (e.g. the event time of an
 * update), so a replayed older update never overwrites a newer one. Elasticsearch answers an
 * outdated write with 409 (version conflict); the sink counts that as already applied.
 */
public enum VersionType {
    /** Applied only if the version is strictly greater than the stored one. */
    EXTERNAL,
    /**
     * Applied if the version is greater than or equal to the stored one: a replay of the same
     * update is rewritten rather than rejected, and two different updates with the same version are
     * applied in arrival order.
     */
    EXTERNAL_GTE
}
