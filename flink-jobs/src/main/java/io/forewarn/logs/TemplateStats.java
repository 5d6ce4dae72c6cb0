package io.forewarn.logs;

import io.forewarn.schema.LogLevel;

/**
 * What a service's log stage knows about one live template beyond the miner: usage in event time,
 * level, an example, whether it appeared after the warm-up, and its baseline rate per interval.
 * Owned and mutated by {@link ServiceLogModel}; persisted by {@link ServiceLogModelCodec}.
 */
final class TemplateStats {

    /** Longest example message kept. */
    static final int EXAMPLE_LENGTH = 500;

    String text;
    LogLevel level = LogLevel.UNKNOWN;
    long count;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;

    /** A message of the template at its most severe level. */
    String example;

    /** Created after the service's warm-up: a template the service did not have before. */
    boolean novel;

    /** Changed since its document was last emitted. */
    boolean dirty;

    long lastRareSignal = Long.MIN_VALUE;

    /** Exponentially weighted mean of lines per interval. */
    double rateMean;

    /** Exponentially weighted variance of lines per interval. */
    double rateVariance;

    /** Intervals folded into the baseline (saturating). */
    int rateIntervals;

    /** Last interval folded into the baseline; Long.MIN_VALUE before the first. */
    long baselineInterval = Long.MIN_VALUE;

    /**
     * Whether a burst is going on (a burst's later intervals are no onset): set by a burst
     * interval, kept while the template stays hot, cleared by a cooler or a quiet interval.
     */
    boolean bursting;

    TemplateStats(String text) {
        this.text = text;
    }

    /** Counts one line. */
    void observe(long timestamp, LogLevel lineLevel, String message) {
        count++;
        firstSeen = Math.min(firstSeen, timestamp);
        lastSeen = Math.max(lastSeen, timestamp);
        LogLevel merged = LevelInference.mostSevere(level, lineLevel);
        if (example == null || merged != level) {
            example = abbreviate(message);
        }
        level = merged;
        dirty = true;
    }

    /**
     * Starts the baseline at zero lines for {@code intervals} intervals up to {@code
     * lastQuietInterval}: a template that appears in a service running without it.
     */
    void startAtZero(long lastQuietInterval, long intervals) {
        baselineInterval = lastQuietInterval;
        rateIntervals = (int) Math.min(Integer.MAX_VALUE, Math.max(0, intervals));
    }

    /**
     * Folds the intervals after {@link #baselineInterval} up to {@code interval} (exclusive), in
     * which the template had no lines, into the baseline.
     */
    void catchUp(long interval, double alpha) {
        if (baselineInterval == Long.MIN_VALUE) {
            return;
        }
        long quiet = interval - baselineInterval - 1;
        if (quiet > 0) {
            bursting = false;
        }
        // After this many quiet intervals the baseline is zero for all practical purposes.
        long limit = (long) Math.ceil(30 / alpha);
        if (quiet > limit) {
            rateMean = 0;
            rateVariance = 0;
            rateIntervals = (int) Math.min(Integer.MAX_VALUE, rateIntervals + quiet);
        } else {
            for (long i = 0; i < quiet; i++) {
                fold(0, alpha, 1);
            }
        }
        baselineInterval = Math.max(baselineInterval, interval - 1);
    }

    /**
     * Folds one interval's count into the baseline with weight {@code max(alpha, 1/n)}: while few
     * intervals are known each weighs the same, so a partial first interval does not dominate. A
     * burst interval weighs {@code damping} times that, so a burst does not become normal at once.
     */
    void fold(double lines, double alpha, double damping) {
        double w = Math.max(alpha, 1.0 / (rateIntervals + 1.0)) * damping;
        double delta = lines - rateMean;
        rateMean += w * delta;
        rateVariance = (1 - w) * (rateVariance + w * delta * delta);
        if (rateIntervals < Integer.MAX_VALUE) {
            rateIntervals++;
        }
    }

    /**
     * Takes in the statistics of a template merged into this one (its lines now belong here). Rates
     * add up; the result is novel only when both were.
     */
    void absorb(TemplateStats other, double alpha) {
        long interval = Math.max(baselineInterval, other.baselineInterval);
        if (interval != Long.MIN_VALUE) {
            catchUp(interval + 1, alpha);
            other.catchUp(interval + 1, alpha);
        }
        count += other.count;
        firstSeen = Math.min(firstSeen, other.firstSeen);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        LogLevel merged = LevelInference.mostSevere(level, other.level);
        if (example == null || (merged != level && other.example != null)) {
            example = other.example;
        }
        level = merged;
        novel &= other.novel;
        lastRareSignal = Math.max(lastRareSignal, other.lastRareSignal);
        rateMean += other.rateMean;
        rateVariance += other.rateVariance;
        rateIntervals = Math.max(rateIntervals, other.rateIntervals);
        bursting |= other.bursting;
        baselineInterval = interval;
        dirty = true;
    }

    private static String abbreviate(String message) {
        return message.length() <= EXAMPLE_LENGTH
                ? message
                : message.substring(0, EXAMPLE_LENGTH) + "…";
    }
}
