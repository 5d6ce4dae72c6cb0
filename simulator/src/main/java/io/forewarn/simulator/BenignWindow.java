package io.forewarn.simulator;

/**
 * Where and when a benign disturbance happens: predictions on this entity in this window are false
 * alarms.
 *
 * @param disturbance the disturbance's name, e.g. traffic-peak
 * @param service the disturbed service
 * @param host the disturbed host, or null for the whole service
 * @param from start (event time, epoch ms)
 * @param to end (event time, epoch ms)
 */
public record BenignWindow(String disturbance, String service, String host, long from, long to) {}
