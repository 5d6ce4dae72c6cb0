package io.forewarn.rules.compile;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A test of a log record's message that is false only when a condition is false, read from the
 * condition's syntax tree: {@code message.matches('...')} (the expression's {@link
 * RequiredLiterals}), {@code message.contains('...')}, and disjunctions of those. It lets the
 * common case, a message with none of the literals, skip the CEL interpreter: on a rule stage that
 * tests each log record against every log rule's condition, that was most of the conditions' cost.
 */
final class MessagePrefilter {

    private final List<RequiredLiterals> patterns;
    private final List<String> substrings;

    private MessagePrefilter(List<RequiredLiterals> patterns, List<String> substrings) {
        this.patterns = patterns;
        this.substrings = substrings;
    }

    /** The prefilter of an expression, or null when it is not of a shape this class reads. */
    static MessagePrefilter of(CelExpr root) {
        List<RequiredLiterals> patterns = new ArrayList<>();
        List<String> substrings = new ArrayList<>();
        return collect(root, patterns, substrings)
                ? new MessagePrefilter(List.copyOf(patterns), List.copyOf(substrings))
                : null;
    }

    /**
     * False only if the condition is false for {@code record}, whose message {@code field} reads
     * (true when there is no such field or message).
     */
    boolean mayMatch(RecordFields.Field field, Object record) {
        return field == null
                || !(field.getter().apply(record) instanceof String message)
                || mayMatch(message);
    }

    /** False only if the condition is false for a record with this message. */
    boolean mayMatch(String message) {
        for (String s : substrings) {
            if (message.contains(s)) {
                return true;
            }
        }
        for (RequiredLiterals p : patterns) {
            if (p.mayMatch(message)) {
                return true;
            }
        }
        return false;
    }

    private static boolean collect(
            CelExpr expr, List<RequiredLiterals> patterns, List<String> substrings) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL) {
            return false;
        }
        CelExpr.CelCall call = expr.call();
        if ("_||_".equals(call.function()) && call.args().size() == 2) {
            return collect(call.args().get(0), patterns, substrings)
                    && collect(call.args().get(1), patterns, substrings);
        }
        List<CelExpr> operands = new ArrayList<>();
        call.target().ifPresent(operands::add);
        operands.addAll(call.args());
        if (operands.size() != 2
                || !isMessage(operands.get(0))
                || operands.get(1).getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || operands.get(1).constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            return false;
        }
        String literal = operands.get(1).constant().stringValue();
        switch (call.function()) {
            case "matches" -> {
                RequiredLiterals required = RequiredLiterals.of(literal);
                if (required == null) {
                    return false;
                }
                patterns.add(required);
                return true;
            }
            case "contains" -> {
                substrings.add(literal);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isMessage(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT
                && "message".equals(expr.ident().name());
    }
}
