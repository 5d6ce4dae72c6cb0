package io.forewarn.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The harness's summary in benchmarks/RESULTS.md: its own section between {@value #BEGIN} and
 * {@value #END}, replaced on each run; other sections of the file are left alone.
 */
final class Report {

    static final String BEGIN = "<!-- issue-6:pipeline:begin -->";
    static final String END = "<!-- issue-6:pipeline:end -->";

    private Report() {}

    /** Replaces (or appends) the section in the results file. */
    static void write(Path results, String section) throws Exception {
        String text =
                Files.exists(results)
                        ? Files.readString(results, StandardCharsets.UTF_8)
                        : "# Benchmark results\n";
        String block = BEGIN + "\n" + section.strip() + "\n" + END;
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + END.length());
        } else {
            text = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(results, text, StandardCharsets.UTF_8);
    }

    static String markdown(PipelineBenchmark.Summary s) {
        StringBuilder out = new StringBuilder();
        out.append(
                "## Issue 6: end-to-end throughput, latency and state (`PipelineBenchmark`)\n\n");
        out.append(
                String.format(
                        Locale.ROOT,
                        "Run of %s at revision `%s` on %d cores, JVM heap %s; %s; a local Kafka broker"
                                + " process and a Flink mini cluster (parallelism %d) in the harness's JVM;"
                                + " %d simulated services; trials of %d s. Raw figures: `%s`.%n%n",
                        s.date(),
                        s.revision(),
                        s.cores(),
                        s.maxHeap(),
                        s.settingsNote(),
                        s.parallelism(),
                        s.services(),
                        s.trialSeconds(),
                        s.json()));
        out.append("| measure | value | target | met |\n| --- | --- | --- | --- |\n");
        row(
                out,
                "sustainable throughput, source-only job",
                rate(s.source().sustainableRate()) + boundNote(s.source()),
                "",
                "");
        row(
                out,
                "sustainable throughput, full pipeline",
                rate(s.pipeline().sustainableRate()) + boundNote(s.pipeline()),
                "",
                "");
        row(
                out,
                "ratio pipeline / source-only",
                fixed(s.ratio())
                        + (s.source().lowerBound()
                                ? " (an upper bound: the source-only rate is a lower bound)"
                                : ""),
                ">= 0.5",
                s.ratio() >= 0.5 && s.source().lowerBound() ? "not known" : yes(s.ratio() >= 0.5));
        LatencyRecorder.Snapshot half = s.steady().latency();
        LatencyRecorder.Snapshot eighty = s.eighty().latency();
        row(
                out,
                "pipeline latency p50 / p99 / p99.9 at 50% (" + rate(s.steady().targetRate()) + ")",
                ms(half.pipeline()),
                "p99 <= 250 ms",
                yes(half.pipeline().p99() <= 250));
        row(out, "committed-visibility latency at 50%", ms(half.committed()), "", "");
        row(
                out,
                "pipeline latency at 80% (" + rate(s.eighty().targetRate()) + ")",
                ms(eighty.pipeline()),
                "",
                "");
        row(out, "committed-visibility latency at 80%", ms(eighty.committed()), "", "");
        row(out, "raw latency incl. the event-time wait at 50%", ms(half.raw()), "", "");
        row(
                out,
                "checkpoint size over the steady run",
                growth(s.checkpointGrowth(), "bytes"),
                "no growth (<= 10%)",
                s.checkpointGrowth() == null ? "n/a" : yes(!s.checkpointGrowth().grows()));
        row(
                out,
                "live heap (full collection, class histogram) from the end of the warm-up to the"
                        + " end of the steady run",
                growth(s.liveHeapGrowth(), "bytes"),
                "no growth (<= 10%)",
                s.liveHeapGrowth() == null ? "n/a" : yes(!s.liveHeapGrowth().grows()));
        row(
                out,
                "heap after young and mixed GCs (minute floors) over the steady run",
                growth(s.heapGrowth(), "bytes"),
                "",
                "");
        row(
                out,
                "failed checkpoints in the steady run",
                Long.toString(s.steady().failedCheckpoints()),
                "0",
                yes(s.steady().failedCheckpoints() == 0));
        out.append(
                "\nLatency: for each OPEN/UPDATED prediction with event time E (end of the window or"
                        + " match that produced it; the generator stamps events with the wall clock) and"
                        + " the job's bounded out-of-orderness W = "
                        + s.outOfOrdernessMillis()
                        + " ms, **pipeline** = broker append time (LogAppendTime) − (E + W),"
                        + " **committed** = receipt by a read_committed consumer − (E + W), **raw** ="
                        + " append time − E. The p99 target applies to the pipeline latency; committed"
                        + " visibility adds the wait for the checkpoint (interval "
                        + s.checkpointIntervalMillis() / 1000
                        + " s) that commits the exactly-once transaction. Predictions measured: "
                        + half.pipeline().count()
                        + " at 50%, "
                        + eighty.pipeline().count()
                        + " at 80%.\n");
        out.append(
                "\nHeap: the live heap is the total of a class histogram of the harness's JVM, taken"
                        + " with a full collection at the end of the steady run's warm-up and again at its"
                        + " end (`live-heap-start.txt`, `live-heap-end.txt`, and the classes that changed"
                        + " most in `live-heap-growth.txt`, in the run's directory); the latency is"
                        + " measured from "
                        + SteadyRun.LIVE_HEAP_SETTLE_SECONDS
                        + " s after the first, outside its pause. The heap after young and mixed"
                        + " collections also holds old-generation garbage that G1's marking has not reached,"
                        + " and its floors can rise for minutes between two marking cycles at a steady"
                        + " load: they are listed to compare with earlier runs.\n");
        out.append("\nTrials (records/s target → sent, verdict):\n\n");
        for (ThroughputSearch.Result r : java.util.List.of(s.source(), s.pipeline())) {
            for (Trial t : r.trials()) {
                out.append(
                        String.format(
                                Locale.ROOT,
                                "- %s %s → %s: %s%n",
                                t.kind(),
                                rate(t.targetRate()),
                                rate(t.achievedRate()),
                                t.verdict()));
            }
        }
        return out.toString();
    }

    private static void row(
            StringBuilder out, String measure, String value, String target, String met) {
        out.append("| ")
                .append(measure)
                .append(" | ")
                .append(value)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met)
                .append(" |\n");
    }

    private static String boundNote(ThroughputSearch.Result r) {
        if (r.producerLimited()) {
            return " (generator-bound: lower bound)";
        }
        return r.atMaxRate() ? " (the search's highest rate, --max-rate: lower bound)" : "";
    }

    private static String rate(double rate) {
        return String.format(Locale.ROOT, "%,.0f records/s", rate);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String ms(LatencyRecorder.Percentiles p) {
        if (p.count() == 0) {
            return "no predictions";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", p.p50(), p.p99(), p.p999());
    }

    private static String growth(Growth g, String unit) {
        if (g == null) {
            return "too few samples";
        }
        return String.format(
                Locale.ROOT,
                "%.1f MB → %.1f MB (%+.1f%%, %+.2f MB/min)",
                g.first() / 1e6,
                g.last() / 1e6,
                100 * g.growth(),
                g.slopePerMinute() / 1e6);
    }
}
