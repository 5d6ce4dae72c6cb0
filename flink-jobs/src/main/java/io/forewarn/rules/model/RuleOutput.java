package io.forewarn.rules.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a match produces: a Signal predicting a failure type.
 *
 * @param failureType the predicted failure, e.g. {@code oom}
 * @param signalKind the Signal's kind, {@code rule-match} unless set
 * @param probability fixed or computed
 * @param timeToImpact expected time to impact, or null
 * @param summary one-line summary of the match
 * @param evidence per step name, how each matched record is summarised; steps not listed use a
 *     default summary of the record
 * @param actions recommended actions
 */
public record RuleOutput(
        String failureType,
        String signalKind,
        Probability probability,
        ImpactWindow timeToImpact,
        Template summary,
        Map<String, Template> evidence,
        List<Action> actions)
        implements Serializable {

    public RuleOutput {
        evidence = Map.copyOf(evidence);
        actions = List.copyOf(actions);
    }
}
