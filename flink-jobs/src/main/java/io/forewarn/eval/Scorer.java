package io.forewarn.eval;

import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Producer;
import io.forewarn.simulator.BenignWindow;
import io.forewarn.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores predictions against ground truth. The rules (docs/evaluation.md):
 *
 * <ul>
 *   <li>A <b>prediction</b> is an episode: the records of one prediction id. Only OPEN and UPDATED
 *       records count; RESOLVED and EXPIRED close an episode. An episode's time is that of its
 *       first record.
 *   <li>A prediction <b>concerns</b> an incident when the service is the same and the hosts are
 *       compatible (the same, or either side names none).
 *   <li>An incident is <b>detected</b> when a record of its failure type concerning it has an event
 *       time in [precursor onset, failure time). Its <b>lead time</b> is the failure time minus the
 *       first such record's time.
 *   <li>An episode is <b>true</b> when it concerns an incident, opened in [precursor onset, failure
 *       time + {@link #GRACE}], and names the incident's failure type or one of its consequences.
 *       Every other episode is <b>false</b>.
 *   <li>A benign disturbance lists the false episodes concerning its entity opened from its start
 *       to {@link #GRACE} after its end.
 * </ul>
 */
public final class Scorer {

    /** How long after a failure predictions about it are still about it (its aftermath). */
    public static final Duration GRACE = Duration.ofMinutes(30);

    private static final double MINUTE = 60_000.0;

    private final long start;
    private final long end;
    private final List<GroundTruth> truths;
    private final List<BenignWindow> benign;

    public Scorer(long start, long end, List<GroundTruth> truths, List<BenignWindow> benign) {
        this.start = start;
        this.end = end;
        this.truths = List.copyOf(truths);
        this.benign = List.copyOf(benign);
    }

    /**
     * Scores prediction records (in any order).
     *
     * @param seed the simulator seed, for the record
     * @param records every prediction record of the run
     * @param charts chart file of an incident (relative path), or null
     */
    public Scorecard score(
            long seed, List<Prediction> records, Function<GroundTruth, String> charts) {
        List<Episode> episodes = episodes(records);
        double hours = (end - start) / 3_600_000.0;
        List<Scorecard.IncidentResult> incidents = new ArrayList<>();
        List<Double> leads = new ArrayList<>();
        List<Double> gradualLeads = new ArrayList<>();
        for (GroundTruth truth : truths) {
            Scorecard.IncidentResult result = incident(truth, episodes, hours, charts.apply(truth));
            incidents.add(result);
            if (result.leadTimeMinutes() != null) {
                leads.add(result.leadTimeMinutes());
                if (truth.gradual()) {
                    gradualLeads.add(result.leadTimeMinutes());
                }
            }
        }
        List<Scorecard.BenignResult> benignResults = new ArrayList<>();
        for (BenignWindow window : benign) {
            List<Scorecard.PredictionSummary> alarms = new ArrayList<>();
            for (Episode e : episodes) {
                if (!e.isTrue
                        && compatible(window.service(), window.host(), e.first)
                        && e.opened() >= window.from()
                        && e.opened() <= window.to() + GRACE.toMillis()) {
                    alarms.add(summary(e.first));
                }
            }
            benignResults.add(
                    new Scorecard.BenignResult(
                            window.disturbance(),
                            window.service(),
                            window.host(),
                            iso(window.from()),
                            iso(window.to()),
                            alarms));
        }
        List<Scorecard.PredictionSummary> falseOnes = new ArrayList<>();
        int trueCount = 0;
        for (Episode e : episodes) {
            if (e.isTrue) {
                trueCount++;
            } else {
                falseOnes.add(summary(e.first));
            }
        }
        long detected = incidents.stream().filter(Scorecard.IncidentResult::detected).count();
        Double precision = episodes.isEmpty() ? null : trueCount / (double) episodes.size();
        Double recall = truths.isEmpty() ? null : detected / (double) truths.size();
        Scorecard.Overall overall =
                new Scorecard.Overall(
                        episodes.size(),
                        trueCount,
                        falseOnes.size(),
                        precision,
                        recall,
                        median(leads),
                        median(gradualLeads),
                        falseOnes.size() / hours);
        return new Scorecard(
                seed,
                iso(start),
                iso(end),
                hours,
                incidents,
                benignResults,
                falseOnes,
                overall,
                targets(overall));
    }

    private Scorecard.IncidentResult incident(
            GroundTruth truth, List<Episode> episodes, double hours, String chart) {
        Prediction first = null;
        int primary = 0;
        int consequence = 0;
        long falseOnService =
                episodes.stream()
                        .filter(e -> !e.isTrue && e.first.getService().equals(truth.service()))
                        .count();
        for (Episode e : episodes) {
            if (!concerns(truth, e.first)) {
                continue;
            }
            for (Prediction p : e.records) {
                if (p.getFailureType().equals(truth.failureType())
                        && p.getTimestamp() >= truth.precursorOnset()
                        && p.getTimestamp() < truth.failureTime()
                        && (first == null || p.getTimestamp() < first.getTimestamp())) {
                    first = p;
                }
            }
            if (inWindow(truth, e.opened())) {
                if (e.first.getFailureType().equals(truth.failureType())) {
                    primary++;
                } else if (truth.consequences().contains(e.first.getFailureType())) {
                    consequence++;
                }
            }
        }
        Double lead = first == null ? null : (truth.failureTime() - first.getTimestamp()) / MINUTE;
        return new Scorecard.IncidentResult(
                truth.scenario(),
                truth.service(),
                truth.host(),
                truth.failureType(),
                truth.consequences().stream().sorted().toList(),
                truth.gradual(),
                iso(truth.precursorOnset()),
                iso(truth.failureTime()),
                first != null,
                lead,
                first == null ? null : summary(first),
                primary,
                consequence,
                (int) falseOnService,
                falseOnService / hours,
                chart);
    }

    /**
     * What a chart of an incident marks: the opening of every prediction episode on its service
     * (true about this incident, true as a consequence, or false), and the first prediction that
     * detected it.
     */
    public List<ChartMarker> markers(GroundTruth truth, List<Prediction> records) {
        List<ChartMarker> markers = new ArrayList<>();
        Prediction detection = null;
        for (Episode e : episodes(records)) {
            if (!e.first.getService().equals(truth.service())) {
                continue;
            }
            String label = e.first.getFailureType();
            ChartMarker.Kind kind;
            if (!e.isTrue) {
                kind = ChartMarker.Kind.FALSE;
            } else if (concerns(truth, e.first) && inWindow(truth, e.opened())) {
                kind =
                        e.first.getFailureType().equals(truth.failureType())
                                ? ChartMarker.Kind.PRIMARY
                                : ChartMarker.Kind.CONSEQUENCE;
            } else {
                continue;
            }
            markers.add(new ChartMarker(e.opened(), kind, label));
            if (concerns(truth, e.first)) {
                for (Prediction p : e.records) {
                    if (p.getFailureType().equals(truth.failureType())
                            && p.getTimestamp() >= truth.precursorOnset()
                            && p.getTimestamp() < truth.failureTime()
                            && (detection == null || p.getTimestamp() < detection.getTimestamp())) {
                        detection = p;
                    }
                }
            }
        }
        if (detection != null) {
            markers.add(
                    new ChartMarker(
                            detection.getTimestamp(),
                            ChartMarker.Kind.DETECTION,
                            "first " + truth.failureType() + " prediction"));
        }
        return markers;
    }

    /** Whether a prediction record is about an incident's entity. */
    static boolean concerns(GroundTruth truth, Prediction p) {
        return compatible(truth.service(), truth.host(), p);
    }

    private static boolean compatible(String service, String host, Prediction p) {
        return service.equals(p.getService())
                && (host == null || p.getHost() == null || host.equals(p.getHost()));
    }

    private static boolean inWindow(GroundTruth truth, long time) {
        return time >= truth.precursorOnset() && time <= truth.failureTime() + GRACE.toMillis();
    }

    private List<Episode> episodes(List<Prediction> records) {
        Map<String, List<Prediction>> byId = new LinkedHashMap<>();
        records.stream()
                .filter(
                        p ->
                                p.getStatus() == PredictionStatus.OPEN
                                        || p.getStatus() == PredictionStatus.UPDATED)
                .sorted(Comparator.comparingLong(Prediction::getTimestamp))
                .forEach(
                        p ->
                                byId.computeIfAbsent(p.getPredictionId(), id -> new ArrayList<>())
                                        .add(p));
        List<Episode> episodes = new ArrayList<>();
        for (List<Prediction> list : byId.values()) {
            Prediction first = list.get(0);
            boolean isTrue =
                    truths.stream()
                            .anyMatch(
                                    t ->
                                            concerns(t, first)
                                                    && inWindow(t, first.getTimestamp())
                                                    && (t.failureType()
                                                                    .equals(first.getFailureType())
                                                            || t.consequences()
                                                                    .contains(
                                                                            first
                                                                                    .getFailureType())));
            episodes.add(new Episode(first, list, isTrue));
        }
        return episodes;
    }

    private static List<Scorecard.Target> targets(Scorecard.Overall overall) {
        return List.of(
                target("recall", 0.9, overall.recall()),
                target("precision", 0.9, overall.precision()),
                new Scorecard.Target(
                        "median lead time of gradual incidents (minutes)",
                        ">= 10",
                        overall.medianLeadTimeGradualMinutes(),
                        overall.medianLeadTimeGradualMinutes() != null
                                && overall.medianLeadTimeGradualMinutes() >= 10));
    }

    private static Scorecard.Target target(String name, double goal, Double value) {
        return new Scorecard.Target(name, ">= " + goal, value, value != null && value >= goal);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Scorecard.PredictionSummary summary(Prediction p) {
        return new Scorecard.PredictionSummary(
                p.getPredictionId(),
                iso(p.getTimestamp()),
                p.getService(),
                p.getHost(),
                p.getFailureType(),
                p.getProbability(),
                p.getProducers().stream().map(Scorer::producer).toList(),
                Objects.toString(p.getSummary(), ""));
    }

    private static String producer(Producer producer) {
        return producer.getKind() + ":" + producer.getId() + "@" + producer.getVersion();
    }

    static String iso(long time) {
        return Instant.ofEpochMilli(time).toString();
    }

    /** The records of one prediction id, its first one, and whether it is a true prediction. */
    private record Episode(Prediction first, List<Prediction> records, boolean isTrue) {
        long opened() {
            return first.getTimestamp();
        }
    }
}
