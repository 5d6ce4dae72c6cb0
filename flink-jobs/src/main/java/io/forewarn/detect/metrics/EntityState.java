package io.forewarn.detect.metrics;

/**
 * Keyed state of {@link EntityAnomalyFunction} for one entity: its current anomaly episode and its
 * liveness. A Flink POJO, serialised without Kryo.
 */
public class EntityState {

    /** Whether an anomaly episode is open (a signal was emitted and not yet resolved). */
    public boolean inEpisode;

    /** Interval end of the episode's first anomalous interval. */
    public long episodeStart;

    /** Time of the episode's last signal. */
    public long lastSignal;

    /** Grade of the episode's last signal. */
    public double lastGrade;

    /** Series that led the episode's last signal. */
    public String lastDriver;

    /** Failure type the episode predicts (the first one any of its signals named), or null. */
    public String failureType;

    /** Consecutive intervals in which a series of a family with a failure type is anomalous. */
    public int failureStreak;

    /** Consecutive intervals without an anomalous series during the episode. */
    public int quietIntervals;

    /** Verdicts waiting in {@link io.forewarn.detect.Descriptors#METRIC_ENTITY_VERDICTS}. */
    public int pendingVerdicts;

    /** Latest interval end seen. */
    public long lastSeen = Long.MIN_VALUE;

    /** The pending idle-check timer, or Long.MIN_VALUE. */
    public long idleTimer = Long.MIN_VALUE;

    public EntityState() {}
}
