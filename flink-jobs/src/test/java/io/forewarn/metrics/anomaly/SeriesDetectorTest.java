package io.forewarn.metrics.anomaly;

import static io.forewarn.metrics.anomaly.SyntheticSeries.POINTS_PER_DAY;
import static io.forewarn.metrics.anomaly.SyntheticSeries.seasonal;
import static io.forewarn.metrics.anomaly.SyntheticSeries.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {

    private static final int DAYS = 12;
    private static final int N = DAYS * POINTS_PER_DAY;
    private static final int ANOMALY_AT = 9 * POINTS_PER_DAY + 100;

    private static List<Result> run(SeriesDetector detector, double[] values, int from, int to) {
        List<Result> results = new ArrayList<>();
        for (int i = from; i < to; i++) {
            results.add(detector.update(timestamp(i), values[i]));
        }
        return results;
    }

    private static List<Result> run(double[] values) {
        return run(new SeriesDetector(DetectorConfig.defaults()), values, 0, values.length);
    }

    /** Indexes of reported onsets (score >= 0.5). */
    private static List<Integer> onsets(List<Result> results) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).anomalyScore() >= 0.5) {
                found.add(i);
            }
        }
        return found;
    }

    @Test
    void benignSeasonalSeriesStaysQuiet() {
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(onsets(run(seasonal(N, 1.0, seed)))).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void detectsSpike() {
        double[] v = seasonal(N, 1.0, 7);
        v[ANOMALY_AT] += 15;
        assertThat(onsets(run(v))).containsExactly(ANOMALY_AT);
    }

    @Test
    void detectsLevelShiftEarly() {
        double[] v = seasonal(N, 1.0, 8);
        for (int i = ANOMALY_AT; i < N; i++) {
            v[i] += 20;
        }
        List<Integer> found = onsets(run(v));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0)).isBetween(ANOMALY_AT, ANOMALY_AT + 5);
    }

    @Test
    void detectsStuckValue() {
        double[] v = seasonal(N, 1.0, 9);
        int stuckFrom = 9 * POINTS_PER_DAY + POINTS_PER_DAY / 4; // near the daily peak
        for (int i = stuckFrom; i < N; i++) {
            v[i] = v[stuckFrom - 1]; // the sensor repeats its last reading
        }
        List<Integer> found = onsets(run(v));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0)).isBetween(stuckFrom, stuckFrom + 12);
    }

    @Test
    void seriesThatIsOftenFlatDoesNotAlarmOnRuns() {
        double[] v = new double[N];
        Random random = new Random(17);
        for (int i = 0; i < N; i++) {
            v[i] =
                    random.nextInt(8) == 0
                            ? 1 + random.nextInt(3)
                            : 0; // sparse counts, long runs of 0
        }
        assertThat(onsets(run(v))).isEmpty();
    }

    @Test
    void detectsVarianceIncrease() {
        double[] v = seasonal(N, 1.0, 10);
        Random random = new Random(11);
        for (int i = ANOMALY_AT; i < N; i++) {
            v[i] += 8 * random.nextGaussian();
        }
        List<Integer> found = onsets(run(v));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0)).isBetween(ANOMALY_AT, ANOMALY_AT + 20);
    }

    @Test
    void coldStartIsExplicitAndSilent() {
        DetectorConfig config = DetectorConfig.defaults();
        double[] v = seasonal(N, 1.0, 12);
        v[50] += 100; // a huge spike while cold is not reported
        List<Result> results = run(new SeriesDetector(config), v, 0, config.warmupPoints + 1);

        Result first = results.get(0);
        assertThat(first.confidence()).isZero();
        assertThat(first.warm()).isFalse();
        assertThat(Double.isNaN(first.expectedValue())).isTrue();
        for (int i = 0; i < config.warmupPoints; i++) {
            Result r = results.get(i);
            assertThat(r.warm()).isFalse();
            assertThat(r.anomalyScore()).isZero();
            assertThat(r.confidence()).isLessThan(1.0);
            if (i > 0) {
                assertThat(r.confidence()).isGreaterThan(results.get(i - 1).confidence());
            }
        }
        Result warm = results.get(config.warmupPoints);
        assertThat(warm.warm()).isTrue();
        assertThat(warm.confidence()).isEqualTo(1.0);
        assertThat(warm.lowerBound()).isLessThan(warm.expectedValue());
        assertThat(warm.upperBound()).isGreaterThan(warm.expectedValue());
    }

    @Test
    void expectedRangeFollowsTheDailyCycle() {
        double[] v = seasonal(N, 1.0, 13);
        List<Result> results = run(v);
        for (int i = 3 * POINTS_PER_DAY; i < N; i += 37) {
            double clean = 100 + 10 * Math.sin(2 * Math.PI * i / POINTS_PER_DAY);
            assertThat(results.get(i).expectedValue())
                    .as("point %d", i)
                    .isCloseTo(clean, org.assertj.core.data.Offset.offset(3.0));
            assertThat(v[i]).isBetween(results.get(i).lowerBound(), results.get(i).upperBound());
        }
    }

    @Test
    void nonFiniteValuesAreSkippedWithoutTouchingState() {
        double[] v = seasonal(N, 1.0, 14);
        v[ANOMALY_AT] += 15;
        SeriesDetector clean = new SeriesDetector(DetectorConfig.defaults());
        SeriesDetector gappy = new SeriesDetector(DetectorConfig.defaults());
        for (int i = 0; i < N; i++) {
            if (i % 500 == 250) {
                for (double bad :
                        new double[] {
                            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
                        }) {
                    Result skipped = gappy.update(timestamp(i), bad);
                    assertThat(skipped.skipped()).isTrue();
                    assertThat(skipped.anomalyScore()).isZero();
                }
            }
            Result a = clean.update(timestamp(i), v[i]);
            Result b = gappy.update(timestamp(i), v[i]);
            assertThat(b).isEqualTo(a);
            assertThat(b.skipped()).isFalse();
        }
        assertThat(gappy.pointsSeen()).isEqualTo(N);
    }

    @Test
    void repeatedAndIrregularTimestampsAreScored() {
        SeriesDetector detector = new SeriesDetector(DetectorConfig.defaults());
        Random random = new Random(15);
        long t = SyntheticSeries.START_MILLIS;
        for (int i = 0; i < 2000; i++) {
            t += i % 7 == 0 ? 0 : 60_000L * (1 + random.nextInt(10)); // repeats and gaps
            Result r = detector.update(t, 50 + random.nextGaussian());
            assertThat(r.anomalyScore()).isBetween(0.0, 1.0);
            assertThat(r.skipped()).isFalse();
        }
        assertThat(detector.pointsSeen()).isEqualTo(2000);
    }

    @Test
    void restoredDetectorContinuesWithIdenticalResults() {
        double[] v = seasonal(N, 1.0, 16);
        v[ANOMALY_AT] += 15;
        int cut = 5 * POINTS_PER_DAY + 17;
        SeriesDetector original = new SeriesDetector(DetectorConfig.defaults());
        run(original, v, 0, cut);

        byte[] snapshot = original.snapshot();
        SeriesDetector restored = SeriesDetector.restore(snapshot);

        assertThat(restored.pointsSeen()).isEqualTo(original.pointsSeen());
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        List<Result> expected = run(original, v, cut, N);
        List<Result> actual = run(restored, v, cut, N);
        assertThat(actual).isEqualTo(expected);
        assertThat(onsets(actual)).containsExactly(ANOMALY_AT - cut);
    }

    /**
     * A snapshot of format 1, as running jobs hold it, must restore and continue exactly as the
     * detector that wrote it. The resources were written at commit 7722ede by a format-1 detector
     * (defaults with 10 trees and sample size 64, to keep the file small): its snapshot after 607
     * points of a 5-minute daily cycle with noise, then each following point and the result that
     * detector gave for it, one of them a spike it reported.
     */
    @Test
    void restoresCommittedFormatOneSnapshotAndContinuesAsRecorded() throws IOException {
        SeriesDetector restored;
        try (InputStream in = resource("detector-format-1.bin")) {
            restored = SeriesDetector.restore(in.readAllBytes());
        }
        // written again, it is a current-format snapshot with the shape novelty still disabled
        SeriesDetector rewritten = SeriesDetector.restore(restored.snapshot());
        List<String> recorded;
        try (InputStream in = resource("detector-format-1-continuation.csv")) {
            recorded =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }

        assertThat(restored.pointsSeen()).isEqualTo(607);
        assertThat(restored.config().artCategories).isZero();
        assertThat(rewritten.config().artCategories).isZero();
        List<Result> results = new ArrayList<>();
        for (String row : recorded) {
            String[] fields = row.split(",");
            long t = Long.parseLong(fields[0]);
            double value = Double.parseDouble(fields[1]);
            Result r = restored.update(t, value);
            results.add(r);
            assertThat(csvRow(t, value, r)).as("point %d", results.size()).isEqualTo(row);
            assertThat(rewritten.update(t, value)).isEqualTo(r);
        }
        assertThat(results).hasSize(257);
        assertThat(onsets(results)).containsExactly(120);
    }

    private static InputStream resource(String name) {
        InputStream in = SeriesDetectorTest.class.getResourceAsStream("/anomaly/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test resource " + name));
        }
        return in;
    }

    /** A result as the fixture records it; Double.toString round-trips every double exactly. */
    private static String csvRow(long t, double value, Result r) {
        return String.join(
                ",",
                Long.toString(t),
                Double.toString(value),
                Double.toString(r.anomalyScore()),
                Double.toString(r.grade()),
                Double.toString(r.confidence()),
                Double.toString(r.expectedValue()),
                Double.toString(r.lowerBound()),
                Double.toString(r.upperBound()),
                Boolean.toString(r.warm()),
                Boolean.toString(r.skipped()));
    }

    /**
     * A spiky series whose early spikes set a wide range; later a burst of mid-sized spikes, each
     * smaller than the early ones (no record for the envelope), is a shape never seen.
     */
    private static double[] burstInsideEarlierSpikes(int burst) {
        Random random = new Random(21);
        double[] v = new double[3000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 200 + 20 * random.nextGaussian();
        }
        for (int i = 40; i < 300; i += 37) {
            v[i] = 3000 + 500 * random.nextDouble();
        }
        double[] spikes = {2400, 250, 1200, 900, 1500, 260, 800};
        System.arraycopy(spikes, 0, v, burst, spikes.length);
        return v;
    }

    @Test
    void detectsBurstOfSpikesInsideTheRangeOfEarlierSpikes() {
        // the detector flags the burst, and the shape novelty alone crosses its threshold only
        // there
        int burst = 2000;
        double[] v = burstInsideEarlierSpikes(burst);
        DetectorConfig config = DetectorConfig.defaults();
        List<Integer> found = onsets(run(new SeriesDetector(config), v, 0, v.length));
        assertThat(found).anyMatch(i -> i >= burst && i < burst + 12);
        FuzzyArtNovelty art = FuzzyArtNovelty.of(config);
        double before = 0;
        double inBurst = 0;
        for (int i = 0; i < burst + 12; i++) {
            double n = art.update(v[i]) / config.artThreshold;
            if (i >= config.warmupPoints && i < burst) {
                before = Math.max(before, n);
            } else if (i >= burst) {
                inBurst = Math.max(inBurst, n);
            }
        }
        assertThat(before).isLessThan(1.0);
        assertThat(inBurst).isGreaterThan(1.0);
    }

    @Test
    void restoredDetectorContinuesWithIdenticalShapeNovelty() {
        int burst = 2000;
        double[] v = burstInsideEarlierSpikes(burst);
        int cut = burst - 150;
        SeriesDetector original = new SeriesDetector(DetectorConfig.defaults());
        run(original, v, 0, cut);

        byte[] snapshot = original.snapshot();
        SeriesDetector restored = SeriesDetector.restore(snapshot);

        assertThat(ByteBuffer.wrap(snapshot).getInt()).isEqualTo(SeriesDetector.FORMAT_VERSION);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        List<Result> actual = run(restored, v, cut, v.length);
        assertThat(actual).isEqualTo(run(original, v, cut, v.length));
        assertThat(onsets(actual)).anyMatch(i -> i >= burst - cut && i < burst - cut + 12);
    }

    @Test
    void restoreRejectsUnknownVersionAndGarbage() {
        byte[] snapshot = new SeriesDetector(DetectorConfig.defaults()).snapshot();
        snapshot[3] = 99;
        assertThatThrownBy(() -> SeriesDetector.restore(snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 99");
        assertThatThrownBy(() -> SeriesDetector.restore(new byte[] {0, 0, 0, 1, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
