package io.forewarn.benchmarks;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.rules.runtime.RuleUpdates;
import io.forewarn.schema.RuleUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated rules for the benchmark, four shapes in turn over the synthetic telemetry: two high
 * metrics in sequence, repeated error codes, a metric rising over three samples per host, errors
 * after a deployment. Rule {@code i} uses metric names and error codes derived from {@code i}, so
 * each rule sees a small part of the stream, as rules in production do. All use relaxed contiguity,
 * so a static CEP operator that sees every record finds exactly the matches of the rules engine,
 * where a rule sees only the records its steps select: the match counts of both sides must agree.
 */
final class BenchmarkRules {

    private BenchmarkRules() {}

    static List<RuleUpdate> updates(int count) {
        List<RuleUpdate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(
                    RuleUpdates.upsert(
                            "bench-" + i, 1, text(i), "bench-" + i + ".yaml", 0L, "benchmark"));
        }
        return out;
    }

    static List<CompiledRule> compiled(List<RuleUpdate> updates) throws Exception {
        List<CompiledRule> out = new ArrayList<>();
        for (RuleUpdate u : updates) {
            out.add(
                    new RuleCompiler()
                            .compile(new RuleParser().parse(u.getSourceFile(), u.getContent())));
        }
        return out;
    }

    static String text(int i) {
        String m1 = "m_" + (i % SyntheticTelemetry.METRICS);
        String m2 = "m_" + ((i * 7 + 3) % SyntheticTelemetry.METRICS);
        String code = "E" + (i % SyntheticTelemetry.ERROR_CODES);
        String key;
        String pattern;
        switch (i % 4) {
            case 0:
                key = "service";
                pattern =
                        "  - step: first\n    match: {metric: "
                                + m1
                                + "}\n    where: value > 90.0\n"
                                + "  - step: second\n    match: {metric: "
                                + m2
                                + "}\n    where: value > 90.0\n";
                break;
            case 1:
                key = "service";
                pattern =
                        "  - step: errors\n    match: {log: ERROR}\n    where: message.endsWith('"
                                + code
                                + "')\n"
                                + "    times: 3\n";
                break;
            case 2:
                key = "host";
                pattern =
                        "  - step: rising\n    match: {metric: "
                                + m1
                                + "}\n"
                                + "    where: value > 50.0 && (size(steps.rising) == 0"
                                + " || value > steps.rising[size(steps.rising) - 1].value)\n"
                                + "    times: 3\n";
                break;
            default:
                key = "service";
                pattern =
                        "  - step: deploy\n"
                                + "    match: {deployment: SUCCEEDED}\n"
                                + "  - step: errors\n"
                                + "    match: {log: ERROR}\n"
                                + "    where: message.endsWith('"
                                + code
                                + "')\n"
                                + "    times: 2\n";
                break;
        }
        return "id: bench-"
                + i
                + "\nversion: 1\ndescription: benchmark rule "
                + i
                + "\nowner: benchmark\n"
                + "key: "
                + key
                + "\nwithin: 1m\nskip: skip-past-last-event\npattern:\n"
                + pattern
                + "output:\n  failureType: benchmark\n  probability: 0.5\n  summary: \"bench-"
                + i
                + " on {{key}}\"\n";
    }
}
