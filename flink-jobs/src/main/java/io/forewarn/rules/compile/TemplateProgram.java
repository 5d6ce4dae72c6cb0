package io.forewarn.rules.compile;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.model.Template;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A compiled text template: literal parts and CEL placeholders. Numbers print without trailing
 * zeros (at most three decimals); a placeholder that fails at run time prints {@code ?}.
 */
final class TemplateProgram implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Object> parts;

    private TemplateProgram(List<Object> parts) {
        this.parts = parts;
    }

    static TemplateProgram compile(
            Template template, CelScope scope, String ruleId, List<RuleProblem> problems) {
        List<Object> parts = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Literal l) {
                parts.add(l.text());
            } else {
                CelProgram p =
                        CelProgram.compile(
                                ((Template.Placeholder) part).expression(),
                                scope,
                                ruleId,
                                problems);
                parts.add(p == null ? "?" : p);
            }
        }
        return new TemplateProgram(parts);
    }

    String render(CelVariableResolver variables, EvaluationErrors errors) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof CelProgram p) {
                try {
                    out.append(format(p.eval(variables)));
                } catch (CelEvaluationException | RuntimeException e) {
                    errors.record("template '" + p.expression().text().strip() + "'", e);
                    out.append('?');
                }
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            BigDecimal b =
                    BigDecimal.valueOf(d)
                            .setScale(3, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros();
            return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        } else if (value instanceof Collection<?> c) {
            return c.stream().map(TemplateProgram::format).collect(Collectors.joining(", "));
        } else if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> format(e.getKey()) + "=" + format(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
