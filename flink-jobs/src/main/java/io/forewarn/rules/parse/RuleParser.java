package io.forewarn.rules.parse;

import io.forewarn.rules.model.Action;
import io.forewarn.rules.model.Contiguity;
import io.forewarn.rules.model.Expression;
import io.forewarn.rules.model.Group;
import io.forewarn.rules.model.ImpactWindow;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.model.PatternNode;
import io.forewarn.rules.model.Probability;
import io.forewarn.rules.model.Quantifier;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.Rule;
import io.forewarn.rules.model.RuleException;
import io.forewarn.rules.model.RuleOutput;
import io.forewarn.rules.model.RuleTestCase;
import io.forewarn.rules.model.Selector;
import io.forewarn.rules.model.SkipStrategy;
import io.forewarn.rules.model.SourceLocation;
import io.forewarn.rules.model.Spelling;
import io.forewarn.rules.model.Step;
import io.forewarn.rules.model.Template;
import io.forewarn.schema.DeploymentStatus;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.Severity;
import io.forewarn.schema.state.RuleRecord;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a rule file (YAML, one rule per file) into a typed {@link Rule}. Reports every problem it
 * finds with the file, rule, line and column and how to fix it: unknown fields, values of the wrong
 * type, a missing {@code within} (the rule could hold partial matches forever), combinations Flink
 * CEP does not support. YAML is only composed into nodes, never constructed into objects, so a rule
 * file cannot create or run anything.
 */
public final class RuleParser {

    /** Fields of a rule, in the order the docs list them. */
    public static final List<String> RULE_FIELDS =
            List.of(
                    "id",
                    "version",
                    "description",
                    "owner",
                    "severity",
                    "labels",
                    "enabled",
                    "key",
                    "within",
                    "skip",
                    "pattern",
                    "output",
                    "tests");

    static final List<String> STEP_FIELDS =
            List.of(
                    "step",
                    "contiguity",
                    "match",
                    "where",
                    "until",
                    "times",
                    "oneOrMore",
                    "timesOrMore",
                    "optional",
                    "greedy",
                    "consecutive",
                    "allowCombinations");

    static final List<String> GROUP_FIELDS =
            List.of(
                    "group",
                    "contiguity",
                    "times",
                    "oneOrMore",
                    "timesOrMore",
                    "optional",
                    "greedy",
                    "consecutive",
                    "allowCombinations");

    static final List<String> MATCH_FIELDS =
            List.of("log", "metric", "deployment", "dependency", "signal", "service");

    static final List<String> OUTPUT_FIELDS =
            List.of(
                    "failureType",
                    "kind",
                    "probability",
                    "timeToImpact",
                    "summary",
                    "evidence",
                    "actions");

    static final List<String> TEST_FIELDS = List.of("name", "service", "host", "input", "expect");

    static final List<String> EXPECT_FIELDS = List.of("at", "evidence", "summary", "probability");

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern STEP_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    private static final Set<String> RESERVED =
            Set.of(
                    "as",
                    "break",
                    "const",
                    "continue",
                    "else",
                    "false",
                    "for",
                    "function",
                    "if",
                    "import",
                    "in",
                    "let",
                    "loop",
                    "package",
                    "namespace",
                    "null",
                    "return",
                    "true",
                    "var",
                    "void",
                    "while",
                    "steps",
                    "key");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    /** Test cases without {@code service}/{@code host} use these. */
    public static final String DEFAULT_TEST_SERVICE = "app";

    public static final String DEFAULT_TEST_HOST = "app-1";

