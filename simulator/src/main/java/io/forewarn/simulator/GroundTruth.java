package io.forewarn.simulator;

/**
 * What a scenario really did: the answer predictions are scored against.
 *
 * @param scenario the scenario's name
 * @param service the affected service
 * @param host the affected host, or null for the whole service
 * @param failureType the failure that followed
 * @param precursorOnset when the first precursor appeared (event time, epoch ms)
 * @param failureTime when the failure had impact (event time, epoch ms)
 */
public record GroundTruth(
        String scenario,
        String service,
        String host,
        String failureType,
        long precursorOnset,
        long failureTime) {}
