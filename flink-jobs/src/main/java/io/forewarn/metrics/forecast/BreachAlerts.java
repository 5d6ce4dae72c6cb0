package io.forewarn.metrics.forecast;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns the stream of {@link Outlook}s of one series into alert actions with hysteresis: raise when
 * a crossing becomes likely (or the series is already beyond its threshold), update while it stays
 * likely (at most every {@link AlertPolicy#updateEvery()}), resolve after {@link
 * AlertPolicy#clearAfter()} consecutive outlooks without a likely crossing.
 */
public final class BreachAlerts {

    /** What to do about an outlook. */
    public enum Action {
        /** Nothing to report. */
        NONE,
        /** A crossing became likely: report it. */
        RAISE,
        /** A crossing is still likely: report the new forecast. */
        UPDATE,
        /** The reported crossing is no longer likely. */
        RESOLVE
    }

    private final AlertPolicy policy;
    private boolean active;
    private int clearStreak;
    private long lastReported = Long.MIN_VALUE;

    public BreachAlerts(AlertPolicy policy) {
        this.policy = policy;
    }

    /** The action for an outlook made at {@code time}. */
    public Action on(Outlook outlook, long time) {
        if (outlook.status() == Outlook.Status.WARMING_UP) {
            return Action.NONE;
        }
        if (alarming(outlook)) {
            clearStreak = 0;
            if (!active) {
                active = true;
                lastReported = time;
                return Action.RAISE;
            }
            if (time - lastReported >= policy.updateEvery().toMillis()) {
                lastReported = time;
                return Action.UPDATE;
            }
            return Action.NONE;
        }
        if (active && ++clearStreak >= policy.clearAfter()) {
            active = false;
            clearStreak = 0;
            lastReported = time;
            return Action.RESOLVE;
        }
        return Action.NONE;
    }

    private boolean alarming(Outlook outlook) {
        if (outlook.status() == Outlook.Status.BREACHED) {
            return true;
        }
        return outlook.status() == Outlook.Status.BREACH_EXPECTED
                && outlook.probability() >= policy.minProbability()
                && outlook.breach().confidence() >= policy.minConfidence();
    }

    public void write(DataOutput out) throws IOException {
        out.writeBoolean(active);
        out.writeInt(clearStreak);
        out.writeLong(lastReported);
    }

    public static BreachAlerts read(DataInput in, AlertPolicy policy) throws IOException {
        BreachAlerts alerts = new BreachAlerts(policy);
        alerts.active = in.readBoolean();
        alerts.clearStreak = in.readInt();
        alerts.lastReported = in.readLong();
        return alerts;
    }
}
