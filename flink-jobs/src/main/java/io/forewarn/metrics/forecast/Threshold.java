package io.forewarn.metrics.forecast;

import java.io.Serializable;
import java.util.Locale;

/**
 * The limit of a capacity-like metric: a value at or beyond it is a failure (a full disk, an
 * exhausted pool).
 *
 * @param direction whether the failure is at or {@link Direction#ABOVE above} the value (disk used
 *     ratio) or at or {@link Direction#BELOW below} it (free bytes, seconds of validity left)
 * @param value the limit, in the metric's own unit
 */
public record Threshold(Direction direction, double value) implements Serializable {

    /** Which side of the limit is the failure. */
    public enum Direction {
        ABOVE,
        BELOW
    }

    public Threshold {
        if (direction == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold needs a direction and a finite value");
        }
    }

    /** Whether {@code x} is at or beyond the limit. */
    public boolean breachedBy(double x) {
        return direction == Direction.ABOVE ? x >= value : x <= value;
    }

    /**
     * Signed distance of {@code x} from the limit, positive when breached: {@code x - value} for
     * ABOVE, {@code value - x} for BELOW.
     */
    public double excess(double x) {
        return direction == Direction.ABOVE ? x - value : value - x;
    }

    /** Parses {@code above:0.95} or {@code below:1e9}. */
    public static Threshold parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "threshold '" + text + "' must be above:VALUE or below:VALUE");
        }
        String side = text.substring(0, colon).trim().toUpperCase(Locale.ROOT);
        Direction direction;
        try {
            direction = Direction.valueOf(side);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "threshold '" + text + "' must start with above: or below:", e);
        }
        try {
            return new Threshold(direction, Double.parseDouble(text.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold '" + text + "' has no numeric value", e);
        }
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
