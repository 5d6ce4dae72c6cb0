package io.forewarn.metrics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ForestScorerTest {

    @Test
    void cachingFewerBoundingBoxesDoesNotChangeAnyScore() {
        DetectorConfig config = DetectorConfig.defaults();
        ForestScorer scorer = new ForestScorer(config, 0.25);
        ForestScorer fullyCached = new ForestScorer(ForestScorer.forest(config, 1.0));
        Random random = new Random(7);
        int differing = 0;
        double total = 0;
        for (int t = 0; t < 3_000; t++) {
            double value =
                    Math.sin(t / 20.0) + 0.1 * random.nextGaussian() + (t % 997 == 0 ? 5 : 0);
            double score = scorer.update(value);
            if (score != fullyCached.update(value)) {
                differing++;
            }
            total += score;
        }
        assertThat(total).isPositive(); // the forest warmed up and scored
        assertThat(differing).isZero();
    }
}
