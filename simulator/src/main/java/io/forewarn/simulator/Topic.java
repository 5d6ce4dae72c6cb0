package io.forewarn.simulator;

/** The input topics the simulator writes to. */
public enum Topic {
    LOGS,
    METRICS,
    DEPLOYMENTS,
    VCS,
    DEPENDENCIES,
    INCIDENTS
}
