package io.forewarn.logs.template;

import java.util.Objects;

/**
 * Settings of a {@link TemplateMiner}: masking, merge evidence and the state bounds. Immutable;
 * build with {@link #builder()}.
 */
public final class MinerConfig {

    private final MaskingConfig masking;
    private final int siblingMergeThreshold;
    private final int maxTemplates;
    private final long maxMemoryBytes;
    private final int maxAliases;

    private MinerConfig(Builder b) {
        this.masking = b.masking;
        this.siblingMergeThreshold = b.siblingMergeThreshold;
        this.maxTemplates = b.maxTemplates;
        this.maxMemoryBytes = b.maxMemoryBytes;
        this.maxAliases = b.maxAliases;
    }

    /** Generic defaults: default masking, sibling threshold 3, 10,000 templates, 64 MiB. */
    public static MinerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public MaskingConfig masking() {
        return masking;
    }

    /**
     * Number of distinct constant values that must be seen at one position (all other positions
     * equal) before that position becomes {@code <*>}.
     */
    public int siblingMergeThreshold() {
        return siblingMergeThreshold;
    }

    /** Upper bound on live templates; the least recently used one is evicted beyond it. */
    public int maxTemplates() {
        return maxTemplates;
    }

    /** Upper bound on the estimated memory of live templates. */
    public long maxMemoryBytes() {
        return maxMemoryBytes;
    }

    /** Upper bound on remembered id aliases (oldest dropped first). */
    public int maxAliases() {
        return maxAliases;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MinerConfig)) {
            return false;
        }
        MinerConfig c = (MinerConfig) o;
        return masking.equals(c.masking)
                && siblingMergeThreshold == c.siblingMergeThreshold
                && maxTemplates == c.maxTemplates
                && maxMemoryBytes == c.maxMemoryBytes
                && maxAliases == c.maxAliases;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                masking, siblingMergeThreshold, maxTemplates, maxMemoryBytes, maxAliases);
    }

    @Override
    public String toString() {
        return "MinerConfig{masking="
                + masking
                + ", siblingMergeThreshold="
                + siblingMergeThreshold
                + ", maxTemplates="
                + maxTemplates
                + ", maxMemoryBytes="
                + maxMemoryBytes
                + ", maxAliases="
                + maxAliases
                + "}";
    }

    /** Builder for {@link MinerConfig}. */
    public static final class Builder {
        private MaskingConfig masking = MaskingConfig.defaults();
        private int siblingMergeThreshold = 3;
        private int maxTemplates = 10_000;
        private long maxMemoryBytes = 64L << 20;
        private int maxAliases = 100_000;

        private Builder() {}

        public Builder masking(MaskingConfig masking) {
            this.masking = Objects.requireNonNull(masking);
            return this;
        }

        public Builder siblingMergeThreshold(int threshold) {
            if (threshold < 2) {
                throw new IllegalArgumentException(
                        "siblingMergeThreshold must be >= 2: " + threshold);
            }
            this.siblingMergeThreshold = threshold;
            return this;
        }

        public Builder maxTemplates(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTemplates must be >= 1: " + max);
            }
            this.maxTemplates = max;
            return this;
        }

        public Builder maxMemoryBytes(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxMemoryBytes must be >= 1: " + max);
            }
            this.maxMemoryBytes = max;
            return this;
        }

        public Builder maxAliases(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxAliases must be >= 0: " + max);
            }
            this.maxAliases = max;
            return this;
        }

        public MinerConfig build() {
            return new MinerConfig(this);
        }
    }
}
