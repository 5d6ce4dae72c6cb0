package io.forewarn.detect;

import static io.forewarn.config.ForewarnOptions.PREDICTION_EXPIRY;
import static io.forewarn.config.ForewarnOptions.PREDICTION_MAX_EVIDENCE;

import io.forewarn.config.ForewarnConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link PredictionFunction}.
 *
 * @param expiry an open prediction without signals for this long (event time) expires
 * @param maxEvidence evidence items kept per prediction
 */
public record PredictionSettings(Duration expiry, int maxEvidence) implements Serializable {

    /** Contributing producers kept per prediction. */
    static final int MAX_CONTRIBUTIONS = 16;

    /** Recommended actions kept per prediction. */
    static final int MAX_ACTIONS = 5;

    public static PredictionSettings from(ForewarnConfig config) {
        return new PredictionSettings(
                config.get(PREDICTION_EXPIRY), config.get(PREDICTION_MAX_EVIDENCE));
    }
}
