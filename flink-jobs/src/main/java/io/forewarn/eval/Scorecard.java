package io.forewarn.eval;

import java.util.List;

/**
 * The result of scoring a run's predictions against the ground truth (rules in docs/evaluation.md).
 * Written as {@code scorecard.json}; times are ISO-8601 UTC, durations in minutes.
 *
 * @param seed the simulator seed
 * @param start first simulated instant
 * @param end end of the timeline
 * @param hours simulated hours
 * @param incidents one result per incident scenario
 * @param benign one result per benign disturbance
 * @param falsePredictions every prediction that matched no incident
 * @param overall totals
 * @param targets the targets and whether they are met
 */
public record Scorecard(
        long seed,
        String start,
        String end,
        double hours,
        List<IncidentResult> incidents,
        List<BenignResult> benign,
        List<PredictionSummary> falsePredictions,
        Overall overall,
        List<Target> targets) {

    /**
     * How one incident was predicted.
     *
     * @param scenario scenario name
     * @param service affected service
     * @param host affected host, or null for the whole service
     * @param failureType the failure type a detection must name
     * @param consequences failure types that are true but do not detect
     * @param gradual whether its precursors are gradual
     * @param precursorOnset when the first precursor appeared
     * @param failureTime when the failure had impact
     * @param detected whether a prediction of its type on its entity came in [onset, failure)
     * @param leadTimeMinutes failure time minus that first prediction, or null
     * @param firstPrediction that first prediction, or null
     * @param primaryPredictions prediction episodes of its type on its entity opened in its window
     * @param consequencePredictions episodes of a consequence type opened in its window
     * @param falsePredictions false episodes on its service over the whole timeline
     * @param falsePredictionsPerHour the same per simulated hour
     * @param chart the timeline chart, relative to the output directory, or null
     */
    public record IncidentResult(
            String scenario,
            String service,
            String host,
            String failureType,
            List<String> consequences,
            boolean gradual,
            String precursorOnset,
            String failureTime,
            boolean detected,
            Double leadTimeMinutes,
            PredictionSummary firstPrediction,
            int primaryPredictions,
            int consequencePredictions,
            int falsePredictions,
            double falsePredictionsPerHour,
            String chart) {}

    /**
     * Predictions during a benign disturbance (each one is a false alarm).
     *
     * @param disturbance its name
     * @param service disturbed service
     * @param host disturbed host, or null for the service
     * @param from start
     * @param to end
     * @param falsePredictions false episodes on the entity from the start to 30 minutes after the
     *     end
     */
    public record BenignResult(
            String disturbance,
            String service,
            String host,
            String from,
            String to,
            List<PredictionSummary> falsePredictions) {}

    /**
     * One prediction record, as the scorecard quotes it.
     *
     * @param predictionId its id (entity, failure type, episode)
     * @param time event time of the record
     * @param service its service
     * @param host its host, or null
     * @param failureType its failure type
     * @param probability its probability
     * @param producers the detectors, rules or models behind it
     * @param summary its summary
     */
    public record PredictionSummary(
            String predictionId,
            String time,
            String service,
            String host,
            String failureType,
            double probability,
            List<String> producers,
            String summary) {}

    /**
     * Totals.
     *
     * @param predictions prediction episodes (distinct prediction ids)
     * @param truePredictions episodes opened in an incident's window with its type or a consequence
     * @param falsePredictions the others
     * @param precision true / all episodes, or null without predictions
     * @param recall detected / incidents, or null without incidents
     * @param medianLeadTimeMinutes over detected incidents, or null
     * @param medianLeadTimeGradualMinutes over detected incidents with gradual precursors, or null
     * @param falsePredictionsPerHour false episodes per simulated hour
     */
    public record Overall(
            int predictions,
            int truePredictions,
            int falsePredictions,
            Double precision,
            Double recall,
            Double medianLeadTimeMinutes,
            Double medianLeadTimeGradualMinutes,
            double falsePredictionsPerHour) {}

    /**
     * A target of the issue.
     *
     * @param name what is measured
     * @param goal the required value
     * @param value the measured value, or null when it cannot be measured
     * @param met whether the value reaches the goal
     */
    public record Target(String name, String goal, Double value, boolean met) {}
}
