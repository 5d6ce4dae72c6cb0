package io.forewarn.eval;

/**
 * A prediction marked on an incident's timeline chart.
 *
 * @param time event time
 * @param kind how it scored
 * @param label its failure type or a description
 */
public record ChartMarker(long time, Kind kind, String label) {

    /** How a marked prediction scored. */
    public enum Kind {
        /** The first prediction of the incident's type on its entity before the failure. */
        DETECTION,
        /** An episode of the incident's type on its entity, in its window. */
        PRIMARY,
        /** An episode of one of the incident's consequence types, in its window. */
        CONSEQUENCE,
        /** A false prediction on the incident's service. */
        FALSE
    }
}
