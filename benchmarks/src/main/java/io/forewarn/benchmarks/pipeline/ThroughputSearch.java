package io.forewarn.benchmarks.pipeline;

import io.forewarn.config.ForewarnConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the sustainable throughput of a job: the highest constant input rate at which its consumer
 * lag stays bounded for a whole trial. Rates double from the start rate until a trial fails (or
 * halve until one passes, when the start rate fails), then the interval between the last good and
 * the first bad rate is halved (geometrically) a few times.
 *
 * <p>A trial samples the lag every {@value #SAMPLE_SECONDS} s. It is <b>sustainable</b> when, after
 * its first third (start-up and warm-up), the highest lag of the last third is no more than the
 * highest of the middle third plus {@value #SLACK_SECONDS} s of input, the final lag is below
 * {@value #MAX_BEHIND_SECONDS} s of input, the job is still running, and the generator sent at the
 * target rate. The Kafka source commits offsets on checkpoints, so a job that keeps up shows a
 * saw-tooth between zero and one checkpoint interval of input: bounded, but not zero.
 */
final class ThroughputSearch {

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputSearch.class);

    static final int SAMPLE_SECONDS = 5;
    static final int SLACK_SECONDS = 5;
    static final int MAX_BEHIND_SECONDS = 30;

    /**
     * The outcome of a search.
     *
     * @param kind the job
     * @param sustainableRate highest sustainable rate found (records/s), 0 when none
     * @param producerLimited whether the search stopped because the generator could not go faster
     *     (the rate is then a lower bound)
     * @param trials every trial in order
     * @param atMaxRate whether the search's highest rate passed (the rate is then a lower bound)
     */
    record Result(
            JobKind kind,
            double sustainableRate,
            boolean producerLimited,
            List<Trial> trials,
            boolean atMaxRate) {

        /** Whether the job may sustain more than {@link #sustainableRate}. */
        boolean lowerBound() {
            return producerLimited || atMaxRate;
        }
    }

    private final ForewarnConfig base;
    private final Path work;
    private final Payloads payloads;
    private final Duration trial;
    private int runs;

    ThroughputSearch(ForewarnConfig base, Path work, Payloads payloads, Duration trial) {
        this.base = base;
        this.work = work;
        this.payloads = payloads;
        this.trial = trial;
    }

    /** Runs a trial at a rate; the search's only contact with the world. */
    interface TrialRunner {
        Trial run(double rate) throws Exception;
    }

    Result search(JobKind kind, double startRate, double minRate, double maxRate, int refinements)
            throws Exception {
        return search(kind, startRate, minRate, maxRate, refinements, rate -> run(kind, rate));
    }

    /**
     * Doubles from {@code startRate} while trials pass, trying {@code maxRate} itself when the next
     * doubling would pass it (so that a job faster than the last power of two is not
     * under-reported); if the start rate already fails, halves until one passes (down to {@code
     * minRate}); then narrows the interval between the best passing and the lowest failing rate
     * {@code refinements} times.
     */
    static Result search(
            JobKind kind,
            double startRate,
            double minRate,
            double maxRate,
            int refinements,
            TrialRunner runner)
            throws Exception {
        List<Trial> trials = new ArrayList<>();
        double good = 0;
        double bad = Double.NaN;
        double rate = startRate;
        boolean producerLimited = false;
        while (rate <= maxRate) {
            Trial t = runner.run(rate);
            trials.add(t);
            if (t.sustainable()) {
                good = rate;
                if (rate >= maxRate) {
                    break;
                }
                rate = Math.min(rate * 2, maxRate);
            } else if (t.producerLimited()) {
                producerLimited = true;
                good = Math.max(good, t.achievedRate());
                break;
            } else {
                bad = rate;
                break;
            }
        }
        while (good == 0 && !producerLimited && !Double.isNaN(bad) && bad / 2 >= minRate) {
            Trial t = runner.run(bad / 2);
            trials.add(t);
            if (t.sustainable()) {
                good = bad / 2;
            } else {
                bad = bad / 2;
            }
        }
        for (int i = 0; i < refinements && !Double.isNaN(bad) && good > 0; i++) {
            double mid = Math.sqrt(good * bad);
            Trial t = runner.run(mid);
            trials.add(t);
            if (t.sustainable()) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return new Result(kind, good, producerLimited, trials, good > 0 && good >= maxRate);
    }

    /** Runs one trial. */
    Trial run(JobKind kind, double rate) throws Exception {
        String name =
                String.format(
                        Locale.ROOT, "bench-%s-%d", kind.name().toLowerCase(Locale.ROOT), ++runs);
        LOG.info(
                "{} at {} records/s for {} s",
                kind,
                String.format(Locale.ROOT, "%,.0f", rate),
                trial.toSeconds());
        List<long[]> samples = new ArrayList<>();
        boolean running = true;
        double achieved;
        try (BenchmarkRun run =
                        BenchmarkRun.start(base, name, work.resolve(name), kind, payloads, rate);
                ConsumerLag lag = run.lag()) {
            long start = System.nanoTime();
            long end = start + trial.toNanos();
            long next = start;
            while (System.nanoTime() < end) {
                next += SAMPLE_SECONDS * 1_000_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                samples.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, lag.lag()});
                if (!run.jobRunning()) {
                    running = false;
                    break;
                }
            }
            achieved = run.generator().achievedRate();
        }
        Trial t = judge(kind, rate, achieved, samples, running);
        LOG.info(
                "  {} ({} records/s sent)",
                t.verdict(),
                String.format(Locale.ROOT, "%,.0f", achieved));
        return t;
    }

    static Trial judge(
            JobKind kind, double rate, double achieved, List<long[]> samples, boolean running) {
        long seconds = samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[0];
        if (!running) {
            return new Trial(
                    kind, rate, achieved, seconds, samples, false, false, "the job stopped");
        }
        int n = samples.size();
        if (n < 6) {
            return new Trial(
                    kind, rate, achieved, seconds, samples, false, false, "too few lag samples");
        }
        long middle = max(samples.subList(n / 3, 2 * n / 3));
        long last = max(samples.subList(2 * n / 3, n));
        long finalLag = samples.get(n - 1)[1];
        boolean growing = last > middle * 1.2 + rate * SLACK_SECONDS;
        boolean behind = finalLag > rate * MAX_BEHIND_SECONDS;
        boolean producer = achieved < 0.97 * rate;
        String verdict =
                String.format(
                        Locale.ROOT,
                        "%s: lag max %,d in the middle third, %,d in the last, %,d at the end",
                        growing || behind || producer ? "NOT sustainable" : "sustainable",
                        middle,
                        last,
                        finalLag);
        if (producer) {
            verdict +=
                    "; the generator sent only " + String.format(Locale.ROOT, "%,.0f/s", achieved);
        }
        return new Trial(
                kind,
                rate,
                achieved,
                seconds,
                samples,
                !(growing || behind || producer),
                !(growing || behind),
                verdict);
    }

    private static long max(List<long[]> samples) {
        return samples.stream().mapToLong(s -> s[1]).max().orElse(0);
    }
}
