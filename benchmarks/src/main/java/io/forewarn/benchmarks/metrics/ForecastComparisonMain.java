package io.forewarn.benchmarks.metrics;

import com.amazon.randomcutforest.config.TransformMethod;
import io.forewarn.metrics.forecast.CapacityScenario;
import io.forewarn.metrics.forecast.CrossingMethod;
import io.forewarn.metrics.forecast.ForecastComparison;
import io.forewarn.metrics.forecast.ForecastComparison.Score;
import io.forewarn.metrics.forecast.ForecastConfig;
import io.forewarn.metrics.forecast.ForewarnCrossing;
import io.forewarn.metrics.forecast.PredictLinearCrossing;
import io.forewarn.metrics.forecast.RcfCasterCrossing;
import io.forewarn.metrics.forecast.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Error of the predicted threshold-crossing time: Forewarn's capacity forecaster against
 * Prometheus-style {@code predict_linear} (6 h and 24 h windows) and RCFCaster, on the synthetic
 * scenarios of {@link CapacityScenario} (daily seasonality, changes of trend), scored by {@link
 * ForecastComparison}. Prints a Markdown table.
 *
 * <pre>
 * ForecastComparisonMain [--seeds N] [--rcf-seeds N]
 * </pre>
 */
public final class ForecastComparisonMain {

    private ForecastComparisonMain() {}

    public static void main(String[] args) {
        int seeds = 5;
        int rcfSeeds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--rcf-seeds" -> rcfSeeds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Map<String, Function<Threshold, CrossingMethod>> methods = new LinkedHashMap<>();
        methods.put("forewarn", t -> new ForewarnCrossing(ForecastConfig.defaults(), t));
        methods.put("predict_linear 6h", t -> new PredictLinearCrossing(Duration.ofHours(6), t));
        methods.put("predict_linear 24h", t -> new PredictLinearCrossing(Duration.ofHours(24), t));
        methods.put(
                "RCFCaster (normalize)",
                t -> new RcfCasterCrossing(TransformMethod.NORMALIZE, 72, t));
        methods.put(
                "RCFCaster (normalize difference)",
                t -> new RcfCasterCrossing(TransformMethod.NORMALIZE_DIFFERENCE, 72, t));

        System.out.println(
                "| scenario | method | mean abs. error (h) | median rel. error | misses |"
                        + " interval covers truth | false alarms |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        Map<String, List<Score>> totals = new LinkedHashMap<>();
        for (CapacityScenario scenario : CapacityScenario.all()) {
            for (var method : methods.entrySet()) {
                int n = method.getKey().startsWith("RCFCaster") ? rcfSeeds : seeds;
                Score s = ForecastComparison.pooled(scenario, n, method.getValue());
                System.out.println(row(scenario.name(), method.getKey(), s));
                if (scenario.trueCrossing() >= 0) {
                    totals.computeIfAbsent(method.getKey(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        for (var total : totals.entrySet()) {
            System.out.println(
                    row(
                            "**all crossing scenarios**",
                            total.getKey(),
                            Score.pool(total.getValue())));
        }
    }

    private static String row(String scenario, String method, Score s) {
        if (s.absoluteErrorsHours().length == 0) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | – | – | – | – | %d of %d |",
                    scenario,
                    method,
                    s.falseAlarms(),
                    s.origins());
        }
        int scored = s.absoluteErrorsHours().length;
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.1f | %.0f%% | %d of %d | %s | – |",
                scenario,
                method,
                s.meanAbsoluteErrorHours(),
                100 * s.medianRelativeError(),
                s.misses(),
                scored,
                method.equals("forewarn")
                        ? String.format(Locale.ROOT, "%.0f%%", 100.0 * s.covered() / scored)
                        : "–");
    }
}
