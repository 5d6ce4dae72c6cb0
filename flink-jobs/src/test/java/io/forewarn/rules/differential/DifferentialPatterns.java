package io.forewarn.rules.differential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The patterns of the differential suite, as rule files over metric samples named a, b, c, d (and
 * noise x) with values 0..9, plus error logs. Together they cover every quantifier, contiguity,
 * negation, group shape, {@code within} and after-match skip strategy of Flink CEP.
 */
final class DifferentialPatterns {

    private DifferentialPatterns() {}

    /** Rule id → rule file. */
    static Map<String, String> all() {
        Map<String, String> p = new LinkedHashMap<>();
        add(
                p,
                "followed-by",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "next",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    contiguity: next
                    match: {metric: b}
                """);
        add(
                p,
                "followed-by-any",
                "1m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    contiguity: followedByAny
                    match: {metric: b}
                """);
        add(
                p,
                "times-3",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    times: 3
                """);
        add(
                p,
                "times-2-to-4",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    times: {min: 2, max: 4}
                """);
        add(
                p,
                "times-range-greedy",
                "2m",
                "skip-past-last-event",
                """
                  - step: a
                    match: {metric: a}
                    times: {min: 2, max: 4}
                    greedy: true
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "one-or-more",
                "1m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    oneOrMore: true
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "one-or-more-consecutive",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    oneOrMore: true
                    consecutive: true
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "one-or-more-combinations",
                "20s",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    oneOrMore: true
                    allowCombinations: true
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "times-or-more",
                "2m",
                "skip-past-last-event",
                """
                  - step: a
                    match: {metric: a}
                    timesOrMore: 2
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "optional",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                    optional: true
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "optional-greedy-loop",
                "2m",
                "skip-to-next",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                    oneOrMore: true
                    optional: true
                    greedy: true
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "not-next",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: notB
                    contiguity: notNext
                    match: {metric: b}
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "not-followed-by",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: notB
                    contiguity: notFollowedBy
                    match: {metric: b}
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "not-followed-by-at-end",
                "1m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    where: value > 4
                  - step: notB
                    contiguity: notFollowedBy
                    match: {metric: b}
                """);
        add(
                p,
                "group-times",
                "3m",
                "skip-past-last-event",
                """
                  - group:
                      - step: a
                        match: {metric: a}
                      - step: b
                        match: {metric: b}
                    times: 2
                """);
        add(
                p,
                "group-next-one-or-more",
                "2m",
                "no-skip",
                """
                  - group:
                      - step: a
                        match: {metric: a}
                      - step: b
                        contiguity: next
                        match: {metric: b}
                    oneOrMore: true
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "group-optional",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - group:
                      - step: b
                        match: {metric: b}
                      - step: c
                        match: {metric: c}
                    optional: true
                  - step: d
                    match: {metric: d}
                """);
        add(
                p,
                "group-followed-by-any",
                "1m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - group:
                      - step: b
                        match: {metric: b}
                      - step: c
                        match: {metric: c}
                    contiguity: followedByAny
                """);
        add(
                p,
                "until",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    oneOrMore: true
                    until: value > 7
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "times-consecutive-skip-to-next",
                "2m",
                "skip-to-next",
                """
                  - step: a
                    match: {metric: a}
                    times: 3
                    consecutive: true
                """);
        add(
                p,
                "skip-to-first",
                "2m",
                "{skip-to-first: b}",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "skip-to-last-loop",
                "2m",
                "{skip-to-last: b}",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                    oneOrMore: true
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "skip-to-first-loop",
                "1m",
                "{skip-to-first: a}",
                """
                  - step: a
                    match: {metric: a}
                    oneOrMore: true
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "iterative-earlier-step",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                    where: value > steps.a[0].value
                """);
        add(
                p,
                "iterative-increasing-loop",
                "2m",
                "skip-past-last-event",
                """
                  - step: a
                    match: {metric: a}
                    where: size(steps.a) == 0 || value > steps.a[size(steps.a) - 1].value
                    timesOrMore: 2
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "combinations-times-or-more",
                "40s",
                "skip-past-last-event",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    match: {metric: b}
                    timesOrMore: 2
                    allowCombinations: true
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "high-values-next-times",
                "2m",
                "skip-past-last-event",
                """
                  - step: high
                    match: {metric: any}
                    where: value > 5
                  - step: again
                    contiguity: next
                    match: {metric: any}
                    where: value > 5
                    times: 2
                    consecutive: true
                """);
        // Strict contiguity with conditions: records that satisfy no condition still break a
        // sequence, so these rules must see them (CompiledRule#relevant).
        add(
                p,
                "next-with-conditions",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: any}
                    where: value > 6
                  - step: b
                    contiguity: next
                    match: {metric: any}
                    where: value > 3
                """);
        add(
                p,
                "not-next-with-condition",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: any}
                    where: value > 7
                  - step: low
                    contiguity: notNext
                    match: {metric: any}
                    where: value < 2
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "consecutive-with-condition",
                "2m",
                "skip-past-last-event",
                """
                  - step: a
                    match: {metric: any}
                    where: value > 4
                    times: 3
                    consecutive: true
                  - step: d
                    match: {metric: d}
                """);
        add(
                p,
                "short-window-any",
                "30s",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                  - step: c
                    contiguity: followedByAny
                    match: {metric: c}
                  - step: d
                    contiguity: followedByAny
                    match: {metric: d}
                """);
        add(
                p,
                "optional-times-then-next",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    times: 2
                    optional: true
                  - step: b
                    match: {metric: b}
                  - step: c
                    contiguity: next
                    match: {metric: c}
                """);
        add(
                p,
                "group-with-optional-times-range",
                "3m",
                "skip-past-last-event",
                """
                  - group:
                      - step: a
                        match: {metric: a}
                      - step: b
                        match: {metric: b}
                        optional: true
                    times: {min: 1, max: 3}
                  - step: c
                    match: {metric: c}
                """);
        add(
                p,
                "one-or-more-greedy",
                "1m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a}
                    oneOrMore: true
                    greedy: true
                  - step: b
                    match: {metric: b}
                """);
        add(
                p,
                "next-not-next-skip-to-next",
                "2m",
                "skip-to-next",
                """
                  - step: a
                    match: {metric: a}
                  - step: b
                    contiguity: next
                    match: {metric: b}
                  - step: notC
                    contiguity: notNext
                    match: {metric: c}
                  - step: d
                    match: {metric: d}
                """);
        add(
                p,
                "metric-then-error-logs",
                "2m",
                "skip-past-last-event",
                """
                  - step: spike
                    match: {metric: a}
                    where: value >= 7
                  - step: errors
                    match: {log: [ERROR, FATAL]}
                    times: 2
                """);
        add(
                p,
                "service-filtered",
                "2m",
                "no-skip",
                """
                  - step: a
                    match: {metric: a, service: s1}
                  - step: b
                    contiguity: next
                    match: {metric: [b, c]}
                """);
        add(
                p,
                "logs-any-level-consecutive",
                "1m",
                "no-skip",
                """
                  - step: error
                    match: {log: any}
                    where: level == 'ERROR'
                    times: 2
                    consecutive: true
                  - step: recovered
                    contiguity: next
                    match: {log: any}
                    where: level == 'INFO'
                """);
        // Counting rules (one step, a fixed number of times): the engine runs them without the
        // NFA (CountingMatcher), so these compare that matcher with Flink's.
        add(
                p,
                "count-5-where-past-last",
                "1m",
                "skip-past-last-event",
                """
                  - step: high
                    match: {metric: any}
                    where: value > 3
                    times: 5
                """);
        add(
                p,
                "count-2-short-window",
                "5s",
                "skip-past-last-event",
                """
                  - step: c
                    match: {metric: c}
                    times: 2
                """);
        add(
                p,
                "count-3-logs-skip-to-next",
                "40s",
                "skip-to-next",
                """
                  - step: error
                    match: {log: [ERROR]}
                    times: 3
                """);
        add(
                p,
                "count-once-where",
                "10s",
                "skip-past-last-event",
                """
                  - step: b
                    match: {metric: b}
                    where: value >= 8
                """);
        return p;
    }

    private static void add(
            Map<String, String> p, String id, String within, String skip, String pattern) {
        p.put(
                id,
                "id: "
                        + id
                        + "\n"
                        + "version: 1\n"
                        + "description: differential pattern "
                        + id
                        + "\n"
                        + "owner: tests\n"
                        + "key: service\n"
                        + "within: "
                        + within
                        + "\n"
                        + "skip: "
                        + skip
                        + "\n"
                        + "pattern:\n"
                        + pattern
                        + "output:\n"
                        + "  failureType: test\n"
                        + "  probability: 0.5\n"
                        + "  summary: match\n");
    }
}
