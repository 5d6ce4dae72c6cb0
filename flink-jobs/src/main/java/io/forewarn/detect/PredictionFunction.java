package io.forewarn.detect;

import io.forewarn.schema.Evidence;
import io.forewarn.schema.Prediction;
import io.forewarn.schema.PredictionStatus;
import io.forewarn.schema.Producer;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import io.forewarn.schema.state.Contribution;
import io.forewarn.schema.state.PredictionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns signals into predictions: one open prediction per entity and failure type (the key, see
 * {@link #key(Signal)}), with a lifecycle OPEN → UPDATED* → RESOLVED or EXPIRED.
 *
 * <p>The probability combines the latest signal of each contributing producer (detector, rule or
 * model version) as a noisy-OR, so independent evidence raises it while repeats of the same
 * evidence do not; the severity is the highest seen; the time to impact is the earliest any
 * producer expects. The rank score is probability × severity weight. The prediction id is derived
 * from entity, failure type and the episode's first signal time, so replays give the same ids.
 *
 * <p>State is one {@link PredictionState} per open prediction, cleared when it resolves or expires.
 */
public class PredictionFunction extends KeyedProcessFunction<String, Signal, Prediction> {

    private static final long serialVersionUID = 1L;

    private static final double MAX_PROBABILITY = 0.99;

    private final PredictionSettings settings;

    private transient ValueState<PredictionState> state;
    private transient Counter opened;
    private transient Counter resolved;
    private transient Counter expired;

    public PredictionFunction(PredictionSettings settings) {
        this.settings = settings;
    }

    /**
     * The key of a signal: its entity and failure type. Signals without a failure type have none.
     */
    public static String key(Signal signal) {
        return signal.getService()
                + '\u001f'
                + Objects.toString(signal.getHost(), "")
                + '\u001f'
                + signal.getFailureType();
    }

    /** Weight of a severity in the rank score. */
    public static double severityWeight(Severity severity) {
        switch (severity) {
            case CRITICAL:
                return 1.0;
            case HIGH:
                return 0.75;
            case MEDIUM:
                return 0.5;
            case LOW:
                return 0.25;
            default:
                return 0.1;
        }
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(Descriptors.PREDICTION_STATE);
        opened = getRuntimeContext().getMetricGroup().counter("predictionsOpened");
        resolved = getRuntimeContext().getMetricGroup().counter("predictionsResolved");
        expired = getRuntimeContext().getMetricGroup().counter("predictionsExpired");
    }

    @Override
    public void processElement(Signal signal, Context ctx, Collector<Prediction> out)
            throws Exception {
        PredictionState current = state.value();
        if (SignalKinds.RESOLVED.equals(signal.getKind())) {
            if (current != null) {
                Prediction prediction = current.getCurrent();
                long at = Math.max(signal.getTimestamp(), prediction.getLastSeen());
                finish(prediction, PredictionStatus.RESOLVED, at, signal.getEvidence(), out);
                ctx.timerService().deleteEventTimeTimer(current.getExpiryTimer());
                state.clear();
                resolved.inc();
            }
            return;
        }
        if (current == null) {
            current = open(signal);
            opened.inc();
        } else {
            ctx.timerService().deleteEventTimeTimer(current.getExpiryTimer());
        }
        merge(current, signal);
        long expiryTimer = current.getCurrent().getLastSeen() + settings.expiry().toMillis();
        current.setExpiryTimer(expiryTimer);
        ctx.timerService().registerEventTimeTimer(expiryTimer);
        state.update(current);
        // A copy: with object reuse, chained sinks are handed the emitted instance itself, and the
        // state's changes in place must not reach them.
        out.collect(Prediction.newBuilder(current.getCurrent()).build());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Prediction> out)
            throws Exception {
        PredictionState current = state.value();
        if (current == null || current.getExpiryTimer() != timestamp) {
            return;
        }
        finish(current.getCurrent(), PredictionStatus.EXPIRED, timestamp, List.of(), out);
        state.clear();
        expired.inc();
    }

    private static PredictionState open(Signal signal) {
        long episode = signal.getTimestamp();
        Prediction prediction =
                Prediction.newBuilder()
                        .setPredictionId(
                                Ids.stable(
                                        signal.getService(),
                                        Objects.toString(signal.getHost(), ""),
                                        signal.getFailureType(),
                                        Long.toString(episode)))
                        .setTimestamp(signal.getTimestamp())
                        .setService(signal.getService())
                        .setHost(signal.getHost())
                        .setFailureType(signal.getFailureType())
                        .setStatus(PredictionStatus.OPEN)
                        .setProbability(0)
                        .setSeverity(signal.getSeverity())
                        .setTimeToImpact(null)
                        .setRankScore(0)
                        .setSummary("")
                        .setEvidence(new ArrayList<>())
                        .setRecommendedActions(new ArrayList<>())
                        .setProducers(new ArrayList<>())
                        .setFirstSeen(signal.getTimestamp())
                        .setLastSeen(signal.getTimestamp())
                        .setEpisode(episode)
                        .setSignalCount(0)
                        .build();
        return new PredictionState(prediction, new ArrayList<>(), Long.MIN_VALUE);
    }

    private void merge(PredictionState state, Signal signal) {
        Prediction p = state.getCurrent();
        boolean first = p.getSignalCount() == 0;
        p.setStatus(first ? PredictionStatus.OPEN : PredictionStatus.UPDATED);
        p.setTimestamp(Math.max(p.getTimestamp(), signal.getTimestamp()));
        p.setFirstSeen(Math.min(p.getFirstSeen(), signal.getTimestamp()));
        p.setLastSeen(Math.max(p.getLastSeen(), signal.getTimestamp()));
        p.setSignalCount(p.getSignalCount() + 1);
        if (signal.getSeverity().ordinal() > p.getSeverity().ordinal()) {
            p.setSeverity(signal.getSeverity());
        }
        // State restored by Avro holds its own list type, which cannot remove: work on a copy.
        state.setContributions(new ArrayList<>(state.getContributions()));
        addContribution(state.getContributions(), signal);
        long horizon = p.getLastSeen() - settings.expiry().toMillis();
        state.getContributions().removeIf(c -> c.getTimestamp() < horizon);

        double miss = 1;
        for (Contribution c : state.getContributions()) {
            miss *= 1 - c.getProbability();
        }
        p.setProbability(Math.min(MAX_PROBABILITY, 1 - miss));
        p.setTimeToImpact(timeToImpact(state.getContributions(), p.getTimestamp()));
        p.setRankScore(p.getProbability() * severityWeight(p.getSeverity()));
        p.setEvidence(mergeEvidence(signal.getEvidence(), p.getEvidence()));
        p.setRecommendedActions(
                mergeActions(p.getRecommendedActions(), signal.getRecommendedActions()));
        p.setProducers(mergeProducers(p.getProducers(), signal.getProducer()));
        p.setSummary(summary(p));
    }

    private static void addContribution(List<Contribution> contributions, Signal signal) {
        Producer producer = signal.getProducer();
        String key = producer.getKind() + ":" + producer.getId() + ":" + producer.getVersion();
        double probability =
                signal.getProbability() != null ? signal.getProbability() : signal.getScore();
        Contribution contribution =
                new Contribution(
                        key, clamp01(probability), signal.getTimestamp(), null, null, null);
        TimeToImpact tti = signal.getTimeToImpact();
        if (tti != null) {
            contribution.setImpactExpectedAt(signal.getTimestamp() + tti.getExpectedMillis());
            contribution.setImpactEarliestAt(signal.getTimestamp() + tti.getLowerMillis());
            contribution.setImpactLatestAt(signal.getTimestamp() + tti.getUpperMillis());
        }
        contributions.removeIf(
                c -> c.getProducer().equals(key) && c.getTimestamp() <= signal.getTimestamp());
        if (contributions.stream().noneMatch(c -> c.getProducer().equals(key))) {
            contributions.add(contribution);
        }
        if (contributions.size() > PredictionSettings.MAX_CONTRIBUTIONS) {
            contributions.sort(Comparator.comparingLong(Contribution::getTimestamp));
            contributions
                    .subList(0, contributions.size() - PredictionSettings.MAX_CONTRIBUTIONS)
                    .clear();
        }
    }

    private static TimeToImpact timeToImpact(List<Contribution> contributions, long now) {
        Contribution earliest = null;
        for (Contribution c : contributions) {
            if (c.getImpactExpectedAt() != null
                    && (earliest == null
                            || c.getImpactExpectedAt() < earliest.getImpactExpectedAt())) {
                earliest = c;
            }
        }
        if (earliest == null) {
            return null;
        }
        long expected = Math.max(0, earliest.getImpactExpectedAt() - now);
        long lower = Math.max(0, Math.min(expected, earliest.getImpactEarliestAt() - now));
        long upper = Math.max(expected, earliest.getImpactLatestAt() - now);
        return new TimeToImpact(expected, lower, upper);
    }

    private List<Evidence> mergeEvidence(List<Evidence> newest, List<Evidence> previous) {
        Map<String, Evidence> merged = new LinkedHashMap<>();
        for (Evidence e : newest) {
            merged.putIfAbsent(e.getKind() + '\u001f' + e.getSummary(), e);
        }
        for (Evidence e : previous) {
            merged.putIfAbsent(e.getKind() + '\u001f' + e.getSummary(), e);
        }
        List<Evidence> out = new ArrayList<>(merged.values());
        return out.size() > settings.maxEvidence()
                ? new ArrayList<>(out.subList(0, settings.maxEvidence()))
                : out;
    }

    private static List<RecommendedAction> mergeActions(
            List<RecommendedAction> previous, List<RecommendedAction> added) {
        Map<String, RecommendedAction> merged = new LinkedHashMap<>();
        previous.forEach(a -> merged.putIfAbsent(a.getTitle(), a));
        added.forEach(a -> merged.putIfAbsent(a.getTitle(), a));
        List<RecommendedAction> out = new ArrayList<>(merged.values());
        return out.size() > PredictionSettings.MAX_ACTIONS
                ? new ArrayList<>(out.subList(0, PredictionSettings.MAX_ACTIONS))
                : out;
    }

    private static List<Producer> mergeProducers(List<Producer> previous, Producer producer) {
        List<Producer> out = new ArrayList<>(previous);
        if (!out.contains(producer)) {
            out.add(producer);
        }
        return out.size() > PredictionSettings.MAX_CONTRIBUTIONS
                ? new ArrayList<>(
                        out.subList(out.size() - PredictionSettings.MAX_CONTRIBUTIONS, out.size()))
                : out;
    }

    private static String summary(Prediction p) {
        String entity = p.getHost() == null ? p.getService() : p.getService() + "/" + p.getHost();
        String lead = p.getEvidence().isEmpty() ? "" : ": " + p.getEvidence().get(0).getSummary();
        return p.getFailureType() + " likely on " + entity + lead;
    }

    private void finish(
            Prediction prediction,
            PredictionStatus status,
            long at,
            List<Evidence> closingEvidence,
            Collector<Prediction> out) {
        Prediction last =
                Prediction.newBuilder(prediction)
                        .setStatus(status)
                        .setTimestamp(at)
                        .setTimeToImpact(null)
                        .build();
        last.setEvidence(mergeEvidence(closingEvidence, last.getEvidence()));
        out.collect(last);
    }

    private static double clamp01(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
