package io.forewarn.rules.model;

import java.io.Serializable;
import java.time.Duration;

/**
 * When the failure is expected after a match, with an interval.
 *
 * @param expected expected time to impact
 * @param lower earliest
 * @param upper latest
 */
public record ImpactWindow(Duration expected, Duration lower, Duration upper)
        implements Serializable {}