    /** Parses a rule file from disk; the problems name it by the path as given. */
    public Rule parse(Path file) throws IOException, RuleException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the text of a rule file; {@code file} names it in problems. */
    public Rule parse(String file, String text) throws RuleException {
        Problems problems = new Problems(file, text);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1_000_000);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(
                    new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "not valid YAML: " + e.getProblem(),
                    "check indentation and quoting around this place");
            throw problems.toException();
        } catch (YAMLException e) {
            problems.add(SourceLocation.ofFile(file), "not valid YAML: " + e.getMessage(), null);
            throw problems.toException();
        }
        if (root == null) {
            problems.add(
                    SourceLocation.ofFile(file),
                    "the file is empty",
                    "write one rule, see docs/rules.md");
            problems.throwIfAny();
        }
        Rule rule = new Reader(problems, file).rule(root);
        problems.throwIfAny();
        return rule;
    }

    /** Reads one file; collects problems instead of stopping at the first. */
    private static final class Reader {
        private final Problems problems;
        private final String file;
        private final Set<String> stepNames = new LinkedHashSet<>();

        Reader(Problems problems, String file) {
            this.problems = problems;
            this.file = file;
        }

        Rule rule(Node root) {
            YamlMap m = YamlMap.of(root, "the rule", problems);
            if (m == null) {
                return null;
            }
            String id =
                    m.string(
                            "id",
                            true,
                            "add an id like 'jvm-heap-pressure' (lower-case words and dashes)");
            if (id != null) {
                problems.ruleId(id);
                if (!ID.matcher(id).matches()) {
                    problems.add(
                            m.value("id"),
                            "id '" + id + "' is not lower-case words joined by dashes",
                            "use e.g. '"
                                    + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                                    + "'");
                }
            }
            m.rejectUnknown(RULE_FIELDS);
            Integer version =
                    m.integer("version", true, "add 'version: 1' and raise it on every change");
            if (version != null && version < 1) {
                problems.add(m.value("version"), "version must be 1 or more", null);
            }
            String description =
                    m.string(
                            "description",
                            true,
                            "say what the rule detects and why it precedes a failure");
            String owner =
                    m.string(
                            "owner",
                            true,
                            "name the team or person responsible, e.g. 'owner: sre-platform'");
            Severity severity = enumOf(m, "severity", Severity.class, Severity.MEDIUM);
            Map<String, String> labels = m.stringMap("labels");
            boolean enabled = m.bool("enabled", true);
            KeyKind key = keyKind(m);
            Duration within = m.duration("within", false, null);
            if (!m.has("within")) {
                problems.add(
                        m.node(),
                        "the rule has no 'within': its partial matches could be held forever",
                        "add 'within: 10m' (the longest time one match may span)");
            } else if (within != null && (within.isZero() || within.isNegative())) {
                problems.add(m.value("within"), "'within' must be longer than zero", null);
            }
            List<PatternNode> pattern = List.of();
            List<Node> steps = m.list("pattern", true, "add 'pattern:' with at least one step");
            if (steps != null) {
                if (steps.isEmpty()) {
                    problems.add(
                            m.value("pattern"),
                            "the pattern has no steps",
                            "add at least one step");
                }
                pattern = nodes(steps, "the pattern");
            }
            SkipStrategy skip = skip(m);
            RuleOutput output = null;
            YamlMap out =
                    m.map(
                            "output",
                            true,
                            "add 'output:' with failureType, probability and summary");
            if (out != null) {
                output = output(out);
            }
            List<RuleTestCase> tests = new ArrayList<>();
            List<Node> testNodes = m.list("tests", false, null);
            if (testNodes != null) {
                for (Node t : testNodes) {
                    RuleTestCase tc = testCase(t);
                    if (tc != null) {
                        tests.add(tc);
                    }
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new Rule(
                    id,
                    version,
                    description.strip(),
                    owner,
                    severity,
                    labels,
                    enabled,
                    key,
                    within,
                    skip,
                    pattern,
                    output,
                    tests,
                    file);
        }

        private KeyKind keyKind(YamlMap m) {
            String text =
                    m.string(
                            "key",
                            true,
                            "add 'key: service' (or host, series): what the rule is evaluated per");
            if (text == null) {
                return null;
            }
            for (KeyKind k : KeyKind.values()) {
                if (k.yamlName().equals(text)) {
                    return k;
                }
            }
            problems.add(
                    m.value("key"), "unknown key '" + text + "'", "use service, host or series");
            return null;
        }

        private SkipStrategy skip(YamlMap m) {
            Node v = m.value("skip");
            if (v == null) {
                return SkipStrategy.PAST_LAST_EVENT;
            }
            String fix =
                    "use no-skip, skip-to-next, skip-past-last-event, or {skip-to-first: STEP} /"
                            + " {skip-to-last: STEP}";
            if (v instanceof ScalarNode s) {
                for (SkipStrategy.Kind k :
                        List.of(
                                SkipStrategy.Kind.NO_SKIP,
                                SkipStrategy.Kind.SKIP_TO_NEXT,
                                SkipStrategy.Kind.SKIP_PAST_LAST_EVENT)) {
                    if (k.yamlName().equals(s.getValue())) {
                        return new SkipStrategy(k, null);
                    }
                }
                problems.add(v, "unknown skip strategy '" + s.getValue() + "'", fix);
                return null;
            }
            YamlMap sm = YamlMap.of(v, "'skip'", problems);
            if (sm == null) {
                return null;
            }
            sm.rejectUnknown(List.of("skip-to-first", "skip-to-last"));
            SkipStrategy.Kind kind =
                    sm.has("skip-to-first")
                            ? SkipStrategy.Kind.SKIP_TO_FIRST
                            : sm.has("skip-to-last") ? SkipStrategy.Kind.SKIP_TO_LAST : null;
            if (kind == null || sm.keys().size() != 1) {
                problems.add(v, "'skip' must name exactly one strategy", fix);
                return null;
            }
            String step =
                    sm.string(
                            kind.yamlName(),
                            true,
                            "name the step, e.g. {" + kind.yamlName() + ": first}");
            if (step != null && !stepNames.contains(step)) {
                problems.add(
                        sm.value(kind.yamlName()),
                        "'" + kind.yamlName() + "' names no step '" + step + "'",
                        "use one of " + stepNames);
            }
            return new SkipStrategy(kind, step);
        }

        private List<PatternNode> nodes(List<Node> items, String where) {
            List<PatternNode> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PatternNode n = node(items.get(i), i == 0, where);
                if (n != null) {
                    out.add(n);
                }
            }
            return out;
        }

        private PatternNode node(Node item, boolean first, String where) {
            YamlMap m = YamlMap.of(item, "a step of " + where, problems);
            if (m == null) {
                return null;
            }
            if (m.has("group")) {
                return group(m, first);
            }
            if (!m.has("step")) {
                problems.add(
                        item,
                        "each entry of "
                                + where
                                + " is a step ('step: NAME') or a group ('group: [steps]')",
                        "add 'step: NAME' with a name for the step");
                return null;
            }
            return step(m, first);
        }

        private Step step(YamlMap m, boolean first) {
            String name = m.string("step", true, null);
            String what = "step '" + name + "'";
            YamlMap named = m.named(what);
            named.rejectUnknown(STEP_FIELDS);
            checkStepName(name, m.value("step"));
            Contiguity contiguity = contiguity(named, first);
            Selector selector = null;
            YamlMap match =
                    named.map(
                            "match",
                            true,
                            "add e.g. 'match: {metric: jvm_gc_pause_seconds}' or 'match: {log:"
                                    + " [ERROR, FATAL]}'");
            if (match != null) {
                selector = selector(match);
            }
            Expression where = named.expression("where", false, null);
            Expression until = named.expression("until", false, null);
            Quantifier q = quantifier(named, contiguity, false);
            if (until != null
                    && q != null
                    && q.kind() != Quantifier.Kind.ONE_OR_MORE
                    && q.kind() != Quantifier.Kind.TIMES_OR_MORE) {
                problems.add(
                        named.keyNode("until"),
                        "unsupported combination: 'until' ends a loop, but "
                                + what
                                + " does not loop",
                        "use 'until' with oneOrMore or timesOrMore");
            }
            if (until != null && contiguity != null && contiguity.negated()) {
                problems.add(
                        named.keyNode("until"),
                        "unsupported combination: 'until' on a negated step",
                        "remove it");
            }
            return new Step(name, contiguity, selector, where, until, q, problems.at(m.node()));
        }

        private Group group(YamlMap m, boolean first) {
            YamlMap g = m.named("a group");
            g.rejectUnknown(GROUP_FIELDS);
            Contiguity contiguity = contiguity(g, first);
            if (contiguity != null && contiguity.negated()) {
                problems.add(
                        g.value("contiguity"),
                        "unsupported combination: Flink CEP cannot negate a group",
                        "negate its steps one by one, or use next/followedBy/followedByAny");
            }
            List<Node> items = g.list("group", true, "list the group's steps under 'group:'");
            List<PatternNode> nodes = items == null ? List.of() : nodes(items, "a group");
            if (items != null && items.isEmpty()) {
                problems.add(g.value("group"), "the group has no steps", "add at least one step");
            }
            Quantifier q = quantifier(g, contiguity, true);
            return new Group(nodes, contiguity, q, problems.at(m.node()));
        }

        private void checkStepName(String name, Node at) {
            if (name == null) {
                return;
            }
            if (!STEP_NAME.matcher(name).matches() || RESERVED.contains(name)) {
                problems.add(
                        at,
                        "step name '" + name + "' cannot be used in conditions",
                        "use a word starting with a lower-case letter (letters, digits, _), not a"
                                + " CEL keyword, 'steps' or 'key'");
            } else if (!stepNames.add(name)) {
                problems.add(
                        at, "two steps are named '" + name + "'", "give every step its own name");
            }
        }

        private Contiguity contiguity(YamlMap m, boolean first) {
            String text = m.string("contiguity", false, null);
            if (text == null) {
                return first ? null : Contiguity.FOLLOWED_BY;
            }
            Contiguity found = null;
            for (Contiguity c : Contiguity.values()) {
                if (c.yamlName().equals(text)) {
                    found = c;
                }
            }
            if (found == null) {
                String closest =
                        Spelling.closest(
                                text,
                                Arrays.stream(Contiguity.values())
                                        .map(Contiguity::yamlName)
                                        .toList());
                problems.add(
                        m.value("contiguity"),
                        "unknown contiguity '" + text + "'",
                        (closest != null ? "did you mean '" + closest + "'? " : "")
                                + "use next, followedBy, followedByAny, notNext or notFollowedBy");
                return first ? null : Contiguity.FOLLOWED_BY;
            }
            if (first) {
                problems.add(
                        m.value("contiguity"),
                        "the first step of "
                                + (m.what().startsWith("a group") ? "a group" : "the pattern")
                                + " has no step before it, so it cannot have a contiguity",
                        "remove 'contiguity' here; a negated first step is not supported by Flink"
                                + " CEP");
                return null;
            }
            return found;
        }

        private Quantifier quantifier(YamlMap m, Contiguity contiguity, boolean group) {
            boolean negated = contiguity != null && contiguity.negated();
            List<String> given = new ArrayList<>();
            for (String f : List.of("times", "oneOrMore", "timesOrMore")) {
                if (m.has(f)) {
                    given.add(f);
                }
            }
            boolean optional = m.bool("optional", false);
            boolean greedy = !group && m.bool("greedy", false);
            boolean consecutive = m.bool("consecutive", false);
            boolean combinations = m.bool("allowCombinations", false);
            if (negated && group) {
                return Quantifier.ONCE;
            }
            if (negated) {
                for (String f :
                        List.of(
                                "times",
                                "oneOrMore",
                                "timesOrMore",
                                "optional",
                                "greedy",
                                "consecutive",
                                "allowCombinations")) {
                    if (m.has(f)) {
                        problems.add(
                                m.keyNode(f),
                                "unsupported combination: '"
                                        + f
                                        + "' on a negated ("
                                        + contiguity.yamlName()
                                        + ") step",
                                "a negated step matches exactly one record; remove '" + f + "'");
                    }
                }
                return Quantifier.ONCE;
            }
            if (given.size() > 1) {
                problems.add(
                        m.keyNode(given.get(1)),
                        "unsupported combination: " + String.join(" and ", given),
                        "use only one of times, oneOrMore, timesOrMore");
                return Quantifier.ONCE;
            }
            Quantifier.Kind kind = Quantifier.Kind.ONCE;
            int min = 1;
            int max = 1;
            if (m.has("times")) {
                kind = Quantifier.Kind.TIMES;
                Node t = m.value("times");
                if (t instanceof ScalarNode) {
                    Integer n =
                            m.integer(
                                    "times", true, "e.g. 'times: 3' or 'times: {min: 2, max: 4}'");
                    min = max = n == null ? 1 : n;
                } else {
                    YamlMap tm = m.map("times", true, null);
                    if (tm != null) {
                        tm.rejectUnknown(List.of("min", "max"));
                        Integer lo = tm.integer("min", true, "e.g. 'times: {min: 2, max: 4}'");
                        Integer hi = tm.integer("max", true, "e.g. 'times: {min: 2, max: 4}'");
                        min = lo == null ? 1 : lo;
                        max = hi == null ? min : hi;
                        if (hi != null && lo != null && hi < lo) {
                            problems.add(tm.value("max"), "'max' is below 'min'", "swap them");
                        }
                    }
                }
                if (min < 1) {
                    problems.add(
                            m.value("times"),
                            "'times' must be 1 or more",
                            "to allow zero, add 'optional: true'");
                }
            } else if (m.has("oneOrMore")) {
                if (m.bool("oneOrMore", false)) {
                    kind = Quantifier.Kind.ONE_OR_MORE;
                    max = -1;
                }
            } else if (m.has("timesOrMore")) {
                Integer n = m.integer("timesOrMore", true, "e.g. 'timesOrMore: 3'");
                kind = Quantifier.Kind.TIMES_OR_MORE;
                min = n == null ? 1 : n;
                max = -1;
                if (n != null && n < 1) {
                    problems.add(m.value("timesOrMore"), "'timesOrMore' must be 1 or more", null);
                }
            }
            boolean looping = kind != Quantifier.Kind.ONCE;
            for (String f : List.of("greedy", "consecutive", "allowCombinations")) {
                if (m.has(f) && !looping && m.bool(f, false)) {
                    problems.add(
                            m.keyNode(f),
                            "unsupported combination: '" + f + "' applies to repeated steps only",
                            "add times, oneOrMore or timesOrMore, or remove '" + f + "'");
                }
            }
            if (group && m.has("greedy")) {
                problems.add(
                        m.keyNode("greedy"),
                        "unsupported combination: Flink CEP has no greedy groups",
                        "remove 'greedy'");
            }
            if (consecutive && combinations) {
                problems.add(
                        m.keyNode("allowCombinations"),
                        "unsupported combination: consecutive and allowCombinations",
                        "use one of them");
            }
            Quantifier.Inner inner =
                    consecutive
                            ? Quantifier.Inner.CONSECUTIVE
                            : combinations
                                    ? Quantifier.Inner.ALLOW_COMBINATIONS
                                    : Quantifier.Inner.RELAXED;
            return new Quantifier(
                    kind,
                    min,
                    max,
                    optional,
                    greedy && looping,
                    looping ? inner : Quantifier.Inner.RELAXED);
        }

        private Selector selector(YamlMap m) {
            m.rejectUnknown(MATCH_FIELDS);
            List<RecordKind> kinds = new ArrayList<>();
            for (RecordKind k : RecordKind.values()) {
                if (m.has(k.yamlName())) {
                    kinds.add(k);
                }
            }
            if (kinds.size() != 1) {
                problems.add(
                        m.node(),
                        kinds.isEmpty()
                                ? "'match' names no record kind"
                                : "'match' names " + kinds.size() + " record kinds",
                        "name exactly one of log (levels), metric (names), deployment (statuses),"
                                + " dependency (names) or signal (kinds); 'any' for all, e.g. 'match:"
                                + " {metric: disk_used_ratio}'");
                return null;
            }
            RecordKind kind = kinds.get(0);
            List<String> values = m.strings(kind.yamlName(), true, null);
            Set<String> set = new HashSet<>();
            if (values != null
                    && !(values.size() == 1
                            && (values.get(0).equals("any") || values.get(0).equals("*")))) {
                for (String v : values) {
                    set.add(discriminator(kind, v, m.value(kind.yamlName())));
                }
            }
            List<String> services = m.has("service") ? m.strings("service", true, null) : List.of();
            return new Selector(kind, set, services == null ? Set.of() : new HashSet<>(services));
        }

        private String discriminator(RecordKind kind, String value, Node at) {
            if (kind == RecordKind.LOG) {
                return enumName(LogLevel.class, value, at, "log level");
            } else if (kind == RecordKind.DEPLOYMENT) {
                return enumName(DeploymentStatus.class, value, at, "deployment status");
            }
            if (value.isBlank()) {
                problems.add(at, "an empty " + kind.yamlName() + " name", null);
            }
            return value;
        }

        private <E extends Enum<E>> String enumName(
                Class<E> type, String value, Node at, String what) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value)) {
                    return e.name();
                }
            }
            problems.add(
                    at,
                    "'" + value + "' is not a " + what,
                    "use one of "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
                            + " or 'any'");
            return value;
        }

        private <E extends Enum<E>> E enumOf(YamlMap m, String key, Class<E> type, E defaultValue) {
            String text = m.string(key, false, null);
            if (text == null) {
                return defaultValue;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text)) {
                    return e;
                }
            }
            problems.add(
                    m.value(key),
                    "'" + text + "' is not a " + key,
                    "use one of "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            return defaultValue;
        }

        private RuleOutput output(YamlMap m) {
            m.rejectUnknown(OUTPUT_FIELDS);
            String failureType =
                    m.string(
                            "failureType",
                            true,
                            "name the predicted failure, e.g. 'failureType: oom'");
            String kind = m.string("kind", false, null);
            Probability probability = probability(m);
            ImpactWindow impact = impact(m);
            Template summary = null;
            if (m.has("summary")) {
                summary = template(m, "summary");
            } else {
                m.missing(
                        "summary",
                        "add a one-line summary, e.g. 'summary: Heap above 90% then"
                                + " {{size(steps.gc)}} long GC pauses'");
            }
            Map<String, Template> evidence = new LinkedHashMap<>();
            YamlMap ev = m.map("evidence", false, null);
            if (ev != null) {
                for (String step : ev.keys()) {
                    if (!stepNames.contains(step)) {
                        problems.add(
                                ev.keyNode(step),
                                "'evidence' names no step '" + step + "'",
                                "use one of " + stepNames);
                    }
                    Template t = template(ev, step);
                    if (t != null) {
                        evidence.put(step, t);
                    }
                }
            }
            List<Action> actions = new ArrayList<>();
            List<Node> actionNodes = m.list("actions", false, null);
            if (actionNodes != null) {
                for (Node a : actionNodes) {
                    YamlMap am = YamlMap.of(a, "an action", problems);
                    if (am == null) {
                        continue;
                    }
                    am.rejectUnknown(List.of("title", "detail", "runbook"));
                    String title = am.string("title", true, "give the action a one-line title");
                    String detail = am.string("detail", false, null);
                    String runbook = am.string("runbook", false, null);
                    if (runbook != null && !runbook.matches("https?://\\S+")) {
                        problems.add(
                                am.value("runbook"),
                                "runbook '" + runbook + "' is not an http(s) URL",
                                null);
                    }
                    actions.add(new Action(title, detail == null ? null : detail.strip(), runbook));
                }
            }
            return new RuleOutput(
                    failureType,
                    kind == null ? "rule-match" : kind,
                    probability,
                    impact,
                    summary,
                    evidence,
                    actions);
        }

        private Probability probability(YamlMap m) {
            Node v = m.value("probability");
            if (v == null) {
                m.missing(
                        "probability", "add 'probability: 0.7' or a CEL expression over the steps");
                return null;
            }
            if (v instanceof ScalarNode s
                    && (s.getTag().equals(Tag.FLOAT) || s.getTag().equals(Tag.INT))) {
                double p = Double.parseDouble(s.getValue());
                if (p < 0 || p > 1) {
                    problems.add(v, "probability " + p + " is outside 0..1", null);
                }
                return new Probability(p, null);
            }
            Expression e = m.expression("probability", true, null);
            return e == null ? null : new Probability(null, e);
        }

        private ImpactWindow impact(YamlMap m) {
            Node v = m.value("timeToImpact");
            if (v == null) {
                return null;
            }
            if (v instanceof ScalarNode) {
                Duration expected = m.duration("timeToImpact", true, null);
                return expected == null
                        ? null
                        : new ImpactWindow(expected, Duration.ZERO, expected.multipliedBy(2));
            }
            YamlMap t = m.map("timeToImpact", true, null);
            if (t == null) {
                return null;
            }
            t.rejectUnknown(List.of("expected", "lower", "upper"));
            Duration expected =
                    t.duration(
                            "expected",
                            true,
                            "e.g. 'timeToImpact: {expected: 15m, lower: 5m, upper: 1h}'");
            Duration lower = t.has("lower") ? t.duration("lower", true, null) : Duration.ZERO;
            Duration upper =
                    t.has("upper")
                            ? t.duration("upper", true, null)
                            : expected == null ? null : expected.multipliedBy(2);
            if (expected != null
                    && lower != null
                    && upper != null
                    && (lower.compareTo(expected) > 0 || upper.compareTo(expected) < 0)) {
                problems.add(t.node(), "timeToImpact must have lower <= expected <= upper", null);
            }
            return expected == null || lower == null || upper == null
                    ? null
                    : new ImpactWindow(expected, lower, upper);
        }

        private Template template(YamlMap m, String key) {
            String text = m.string(key, true, null);
            if (text == null) {
                return null;
            }
            Expression base = YamlMap.expressionOf((ScalarNode) m.value(key), problems);
            List<Template.Part> parts = new ArrayList<>();
            var matcher = PLACEHOLDER.matcher(text);
            int last = 0;
            while (matcher.find()) {
                if (matcher.start() > last) {
                    parts.add(new Template.Literal(text.substring(last, matcher.start())));
                }
                int offset = matcher.start(1);
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < offset; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                String expr = matcher.group(1);
                if (expr.isBlank()) {
                    problems.add(
                            base.locate(line, offset - lineStart),
                            "an empty {{ }} placeholder",
                            "put a CEL expression inside");
                }
                parts.add(
                        new Template.Placeholder(
                                new Expression(
                                        expr, base.locate(line, offset - lineStart), false, 0)));
                last = matcher.end();
            }
            if (last < text.length()) {
                parts.add(new Template.Literal(text.substring(last)));
            }
            if (text.indexOf("{{", last) >= 0) {
                problems.add(
                        m.value(key), "a '{{' without its '}}'", "close the placeholder with }}");
            }
            return new Template(text, parts, base.location());
        }

        private RuleTestCase testCase(Node node) {
            YamlMap m = YamlMap.of(node, "a test case", problems);
            if (m == null) {
                return null;
            }
            m.rejectUnknown(TEST_FIELDS);
            String name =
                    m.string(
                            "name",
                            true,
                            "say what the case shows, e.g. 'name: two long pauses after heap"
                                    + " pressure'");
            String service =
                    m.has("service") ? m.string("service", true, null) : DEFAULT_TEST_SERVICE;
            String host = m.has("host") ? m.string("host", true, null) : DEFAULT_TEST_HOST;
            TestInputParser inputs = new TestInputParser(service, host, problems);
            List<RuleRecord> records = new ArrayList<>();
            Node input = m.value("input");
            if (input == null) {
                m.missing(
                        "input",
                        "write the input records as a block, one per line, e.g. 'input: |' then"
                                + " '0s metric disk_used_ratio 0.91' on the next line");
            } else if (input instanceof ScalarNode block) {
                // A block of lines (input: |), the recommended form: no quoting needed.
                Expression text = YamlMap.expressionOf(block, problems);
                String[] lines = block.getValue().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        records.addAll(
                                inputs.parse(line, text.locate(i + 1, lines[i].indexOf(line))));
                    }
                }
            } else {
                for (Node line : m.list("input", true, null)) {
                    if (line instanceof ScalarNode s) {
                        records.addAll(
                                inputs.parse(
                                        s.getValue(),
                                        YamlMap.expressionOf(s, problems).location()));
                    } else {
                        problems.add(
                                line,
                                "an input line must be a text; YAML read this one as a "
                                        + (line instanceof org.yaml.snakeyaml.nodes.MappingNode
                                                ? "mapping (it contains ': ')"
                                                : "list"),
                                "write the input as a block ('input: |', one record per line), or"
                                        + " quote the line");
                    }
                }
            }
            List<RuleTestCase.ExpectedMatch> expected = new ArrayList<>();
            List<Node> expects =
                    m.list(
                            "expect",
                            true,
                            "list the expected matches, or write 'expect: []' for none");
            if (expects != null) {
                for (Node e : expects) {
                    RuleTestCase.ExpectedMatch em = expectation(e);
                    if (em != null) {
                        expected.add(em);
                    }
                }
            }
            return new RuleTestCase(name, records, expected, problems.at(node));
        }

        private RuleTestCase.ExpectedMatch expectation(Node node) {
            YamlMap m = YamlMap.of(node, "an expected match", problems);
            if (m == null) {
                return null;
            }
            m.rejectUnknown(EXPECT_FIELDS);
            Duration at = m.duration("at", true, "give the time of the match, e.g. 'at: 1m30s'");
            List<String> evidence =
                    m.strings(
                            "evidence",
                            true,
                            "list the matched records as step@time, e.g. [heap@0s, gc@30s]");
            List<String> normalized = new ArrayList<>();
            if (evidence != null) {
                for (String ev : evidence) {
                    int atSign = ev.indexOf('@');
                    Duration d = atSign > 0 ? Durations.parse(ev.substring(atSign + 1)) : null;
                    if (d == null) {
                        problems.add(
                                m.value("evidence"),
                                "evidence '" + ev + "' is not step@time",
                                "write e.g. gc@30s");
                        continue;
                    }
                    String step = ev.substring(0, atSign).trim();
                    if (!stepNames.contains(step)) {
                        problems.add(
                                m.value("evidence"),
                                "evidence '" + ev + "' names no step '" + step + "'",
                                "use one of " + stepNames);
                    }
                    normalized.add(step + "@" + Durations.format(d));
                }
            }
            String summary = m.string("summary", false, null);
            Double probability = m.number("probability", false, null);
            return at == null
                    ? null
                    : new RuleTestCase.ExpectedMatch(
                            at.toMillis(), normalized, summary, probability, problems.at(node));
        }
    }
}
