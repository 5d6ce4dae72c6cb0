package io.forewarn.simulator;

import java.time.Clock;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces event time against the wall clock: {@code speed} simulated seconds per real second, and
 * never ahead of the wall clock (so records are never from the future). {@link #unpaced()} runs as
 * fast as possible.
 */
public final class Pacer {

    private final double speed;
    private final Clock clock;
    private long wallStart = Long.MIN_VALUE;
    private long eventStart;

    private Pacer(double speed, Clock clock) {
        this.speed = speed;
        this.clock = clock;
    }

    /** {@code speed} times real time (1 = real time). */
    public static Pacer accelerated(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, not " + speed);
        }
        return new Pacer(speed, Clock.systemUTC());
    }

    /** No waiting at all. */
    public static Pacer unpaced() {
        return new Pacer(Double.POSITIVE_INFINITY, Clock.systemUTC());
    }

    /** Blocks until records of this event time are due. */
    public void await(long eventTime) throws InterruptedException {
        if (Double.isInfinite(speed)) {
            return;
        }
        if (wallStart == Long.MIN_VALUE) {
            wallStart = clock.millis();
            eventStart = eventTime;
        }
        long due = Math.max(wallStart + (long) ((eventTime - eventStart) / speed), eventTime);
        while (true) {
            long wait = due - clock.millis();
            if (wait <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(wait, 200) * 1_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
