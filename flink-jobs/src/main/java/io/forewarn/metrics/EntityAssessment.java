package io.forewarn.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The combined anomaly verdict on one entity (a service, or a host of a service) for one interval,
 * from the verdicts of all its series: which series are anomalous, how strongly the entity is, and
 * which series drove it.
 *
 * <p>A series counts when its detector is warm, its deviation is on the side its family watches
 * ({@link AnomalySide}), and its grade reaches the detection threshold (0.5); series within {@link
 * #CONTRIBUTOR_GRADE} of it are listed as contributors too. The entity grade is the noisy-OR of the
 * counted grades, so several series deviating together score higher than any one of them.
 * Attribution: each contributor's share is its severity (grade / (1 - grade), 1 = at the threshold)
 * over the contributors' total. Confidence is the mean confidence of all the entity's series, so an
 * entity whose models are still warming up reports low confidence.
 *
 * @param grade entity grade, 0..1 (0 when nothing is anomalous)
 * @param confidence mean confidence of the entity's series, 0..1
 * @param anomalous whether at least one series is anomalous
 * @param contributors the series that drove the verdict, strongest first, with their shares
 * @param anomalousSeries how many series are anomalous
 * @param series how many series the entity reported in the interval
 */
public record EntityAssessment(
        double grade,
        double confidence,
        boolean anomalous,
        List<Contributor> contributors,
        int anomalousSeries,
        int series) {

    /** Detection threshold of a series' grade. */
    public static final double ANOMALY_GRADE = 0.5;

    /** Grade from which a series is listed as a contributor. */
    public static final double CONTRIBUTOR_GRADE = 0.4;

    /** Contributors listed at most. */
    public static final int MAX_CONTRIBUTORS = 5;

    /**
     * One series behind an entity's verdict.
     *
     * @param verdict the series' verdict
     * @param family its family
     * @param share its part of the entity's anomaly, 0..1 (shares of all contributors sum to 1)
     */
    public record Contributor(SeriesVerdict verdict, MetricFamily family, double share) {}

    /** Assesses one interval of one entity. */
    public static EntityAssessment of(List<SeriesVerdict> verdicts, MetricFamilies families) {
        double miss = 1;
        double confidence = 0;
        int anomalous = 0;
        List<Contributor> candidates = new ArrayList<>();
        for (SeriesVerdict v : verdicts) {
            confidence += v.confidence;
            MetricFamily family = families.named(v.family);
            double grade = counted(v, family);
            if (grade >= ANOMALY_GRADE) {
                anomalous++;
                miss *= 1 - grade;
            }
            if (grade >= CONTRIBUTOR_GRADE) {
                candidates.add(new Contributor(v, family, severity(grade)));
            }
        }
        confidence = verdicts.isEmpty() ? 0 : confidence / verdicts.size();
        if (anomalous == 0) {
            return new EntityAssessment(0, confidence, false, List.of(), 0, verdicts.size());
        }
        candidates.sort(
                Comparator.comparingDouble(Contributor::share)
                        .reversed()
                        .thenComparing(c -> c.verdict().series));
        List<Contributor> top =
                candidates.subList(0, Math.min(MAX_CONTRIBUTORS, candidates.size()));
        double total = top.stream().mapToDouble(Contributor::share).sum();
        List<Contributor> shared = new ArrayList<>(top.size());
        for (Contributor c : top) {
            shared.add(new Contributor(c.verdict(), c.family(), c.share() / total));
        }
        return new EntityAssessment(
                1 - miss, confidence, true, List.copyOf(shared), anomalous, verdicts.size());
    }

    /** The grade a series contributes: 0 while cold or when deviating on an unwatched side. */
    static double counted(SeriesVerdict v, MetricFamily family) {
        if (!v.warm || !family.anomaly().counts(v.value, v.expected)) {
            return 0;
        }
        return v.grade;
    }

    private static double severity(double grade) {
        return grade / Math.max(1e-9, 1 - grade);
    }

    /**
     * The failure type this verdict predicts: that of the strongest contributor whose family names
     * one and whose own grade reaches {@code minGrade}, or null (the anomaly stays a signal for
     * rules).
     */
    public String failureType(double minGrade) {
        for (Contributor c : contributors) {
            if (c.family().anomalyFailure() != null && c.verdict().grade >= minGrade) {
                return c.family().anomalyFailure();
            }
        }
        return null;
    }

    /** The strongest contributor. */
    public Contributor driver() {
        return contributors.get(0);
    }
}
