package io.forewarn.rules.parse;

import io.forewarn.rules.model.Expression;
import io.forewarn.rules.model.SourceLocation;
import io.forewarn.rules.model.Spelling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to one YAML mapping. Every wrong or missing value becomes a {@link
 * Problems} entry naming what the author wrote and what was expected; getters then return null.
 */
final class YamlMap {

    private final Node node;
    private final String what;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Node node, String what, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) {
                    problems.add(
                            tuple.getKeyNode(), "keys of " + what + " must be plain words", null);
                } else if (entries.putIfAbsent(key, tuple) != null) {
                    problems.add(
                            tuple.getKeyNode(),
                            "'" + key + "' appears twice in " + what,
                            "keep one of them");
                }
            }
        }
    }

    private YamlMap(YamlMap other, String what) {
        this.node = other.node;
        this.what = what;
        this.problems = other.problems;
        this.entries.putAll(other.entries);
    }

    /** The same mapping, named differently in problems. */
    YamlMap named(String what) {
        return new YamlMap(this, what);
    }

    /** The mapping at {@code node}, or null (and a problem) when it is not a mapping. */
    static YamlMap of(Node node, String what, Problems problems) {
        if (!(node instanceof MappingNode)) {
            problems.add(node, what + " must be a mapping (key: value lines)", null);
            return null;
        }
        return new YamlMap(node, what, problems);
    }

    Node node() {
        return node;
    }

    String what() {
        return what;
    }

    SourceLocation location() {
        return problems.at(node);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? node : t.getKeyNode();
    }

    /** Reports every key not in {@code allowed}, suggesting the closest known one. */
    void rejectUnknown(Collection<String> allowed) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String closest = Spelling.closest(e.getKey(), allowed);
                problems.add(
                        e.getValue().getKeyNode(),
                        "unknown field '" + e.getKey() + "' in " + what,
                        (closest != null ? "did you mean '" + closest + "'? " : "")
                                + "Known fields: "
                                + String.join(", ", allowed));
            }
        }
    }

    void missing(String key, String fix) {
        problems.add(node, what + " has no '" + key + "'", fix);
    }

    String string(String key, boolean required, String fix) {
        Node v = value(key);
        if (v == null) {
            if (required) {
                missing(key, fix);
            }
            return null;
        }
        if (!(v instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            problems.add(v, "'" + key + "' in " + what + " must be a text", fix);
            return null;
        }
        return s.getValue();
    }

    Integer integer(String key, boolean required, String fix) {
        String text = string(key, required, fix);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.add(
                    value(key),
                    "'" + key + "' in " + what + " must be a whole number, not '" + text + "'",
                    fix);
            return null;
        }
    }

    Double number(String key, boolean required, String fix) {
        String text = string(key, required, fix);
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            problems.add(
                    value(key),
                    "'" + key + "' in " + what + " must be a number, not '" + text + "'",
                    fix);
            return null;
        }
    }

    boolean bool(String key, boolean defaultValue) {
        String text = string(key, false, null);
        if (text == null) {
            return defaultValue;
        }
        if (text.equals("true")) {
            return true;
        } else if (text.equals("false")) {
            return false;
        }
        problems.add(
                value(key),
                "'" + key + "' in " + what + " must be true or false, not '" + text + "'",
                null);
        return defaultValue;
    }

    Duration duration(String key, boolean required, String fix) {
        String text = string(key, required, fix);
        if (text == null) {
            return null;
        }
        Duration d = Durations.parse(text);
        if (d == null) {
            problems.add(
                    value(key),
                    "'" + key + "' in " + what + " must be a duration, not '" + text + "'",
                    "write it like 30s, 5m, 1h or 1h30m");
        }
        return d;
    }

    /** A scalar as a CEL expression with its location; null when absent or not a scalar. */
    Expression expression(String key, boolean required, String fix) {
        String text = string(key, required, fix);
        return text == null ? null : expressionOf((ScalarNode) value(key), problems);
    }

    static Expression expressionOf(ScalarNode scalar, Problems problems) {
        SourceLocation at = problems.at(scalar);
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL
                || style == DumperOptions.ScalarStyle.FOLDED) {
            // The text of a block scalar starts on the line after the indicator.
            return new Expression(
                    scalar.getValue(), at, true, problems.indentOfLineAfter(at.line()));
        }
        boolean quoted =
                style == DumperOptions.ScalarStyle.SINGLE_QUOTED
                        || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        SourceLocation start = quoted ? at.shifted(0, at.column() + 1) : at;
        return new Expression(scalar.getValue(), start, false, 0);
    }

    YamlMap map(String key, boolean required, String fix) {
        Node v = value(key);
        if (v == null) {
            if (required) {
                missing(key, fix);
            }
            return null;
        }
        return of(v, "'" + key + "' of " + what, problems);
    }

    /** A sequence; a single scalar counts as a one-element list. */
    List<Node> list(String key, boolean required, String fix) {
        Node v = value(key);
        if (v == null) {
            if (required) {
                missing(key, fix);
            }
            return null;
        }
        if (v instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (v instanceof ScalarNode) {
            return List.of(v);
        }
        problems.add(v, "'" + key + "' in " + what + " must be a list", fix);
        return null;
    }

    /** A list of texts; a single text counts as a one-element list. */
    List<String> strings(String key, boolean required, String fix) {
        List<Node> nodes = list(key, required, fix);
        if (nodes == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                out.add(s.getValue());
            } else {
                problems.add(n, "'" + key + "' in " + what + " must hold texts", fix);
            }
        }
        return out;
    }

    /** A mapping of texts to texts. */
    Map<String, String> stringMap(String key) {
        YamlMap m = map(key, false, null);
        if (m == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            String v = m.string(k, true, null);
            if (v != null) {
                out.put(k, v);
            }
        }
        return out;
    }
}
