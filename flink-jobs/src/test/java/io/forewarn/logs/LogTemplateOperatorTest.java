package io.forewarn.logs;

import static io.forewarn.logs.LogTemplateHarness.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.detect.FailureTypes;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LogTemplateOperatorTest {

    private static final LogMiningSettings SETTINGS = LogTemplateHarness.settings(Map.of());

    /** Error lines of the middle minute: below 4 standard deviations, above 2. */
    private static final int WAVERING_ERRORS = 12;

    @Test
    void everyRecordLeavesEnrichedWithItsTemplateParametersAndLevel() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.line(1_000, "checkout", LogLevel.INFO, "Processed order 481516 in 42 ms");
            h.line(2_000, "checkout", LogLevel.INFO, "Processed order 2342 in 7 ms");
            h.line(3_000, "checkout", LogLevel.UNKNOWN, "Connection refused by db-1.internal:5432");

            List<LogRecord> records = h.records();

            assertThat(records).hasSize(3);
            LogRecord first = records.get(0);
            assertThat(first.getTemplate()).isEqualTo("Processed order <*> in <*>");
            assertThat(first.getTemplateId()).matches("[0-9a-f]{16}");
            assertThat(first.getTemplateParams()).containsExactly("481516", "42 ms");
            assertThat(records.get(1).getTemplateId()).isEqualTo(first.getTemplateId());
            assertThat(records.get(1).getTemplateParams()).containsExactly("2342", "7 ms");
            assertThat(first.getLevel()).isEqualTo(LogLevel.INFO);
            assertThat(records.get(2).getLevel()).as("inferred").isEqualTo(LogLevel.ERROR);
            assertThat(records.get(2).getTemplate()).isEqualTo("Connection refused by <*>");
        }
    }

    @Test
    void newTemplatesAreSignalledAfterTheWarmUpWeightedByLevel() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalMinutes("checkout", 0, 3, 60);
            assertThat(h.signals()).as("templates are learned during the warm-up").isEmpty();

            long t = 3 * MINUTE + 1_000;
            h.line(
                    t,
                    "checkout",
                    LogLevel.ERROR,
                    "Unhandled exception in CheckoutController.submit");
            h.line(
                    t + 1,
                    "checkout",
                    LogLevel.INFO,
                    "Feature flags refreshed from the flag service");
            h.normalLines("checkout", 3, 60);

            List<Signal> signals = h.signals();
            assertThat(signals)
                    .extracting(Signal::getKind)
                    .containsExactly(LogSignals.NEW_TEMPLATE, LogSignals.NEW_TEMPLATE);
            Signal error = signals.get(0);
            assertThat(error.getScore()).isEqualTo(0.9);
            assertThat(error.getFailureType()).as("a signal for rules, not a prediction").isNull();
            assertThat(error.getSource()).isEqualTo(LogSignals.SOURCE);
            assertThat(error.getHost()).isEqualTo("checkout-1");
            assertThat(error.getTimestamp()).isEqualTo(t);
            assertThat(error.getAttributes())
                    .containsEntry("template", "Unhandled exception in CheckoutController.submit")
                    .containsEntry("level", "ERROR");
            assertThat(error.getEvidence().get(0).getRef())
                    .isEqualTo(error.getAttributes().get("templateId"));
            assertThat(signals.get(1).getScore()).isEqualTo(0.4);
        }
    }

    @Test
    void aOneWordVariantOfAKnownTemplateWeighsHalf() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.line(1_000, "jobs", LogLevel.WARN, "Job reindex stalled on shard primary");
            h.normalMinutes("jobs", 0, 3, 20);

            h.line(3 * MINUTE, "jobs", LogLevel.WARN, "Job reindex stalled on shard replica");

            Signal variant = h.signals().get(0);
            assertThat(variant.getKind()).isEqualTo(LogSignals.NEW_TEMPLATE);
            assertThat(variant.getScore()).isEqualTo(0.35);
            assertThat(variant.getAttributes()).containsKey("variantOf");
        }
    }

    @Test
    void anErrorTemplateBurstPredictsAnErrorSpikeAndRatesGoToTheMetricModels() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            for (int m = 0; m < 10; m++) {
                h.normalLines("checkout", m, 60);
                h.line(m * MINUTE + 30_000, "checkout", LogLevel.ERROR, failure(m));
                h.watermark((m + 1) * MINUTE - 1);
            }
            assertThat(h.signals()).isEmpty();
            String errorId = h.records().get(60).getTemplateId();
            h.rates();

            h.normalLines("checkout", 10, 60);
            for (int i = 0; i < 30; i++) {
                h.line(10 * MINUTE + 1_000 * i, "checkout", LogLevel.ERROR, failure(100 + i));
            }
            h.watermark(11 * MINUTE - 1);

            List<Signal> bursts = h.signals();
            assertThat(bursts).hasSize(1);
            Signal burst = bursts.get(0);
            assertThat(burst.getKind()).isEqualTo(LogSignals.TEMPLATE_BURST);
            assertThat(burst.getFailureType()).isEqualTo(FailureTypes.ERROR_SPIKE);
            assertThat(burst.getProbability()).isBetween(0.5, 0.95);
            assertThat(burst.getHost()).as("a service-level prediction").isNull();
            assertThat(burst.getTimestamp()).isEqualTo(11 * MINUTE);
            assertThat(burst.getEvidence().get(0).getValue()).isEqualTo(30.0);
            assertThat(burst.getRecommendedActions()).isNotEmpty();
            assertThat(rateOf(h.rates(), errorId)).containsExactly(30.0);

            h.normalMinutes("checkout", 11, 12, 60);
            assertThat(rateOf(h.rates(), errorId))
                    .as("the series drops to zero once")
                    .containsExactly(0.0);
            h.normalMinutes("checkout", 12, 13, 60);
            assertThat(rateOf(h.rates(), errorId)).isEmpty();
            assertThat(h.signals()).isEmpty();
        }
    }

    @Test
    void aNewErrorTemplateKeepsBurstingAgainstItsZeroBaseline() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalMinutes("checkout", 0, 10, 60);
            for (int m = 10; m < 13; m++) {
                h.normalLines("checkout", m, 60);
                for (int i = 0; i < 30; i++) {
                    h.line(
                            m * MINUTE + 2_000 * i,
                            "checkout",
                            LogLevel.ERROR,
                            "Unhandled exception: flag " + i + " has no value");
                }
                h.watermark((m + 1) * MINUTE - 1);
            }

            List<Signal> bursts =
                    h.signals().stream()
                            .filter(s -> s.getKind().equals(LogSignals.TEMPLATE_BURST))
                            .collect(Collectors.toList());
            assertThat(bursts).as("one per minute while it lasts").hasSize(3);
            assertThat(bursts)
                    .allSatisfy(b -> assertThat(b.getAttributes()).containsEntry("novel", "true"));
            Signal onset = bursts.get(0);
            assertThat(onset.getAttributes()).containsEntry("onset", "true");
            assertThat(onset.getFailureType()).isEqualTo(FailureTypes.ERROR_SPIKE);
            assertThat(onset.getProbability())
                    .as("0.1 more for a new template")
                    .isGreaterThanOrEqualTo(0.6);
            assertThat(bursts.subList(1, 3))
                    .as("the same burst goes on: evidence, not a new prediction")
                    .allSatisfy(
                            b -> {
                                assertThat(b.getAttributes()).containsEntry("onset", "false");
                                assertThat(b.getFailureType()).isNull();
                                assertThat(b.getScore()).isPositive();
                            });
        }
    }

    @Test
    void aBurstWaveringAroundTheThresholdHasOneOnset() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalMinutes("checkout", 0, 10, 60);
            int[] errors = {30, WAVERING_ERRORS, 30};
            for (int m = 10; m < 13; m++) {
                h.normalLines("checkout", m, 60);
                for (int i = 0; i < errors[m - 10]; i++) {
                    h.line(
                            m * MINUTE + 1_000 * i,
                            "checkout",
                            LogLevel.ERROR,
                            "Unhandled exception: flag " + i + " has no value");
                }
                h.watermark((m + 1) * MINUTE - 1);
            }

            List<Signal> bursts =
                    h.signals().stream()
                            .filter(s -> s.getKind().equals(LogSignals.TEMPLATE_BURST))
                            .collect(Collectors.toList());
            assertThat(bursts)
                    .extracting(Signal::getTimestamp)
                    .as("the middle minute is below the burst threshold")
                    .containsExactly(11 * MINUTE, 13 * MINUTE);
            assertThat(bursts.get(0).getFailureType()).isEqualTo(FailureTypes.ERROR_SPIKE);
            assertThat(bursts.get(1).getAttributes())
                    .as("still well above its baseline in between: the same burst")
                    .containsEntry("onset", "false");
            assertThat(bursts.get(1).getFailureType()).isNull();
        }
    }

    @Test
    void aWeakErrorBurstIsEvidenceAndTheFirstStrongIntervalPredicts() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            int[] errors = new int[12];
            java.util.Arrays.fill(errors, 2);
            errors[10] = 10; // about 6 standard deviations above a baseline of 2
            errors[11] = 18; // above 8
            for (int m = 0; m < errors.length; m++) {
                h.normalLines("billing", m, 60);
                for (int i = 0; i < errors[m]; i++) {
                    h.line(
                            m * MINUTE + 3_000 * i,
                            "billing",
                            LogLevel.ERROR,
                            "Failed to process order " + (m * 100 + i) + ": timeout after 30 s");
                }
                h.watermark((m + 1) * MINUTE - 1);
            }

            List<Signal> bursts =
                    h.signals().stream()
                            .filter(s -> s.getKind().equals(LogSignals.TEMPLATE_BURST))
                            .collect(Collectors.toList());
            assertThat(bursts)
                    .extracting(Signal::getTimestamp)
                    .containsExactly(11 * MINUTE, 12 * MINUTE);
            assertThat(bursts.get(0).getFailureType()).as("a weak burst").isNull();
            assertThat(bursts.get(0).getAttributes()).containsEntry("onset", "false");
            assertThat(bursts.get(1).getFailureType()).isEqualTo(FailureTypes.ERROR_SPIKE);
            assertThat(bursts.get(1).getAttributes()).containsEntry("onset", "true");
        }
    }

    @Test
    void aBurstOfAnInfoTemplateIsASignalWithoutFailureType() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalMinutes("search", 0, 10, 40);
            h.normalLines("search", 10, 40);
            for (int i = 0; i < 50; i++) {
                h.line(10 * MINUTE + i * 1_000, "search", LogLevel.INFO, "GET /api/cart 200 9 ms");
            }
            h.watermark(11 * MINUTE - 1);

            List<Signal> bursts =
                    h.signals().stream()
                            .filter(s -> s.getKind().equals(LogSignals.TEMPLATE_BURST))
                            .collect(Collectors.toList());
            assertThat(bursts).hasSize(1);
            assertThat(bursts.get(0).getFailureType()).isNull();
            assertThat(bursts.get(0).getProbability()).isNull();
            assertThat(bursts.get(0).getScore()).isPositive();
        }
    }

    @Test
    void rareTemplatesAreSignalledWithACooldown() throws Exception {
        LogMiningSettings settings =
                LogTemplateHarness.settings(
                        Map.of(
                                "logs.signals.rare-share",
                                "0.01",
                                "logs.signals.rare-cooldown",
                                "10 min"));
        try (LogTemplateHarness h = new LogTemplateHarness(settings)) {
            h.line(1_000, "inventory", LogLevel.WARN, "Stock sync lagging behind by 42 items");
            h.normalMinutes("inventory", 0, 4, 60);
            h.line(4 * MINUTE, "inventory", LogLevel.WARN, "Stock sync lagging behind by 3 items");
            assertThat(h.signals()).as("a young template is new, not rare").isEmpty();
            h.normalMinutes("inventory", 4, 12, 60);

            h.line(
                    12 * MINUTE + 1,
                    "inventory",
                    LogLevel.WARN,
                    "Stock sync lagging behind by 7 items");
            h.line(
                    13 * MINUTE + 1,
                    "inventory",
                    LogLevel.WARN,
                    "Stock sync lagging behind by 9 items");

            List<Signal> signals = h.signals();
            assertThat(signals)
                    .extracting(Signal::getKind)
                    .containsExactly(LogSignals.RARE_TEMPLATE);
            double share = 2.0 / 722; // two lines in the 722 before
            assertThat(signals.get(0).getScore())
                    .isCloseTo(0.7 * (1 - share / 0.01), Offset.offset(1e-9));
            assertThat(signals.get(0).getFailureType()).isNull();
        }
    }

    @Test
    void aTransitionNeverSeenButExpectedIsSignalled() throws Exception {
        LogMiningSettings settings =
                LogTemplateHarness.settings(Map.of("logs.signals.rare-share", "0"));
        String[] steps = {
            "Payment authorised for cart", "Payment captured for cart", "Receipt sent"
        };
        try (LogTemplateHarness h = new LogTemplateHarness(settings)) {
            for (int i = 0; i < 300; i++) {
                long time = i * 1_000L;
                h.process(
                        LogTemplateHarness.log(
                                time,
                                "payments",
                                "p-" + (i % 2),
                                LogLevel.INFO,
                                steps[(i / 2) % 3] + " " + (i % 2)));
            }
            h.watermark(5 * MINUTE);
            assertThat(h.signals()).isEmpty();

            // Host p-0's last step was the receipt; it now authorises, then sends a receipt
            // without capturing the payment.
            h.process(
                    LogTemplateHarness.log(
                            301_000, "payments", "p-0", LogLevel.INFO, steps[0] + " 0"));
            h.process(
                    LogTemplateHarness.log(
                            302_000, "payments", "p-0", LogLevel.INFO, steps[2] + " 0"));

            List<Signal> signals = h.signals();
            assertThat(signals)
                    .extracting(Signal::getKind)
                    .containsExactly(LogSignals.NEW_TRANSITION);
            assertThat(signals.get(0).getAttributes())
                    .containsEntry("fromTemplate", "Payment authorised for cart <*>")
                    .containsEntry("template", "Receipt sent <*>");
            assertThat(signals.get(0).getHost()).isEqualTo("p-0");
        }
    }

    @Test
    void templateDocumentsAreUpsertedOncePerTemplateAndInterval() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalLines("frontend", 0, 100);
            assertThat(h.templates()).as("nothing before the interval closes").isEmpty();
            h.watermark(MINUTE - 1);

            List<TemplateUpdate> updates = h.templates();
            assertThat(updates).hasSize(4);
            assertThat(updates).allSatisfy(u -> assertThat(u.count).isEqualTo(25));
            TemplateUpdate cart =
                    updates.stream()
                            .filter(u -> u.template.startsWith("GET"))
                            .findFirst()
                            .orElseThrow();
            assertThat(cart.template).isEqualTo("GET <*> <*> <*>");
            assertThat(cart.level).isEqualTo("INFO");
            assertThat(cart.firstSeen).isEqualTo(0);
            assertThat(cart.lastSeen).isEqualTo(96 * 600);
            assertThat(cart.example).startsWith("GET /api/cart 200");
            assertThat(cart.novel).isFalse();
            assertThat(cart.documentId()).isEqualTo("frontend:" + cart.templateId);

            h.watermark(3 * MINUTE);
            assertThat(h.templates()).as("no change, no document").isEmpty();
        }
    }

    @Test
    void aGeneralisedTemplateTakesOverTheCountsAndTheOldDocumentSaysSo() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.line(1_000, "auth", LogLevel.INFO, "session opened for user alice");
            h.line(2_000, "auth", LogLevel.INFO, "session opened for user bob");
            h.watermark(MINUTE - 1);
            List<TemplateUpdate> before = h.templates();
            assertThat(before).hasSize(2);

            h.line(MINUTE + 1_000, "auth", LogLevel.INFO, "session opened for user carol");
            List<TemplateUpdate> replaced = h.templates();
            String merged = h.records().get(2).getTemplateId();
            assertThat(replaced)
                    .extracting(u -> u.templateId)
                    .containsExactlyInAnyOrderElementsOf(
                            before.stream().map(u -> u.templateId).collect(Collectors.toList()));
            assertThat(replaced).allSatisfy(u -> assertThat(u.replacedBy).isEqualTo(merged));

            h.watermark(2 * MINUTE - 1);
            List<TemplateUpdate> after = h.templates();
            assertThat(after).hasSize(1);
            assertThat(after.get(0).template).isEqualTo("session opened for user <*>");
            assertThat(after.get(0).count).isEqualTo(3);
            assertThat(after.get(0).firstSeen).isEqualTo(1_000);
        }
    }

    @Test
    void theTemplateBoundEvictsTheLeastRecentlyUsedAndItsDocumentSaysSo() throws Exception {
        LogMiningSettings settings =
                LogTemplateHarness.settings(Map.of("logs.mining.max-templates", "3"));
        try (LogTemplateHarness h = new LogTemplateHarness(settings)) {
            String[] words = {"alpha", "bravo", "charlie", "delta", "echo"};
            for (int i = 0; i < words.length; i++) {
                h.line(i * 1_000L, "batch", LogLevel.INFO, words[i] + " finished");
            }
            List<TemplateUpdate> evicted = h.templates();
            assertThat(evicted)
                    .extracting(u -> u.template)
                    .containsExactly("alpha finished", "bravo finished");
            assertThat(evicted).allSatisfy(u -> assertThat(u.evicted).isTrue());

            h.watermark(MINUTE);
            assertThat(h.templates())
                    .extracting(u -> u.template)
                    .containsExactlyInAnyOrder(
                            "charlie finished", "delta finished", "echo finished");
        }
    }

    @Test
    void stateIsWrittenOnCheckpointsAndDroppedWithItsTimersAfterTheIdleTimeout() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalMinutes("checkout", 0, 3, 30);
            h.normalMinutes("search", 0, 3, 30);
            assertThat(h.harness.numKeyedStateEntries())
                    .as("live models are not serialised per record")
                    .isZero();
            assertThat(h.harness.numEventTimeTimers()).isPositive();

            h.snapshot(1);
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(2);

            h.watermark(3 * MINUTE + 61 * MINUTE);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
            h.snapshot(2);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void aServiceThatGoesOnLoggingKeepsItsState() throws Exception {
        try (LogTemplateHarness h = new LogTemplateHarness(SETTINGS)) {
            h.normalMinutes("checkout", 0, 100, 2);
            h.snapshot(1);

            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(h.harness.numEventTimeTimers())
                    .as("one interval and the idle check")
                    .isEqualTo(2);
        }
    }

    private static String failure(int n) {
        return "Failed to process order " + (500_000 + n) + ": timeout after " + (1000 + n) + " ms";
    }

    private static List<Double> rateOf(List<MetricSample> samples, String templateId) {
        return samples.stream()
                .filter(s -> s.getLabels().get(TemplateRates.TEMPLATE_LABEL).equals(templateId))
                .map(MetricSample::getValue)
                .collect(Collectors.toList());
    }
}
