package io.forewarn.detect;

import io.forewarn.schema.Evidence;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.Producer;
import io.forewarn.schema.ProducerKind;
import io.forewarn.schema.RecommendedAction;
import io.forewarn.schema.Severity;
import io.forewarn.schema.Signal;
import io.forewarn.schema.TimeToImpact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per service, counts log records and errors over a sliding event-time window and compares the
 * window's error rate with the service's own exponentially weighted baseline. A window far above
 * the baseline (z-score, with a binomial floor on the variance so small windows are not noisy)
 * emits an {@code error-burst} signal predicting {@link FailureTypes#ERROR_SPIKE}; while the burst
 * lasts, each window emits an update; a full window without a burst emits {@code resolved}.
 *
 * <p>State per service is its baseline and the counts of the slides not yet out of the window
 * (window/slide of them, plus the slides that records ahead of the watermark opened); everything is
 * dropped after {@code idleTimeout} of event time without logs.
 */
public class ErrorRateDetector extends KeyedProcessFunction<String, LogRecord, Signal> {

    private static final long serialVersionUID = 1L;

    static final String SOURCE = "error-rate";
    static final Producer PRODUCER = new Producer(ProducerKind.DETECTOR, SOURCE, "1");
    static final int EXAMPLE_ERRORS = 3;
    static final int EXAMPLE_LENGTH = 300;

    /**
     * Burst windows update the baseline this much slower, so a burst does not become normal at
     * once.
     */
    private static final double BURST_BASELINE_DAMPING = 0.25;

    private final ErrorRateSettings settings;
    private final long slide;
    private final int buckets;
    private final double alpha;

    private transient ValueState<ErrorRateState> state;
    private transient MapState<Long, ErrorRateBucket> counts;
    private transient Counter bursts;
    private transient Counter recordsAfterEvaluation;

    public ErrorRateDetector(ErrorRateSettings settings) {
        this.settings = settings;
        this.slide = settings.slide().toMillis();
        this.buckets = settings.buckets();
        this.alpha = settings.baselineAlpha();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(Descriptors.ERROR_RATE_STATE);
        counts = getRuntimeContext().getMapState(Descriptors.ERROR_RATE_BUCKETS);
        bursts = getRuntimeContext().getMetricGroup().counter("errorBursts");
        recordsAfterEvaluation =
                getRuntimeContext().getMetricGroup().counter("recordsAfterWindowEvaluated");
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Signal> out)
            throws Exception {
        ErrorRateState s = state.value();
        if (s == null) {
            s = ErrorRateState.create();
        }
        long bucket = Math.floorDiv(record.getTimestamp(), slide);
        if (bucket <= s.lastEvaluatedBucket) {
            // Its window was already evaluated (possible only with allowed lateness).
            recordsAfterEvaluation.inc();
            return;
        }
        ErrorRateBucket bucketCounts = counts.get(bucket);
        if (bucketCounts == null) {
            bucketCounts = ErrorRateBucket.create(EXAMPLE_ERRORS);
            // A bucket's timers are registered with its first record (and restored with it).
            ctx.timerService().registerEventTimeTimer(bucketEnd(bucket));
            ctx.timerService()
                    .registerEventTimeTimer(bucketEnd(bucket) + settings.idleTimeout().toMillis());
        }
        bucketCounts.total++;
        if (isError(record.getLevel())) {
            bucketCounts.addError(abbreviate(record.getMessage()));
        }
        counts.put(bucket, bucketCounts);
        s.lastEventTime = Math.max(s.lastEventTime, record.getTimestamp());
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out)
            throws Exception {
        ErrorRateState s = state.value();
        if (s == null) {
            return;
        }
        long bucket = Math.floorDiv(timestamp + 1, slide) - 1;
        if (bucketEnd(bucket) == timestamp && bucket > s.lastEvaluatedBucket) {
            evaluate(s, bucket, ctx.getCurrentKey(), out);
            s.lastEvaluatedBucket = bucket;
            // The oldest slide of this window (and anything older) is in no later window.
            Iterator<Long> held = counts.keys().iterator();
            while (held.hasNext()) {
                if (held.next() <= bucket - buckets + 1) {
                    held.remove();
                }
            }
            if (s.inBurst) {
                // Keep evaluating while the burst lasts, even if the service stops logging.
                ctx.timerService().registerEventTimeTimer(bucketEnd(bucket + 1));
            }
        }
        if (!s.inBurst && s.lastEventTime + settings.idleTimeout().toMillis() <= timestamp) {
            state.clear();
            counts.clear();
            return;
        }
        state.update(s);
    }

    private void evaluate(ErrorRateState s, long bucket, String service, Collector<Signal> out)
            throws Exception {
        long total = 0;
        long errors = 0;
        List<String> examples = new ArrayList<>();
        for (long b = bucket; b > bucket - buckets; b--) {
            ErrorRateBucket bucketCounts = counts.get(b);
            if (bucketCounts != null) {
                total += bucketCounts.total;
                errors += bucketCounts.errors;
                for (String example : bucketCounts.examples) {
                    if (example != null && examples.size() < EXAMPLE_ERRORS) {
                        examples.add(example);
                    }
                }
            }
        }
        long windowEnd = bucketEnd(bucket) + 1;
        if (total == 0) {
            noBurst(s, service, windowEnd, out);
            return;
        }
        double rate = (double) errors / total;
        boolean warm = s.baselineWindows >= settings.warmupWindows();
        double expected = Math.max(s.baselineMean, 0.5 / total);
        double variance = Math.max(s.baselineVariance, expected * (1 - expected) / total);
        double z = (rate - s.baselineMean) / Math.sqrt(variance);
        boolean burst =
                errors >= settings.minErrors()
                        && (warm ? z >= settings.minZScore() : rate >= settings.coldStartRate());
        foldIntoBaseline(s, rate, burst ? alpha * BURST_BASELINE_DAMPING : alpha);
        if (burst) {
            if (!s.inBurst) {
                bursts.inc();
            }
            s.inBurst = true;
            s.quietWindows = 0;
            out.collect(burstSignal(s, service, windowEnd, total, errors, rate, z, warm, examples));
        } else {
            noBurst(s, service, windowEnd, out);
        }
    }

    private void noBurst(ErrorRateState s, String service, long windowEnd, Collector<Signal> out) {
        if (!s.inBurst) {
            return;
        }
        s.quietWindows++;
        if (s.quietWindows >= buckets) {
            s.inBurst = false;
            s.quietWindows = 0;
            out.collect(resolvedSignal(service, windowEnd));
        }
    }

    /**
     * Exponentially weighted mean and variance; while few windows are known every window weighs the
     * same (1/n), so the first, possibly partial window does not dominate for a half-life.
     */
    private void foldIntoBaseline(ErrorRateState s, double rate, double weight) {
        double w = Math.max(weight, 1.0 / (s.baselineWindows + 1.0));
        double delta = rate - s.baselineMean;
        s.baselineMean += w * delta;
        s.baselineVariance = (1 - w) * (s.baselineVariance + w * delta * delta);
        if (s.baselineWindows < Integer.MAX_VALUE) {
            s.baselineWindows++;
        }
    }

    private Signal burstSignal(
            ErrorRateState s,
            String service,
            long windowEnd,
            long total,
            long errors,
            double rate,
            double z,
            boolean warm,
            List<String> examples) {
        double probability =
                warm
                        ? clamp(0.55 + 0.05 * (z - settings.minZScore()), 0.55, 0.95)
                        : clamp(0.4 + 0.4 * rate, 0.4, 0.8);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(
                new Evidence(
                        "error-rate",
                        String.format(
                                Locale.ROOT,
                                "%d errors in %d log records (%.1f%%) over %s, baseline %.2f%% ± %.2f%%",
                                errors,
                                total,
                                100 * rate,
                                human(settings.window()),
                                100 * s.baselineMean,
                                100 * Math.sqrt(s.baselineVariance)),
                        windowEnd,
                        SOURCE,
                        null,
                        rate,
                        Map.of(
                                "errors", Long.toString(errors),
                                "total", Long.toString(total),
                                "zScore",
                                        warm
                                                ? String.format(Locale.ROOT, "%.1f", z)
                                                : "cold-start")));
        for (String example : examples) {
            evidence.add(new Evidence("log", example, windowEnd, SOURCE, null, null, Map.of()));
        }
        return Signal.newBuilder()
                .setSignalId(Ids.stable(SOURCE, service, Long.toString(windowEnd)))
                .setTimestamp(windowEnd)
                .setService(service)
                .setHost(null)
                .setSource(SOURCE)
                .setKind(SignalKinds.ERROR_BURST)
                .setScore(probability)
                .setFailureType(FailureTypes.ERROR_SPIKE)
                .setProbability(probability)
                .setSeverity(severity(rate))
                .setTimeToImpact(
                        new TimeToImpact(
                                Duration.ofMinutes(5).toMillis(),
                                0L,
                                Duration.ofMinutes(30).toMillis()))
                .setEvidence(evidence)
                .setRecommendedActions(
                        List.of(
                                new RecommendedAction(
                                        "Check what changed on " + service,
                                        "Compare the start of the burst with recent deployments and"
                                                + " configuration changes; roll back if they line up.",
                                        null),
                                new RecommendedAction(
                                        "Inspect the new error messages",
                                        "The evidence lists examples; look for a failing dependency or a"
                                                + " code path that started failing.",
                                        null)))
                .setProducer(PRODUCER)
                .setAttributes(Map.of())
                .build();
    }

    private Signal resolvedSignal(String service, long windowEnd) {
        return Signal.newBuilder()
                .setSignalId(
                        Ids.stable(SOURCE, service, Long.toString(windowEnd), SignalKinds.RESOLVED))
                .setTimestamp(windowEnd)
                .setService(service)
                .setHost(null)
                .setSource(SOURCE)
                .setKind(SignalKinds.RESOLVED)
                .setScore(0)
                .setFailureType(FailureTypes.ERROR_SPIKE)
                .setProbability(0.0)
                .setSeverity(Severity.INFO)
                .setTimeToImpact(null)
                .setEvidence(
                        List.of(
                                new Evidence(
                                        "error-rate",
                                        "error rate back to baseline for "
                                                + human(settings.window()),
                                        windowEnd,
                                        SOURCE,
                                        null,
                                        null,
                                        Map.of())))
                .setRecommendedActions(List.of())
                .setProducer(PRODUCER)
                .setAttributes(Map.of())
                .build();
    }

    static Severity severity(double rate) {
        if (rate >= 0.5) {
            return Severity.CRITICAL;
        } else if (rate >= 0.2) {
            return Severity.HIGH;
        } else if (rate >= 0.05) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    static boolean isError(LogLevel level) {
        return level == LogLevel.ERROR || level == LogLevel.FATAL;
    }

    private long bucketEnd(long bucket) {
        return (bucket + 1) * slide - 1;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String abbreviate(String message) {
        return message.length() <= EXAMPLE_LENGTH
                ? message
                : message.substring(0, EXAMPLE_LENGTH) + "…";
    }

    private static String human(Duration duration) {
        return duration.toMinutes() > 0 && duration.toSecondsPart() == 0
                ? duration.toMinutes() + " min"
                : duration.toSeconds() + " s";
    }
}
