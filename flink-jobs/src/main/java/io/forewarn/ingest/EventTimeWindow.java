package io.forewarn.ingest;

import io.forewarn.schema.DeadLetterReason;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;

/**
 * The plausible event-time window around the wall clock: at most {@code maxFutureSkew} ahead and
 * {@code maxAge} behind. Either bound is off when zero or negative, for replays and the simulator's
 * accelerated time.
 */
final class EventTimeWindow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Clock clock;
    private final Duration maxFutureSkew;
    private final Duration maxAge;

    EventTimeWindow(DecoderSettings settings) {
        this.clock = settings.clock();
        this.maxFutureSkew = settings.maxFutureSkew();
        this.maxAge = settings.maxAge();
    }

    /**
     * @throws DecodeException TIMESTAMP_OUT_OF_RANGE with the time, the clock and the bound
     */
    void check(long eventTime) throws DecodeException {
        boolean futureOn = !maxFutureSkew.isZero() && !maxFutureSkew.isNegative();
        boolean ageOn = !maxAge.isZero() && !maxAge.isNegative();
        if (!futureOn && !ageOn) {
            return;
        }
        long now = clock.millis();
        if (futureOn && eventTime > saturatedAdd(now, maxFutureSkew.toMillis())) {
            throw new DecodeException(
                    DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                    "event time "
                            + Timestamps.format(eventTime)
                            + " is more than "
                            + maxFutureSkew
                            + " ahead of the clock "
                            + Timestamps.format(now));
        }
        if (ageOn && eventTime < saturatedAdd(now, -maxAge.toMillis())) {
            throw new DecodeException(
                    DeadLetterReason.TIMESTAMP_OUT_OF_RANGE,
                    "event time "
                            + Timestamps.format(eventTime)
                            + " is more than "
                            + maxAge
                            + " behind the clock "
                            + Timestamps.format(now));
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }
}
