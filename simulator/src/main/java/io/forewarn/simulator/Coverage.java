package io.forewarn.simulator;

/** Which telemetry the simulated fleet sends besides application logs. */
public enum Coverage {
    /**
     * Five node and HTTP metrics per host (CPU, resident memory, request rate, p99 latency,
     * filesystem used ratio); no dependency status, no certificate probes.
     */
    CORE,
    /**
     * Everything in {@link #CORE} plus JVM heap and GC, container memory, connection pool, SLO burn
     * rates per service, TLS certificate probes, dependency status from each service's clients and
     * GC log lines: what the built-in rules and metric families look at.
     */
    FULL
}
