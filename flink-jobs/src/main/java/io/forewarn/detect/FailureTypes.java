package io.forewarn.detect;

/**
 * The failure types Forewarn's own detectors predict. Rules and models may name others; these are
 * the ones the simulator's scenarios and the built-in rules share.
 */
public final class FailureTypes {

    private FailureTypes() {}

    /** A burst of errors that turns into user-visible failures (e.g. after a bad deployment). */
    public static final String ERROR_SPIKE = "error-spike";

    /** Memory exhaustion ending in an out-of-memory kill. */
    public static final String OOM = "oom";

    /** A disk filling up. */
    public static final String DISK_FULL = "disk-full";

    /** A dependency outage cascading into timeouts. */
    public static final String CASCADING_TIMEOUTS = "cascading-timeouts";

    /** A connection pool running out of connections. */
    public static final String CONNECTION_POOL_EXHAUSTION = "connection-pool-exhaustion";

    /** A TLS certificate expiring. */
    public static final String CERTIFICATE_EXPIRY = "certificate-expiry";

    /** A queue's backlog growing faster than its consumers drain it. */
    public static final String QUEUE_BACKLOG = "queue-backlog";

    /** A process running out of file descriptors. */
    public static final String FILE_DESCRIPTOR_EXHAUSTION = "file-descriptor-exhaustion";

    /** A thread pool with no free thread. */
    public static final String THREAD_POOL_EXHAUSTION = "thread-pool-exhaustion";

    /** Latency growing until the SLO is breached. */
    public static final String SLO_BREACH = "slo-breach";
}
