package io.forewarn.benchmarks;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.schema.RuleUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dynamic CEP rules engine against one Flink CEP operator per rule, on the same synthetic
 * stream, rules and parallelism: records per second and state size for each rule count. Prints a
 * Markdown table (and writes it to {@code --out}).
 *
 * <pre>
 * --rules 20,100,500         rule counts
 * --records 1000000          records of the long dynamic run
 * --baseline-records 200000  records both sides process for the comparison
 * --baseline-max-rules 500   largest rule count the baseline is run for
 * --state-records 20000      records before the state snapshot
 * --parallelism 2            parallelism of both jobs
 * </pre>
 */
public final class RulesBenchmark {

    private RulesBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(20, 100, 500);
        long records = 1_000_000;
        long baselineRecords = 200_000;
        int baselineMax = 500;
        long stateRecords = 20_000;
        int parallelism = 2;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--rules" ->
                        counts =
                                java.util.Arrays.stream(v.split(","))
                                        .map(Integer::parseInt)
                                        .toList();
                case "--records" -> records = Long.parseLong(v);
                case "--baseline-records" -> baselineRecords = Long.parseLong(v);
                case "--baseline-max-rules" -> baselineMax = Integer.parseInt(v);
                case "--state-records" -> stateRecords = Long.parseLong(v);
                case "--parallelism" -> parallelism = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RulesThroughput throughput = new RulesThroughput(parallelism);
        RulesStateSize state = new RulesStateSize(stateRecords);
        List<String> rows = new ArrayList<>();
        rows.add(
                "| rules | dynamic records/s | one CEP operator per rule, records/s | speed-up"
                        + " | matches (dynamic / baseline) | dynamic records/s, long run"
                        + " | dynamic state | baseline state |");
        rows.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        // Warm up the JVM once on a small run, not reported.
        List<RuleUpdate> warm = BenchmarkRules.updates(Math.min(20, counts.get(0)));
        throughput.dynamic(warm, 100_000);
        throughput.baseline(warm, BenchmarkRules.compiled(warm), 20_000);

        for (int n : counts) {
            List<RuleUpdate> rules = BenchmarkRules.updates(n);
            List<CompiledRule> compiled = BenchmarkRules.compiled(rules);
            RulesThroughput.Run longRun = throughput.dynamic(rules, records);
            System.out.printf(
                    Locale.ROOT, "%d rules, dynamic, %d records: %s%n", n, records, longRun);
            long dynState = state.dynamic(rules);
            String dynRate = "";
            String baseRate = "not run";
            String speedUp = "";
            String matches = Long.toString(longRun.matches());
            String baseState = "";
            if (n <= baselineMax) {
                RulesThroughput.Run dyn = throughput.dynamic(rules, baselineRecords);
                RulesThroughput.Run base = throughput.baseline(rules, compiled, baselineRecords);
                System.out.printf(
                        Locale.ROOT,
                        "%d rules, same %d records: dynamic %s, baseline %s%n",
                        n,
                        baselineRecords,
                        dyn,
                        base);
                dynRate = String.format(Locale.ROOT, "%,.0f", dyn.recordsPerSecond());
                baseRate = String.format(Locale.ROOT, "%,.0f", base.recordsPerSecond());
                speedUp =
                        String.format(
                                Locale.ROOT,
                                "%.1fx",
                                dyn.recordsPerSecond() / base.recordsPerSecond());
                matches = dyn.matches() + " / " + base.matches();
                baseState = mb(state.baseline(rules, compiled));
            }
            rows.add(
                    String.format(
                            Locale.ROOT,
                            "| %d | %s | %s | %s | %s | %,.0f | %s | %s |",
                            n,
                            dynRate,
                            baseRate,
                            speedUp,
                            matches,
                            longRun.recordsPerSecond(),
                            mb(dynState),
                            baseState));
            System.out.println(rows.get(rows.size() - 1));
        }
        String table = String.join("\n", rows) + "\n";
        String header =
                String.format(
                        Locale.ROOT,
                        "parallelism %d; both sides on the same %,d records, the long dynamic run on"
                                + " %,d; state after %,d records, watermark %d s behind%n%n",
                        parallelism,
                        baselineRecords,
                        records,
                        stateRecords,
                        RulesStateSize.WATERMARK_LAG_MS / 1000);
        System.out.println();
        System.out.print(header + table);
        if (out != null) {
            Files.writeString(out, header + table, StandardCharsets.UTF_8);
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
