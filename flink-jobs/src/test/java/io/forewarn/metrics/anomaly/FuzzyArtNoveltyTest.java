package io.forewarn.metrics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FuzzyArtNoveltyTest {

    private static FuzzyArtNovelty model() {
        return new FuzzyArtNovelty(8, 128, 0.9, 0.1, 0.25, 1000, 10);
    }

    private static double sine(int i) {
        return 100 + 10 * Math.sin(2 * Math.PI * i / 50);
    }

    @Test
    void learnedShapesAreFamiliarAndNewShapesAreNovel() {
        FuzzyArtNovelty art = model();
        double max = 0;
        for (int i = 0; i < 2000; i++) {
            double n = art.update(sine(i));
            if (i >= 1000) {
                max = Math.max(max, n);
            }
        }
        assertThat(max).isLessThan(0.15); // below the default threshold
        double burst = 0;
        double[] shape = {110, 90, 110, 90, 110, 90, 110, 90};
        for (int k = 0; k < shape.length; k++) {
            burst = Math.max(burst, art.update(shape[k]));
        }
        assertThat(burst).isGreaterThan(0.15);
    }

    @Test
    void routineNoveltyOfNoiseIsScaledDown() {
        FuzzyArtNovelty art = model();
        Random random = new Random(3);
        double max = 0;
        for (int i = 0; i < 3000; i++) {
            double n = art.update(random.nextGaussian());
            if (i >= 1000) {
                max = Math.max(max, n);
            }
        }
        assertThat(max).isLessThan(0.15);
    }

    @Test
    void snapshotRestoresExactState() throws Exception {
        FuzzyArtNovelty art = model();
        Random random = new Random(5);
        for (int i = 0; i < 700; i++) {
            art.update(sine(i) + random.nextGaussian());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        art.write(new DataOutputStream(bytes));
        FuzzyArtNovelty copy = model();
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 700; i < 1500; i++) {
            double x = sine(i) + 3 * random.nextGaussian();
            assertThat(copy.update(x)).isEqualTo(art.update(x));
        }
    }
}
