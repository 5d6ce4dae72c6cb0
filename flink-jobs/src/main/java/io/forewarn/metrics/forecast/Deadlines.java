package io.forewarn.metrics.forecast;

/**
 * Outlooks of a series whose value is itself the time of a failure, in epoch seconds (e.g.
 * Prometheus' {@code probe_ssl_earliest_cert_expiry}): nothing to forecast, the crossing is known.
 */
public final class Deadlines {

    private Deadlines() {}

    /**
     * The outlook at {@code now} of a deadline of {@code epochSeconds}: BREACHED once it has
     * passed, BREACH_EXPECTED (probability 1, no interval) within {@code horizonMillis}, else
     * CLEAR.
     */
    public static Outlook outlook(long now, double epochSeconds, long horizonMillis) {
        long deadline = (long) (epochSeconds * 1000);
        if (now >= deadline) {
            return new Outlook(
                    Outlook.Status.BREACHED,
                    new Breach(now, now, now, now, 1, epochSeconds, 0, 1),
                    1,
                    epochSeconds);
        }
        if (deadline - now <= horizonMillis) {
            return new Outlook(
                    Outlook.Status.BREACH_EXPECTED,
                    new Breach(now, deadline, deadline, deadline, 1, epochSeconds, 0, 1),
                    1,
                    epochSeconds);
        }
        return new Outlook(Outlook.Status.CLEAR, null, 0, epochSeconds);
    }
}
