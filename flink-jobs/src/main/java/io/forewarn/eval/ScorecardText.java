package io.forewarn.eval;

import java.util.Locale;

/** The scorecard as a few lines for a terminal. */
public final class ScorecardText {

    private ScorecardText() {}

    public static String render(Scorecard card) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-27s %-30s %-27s %-9s %10s %8s%n",
                        "SCENARIO",
                        "ENTITY",
                        "FAILURE TYPE",
                        "DETECTED",
                        "LEAD (MIN)",
                        "FALSE/H"));
        for (Scorecard.IncidentResult r : card.incidents()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-27s %-30s %-27s %-9s %10s %8.2f%n",
                            r.scenario(),
                            r.host() == null ? r.service() : r.service() + "/" + r.host(),
                            r.failureType(),
                            r.detected() ? "yes" : "no",
                            r.leadTimeMinutes() == null
                                    ? "-"
                                    : String.format(Locale.ROOT, "%.1f", r.leadTimeMinutes()),
                            r.falsePredictionsPerHour()));
        }
        for (Scorecard.BenignResult b : card.benign()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%-27s %-30s %-27s %s%n",
                            b.disturbance() + " (benign)",
                            b.host() == null ? b.service() : b.service() + "/" + b.host(),
                            "-",
                            b.falsePredictions().isEmpty()
                                    ? "no prediction"
                                    : b.falsePredictions().size()
                                            + " false prediction(s): "
                                            + b.falsePredictions().get(0).failureType()));
        }
        Scorecard.Overall o = card.overall();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nOver %.1f simulated hours: %d predictions, %d true, %d false (%.2f per"
                                + " hour); precision %s, recall %s, median lead time %s min"
                                + " (gradual precursors: %s min)%n",
                        card.hours(),
                        o.predictions(),
                        o.truePredictions(),
                        o.falsePredictions(),
                        o.falsePredictionsPerHour(),
                        number(o.precision()),
                        number(o.recall()),
                        number(o.medianLeadTimeMinutes()),
                        number(o.medianLeadTimeGradualMinutes())));
        for (Scorecard.Target t : card.targets()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "Target %s %s: %s (%s)%n",
                            t.name(),
                            t.goal(),
                            t.met() ? "met" : "NOT met",
                            number(t.value())));
        }
        return out.toString();
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
