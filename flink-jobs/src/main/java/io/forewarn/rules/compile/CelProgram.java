package io.forewarn.rules.compile;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.forewarn.rules.model.Expression;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.model.Spelling;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One checked and compiled CEL expression of a rule. The compiled program is built once, when the
 * rule version is compiled; only the expression and its scope are serialized, and a deserialized
 * copy compiles again on first use.
 */
public final class CelProgram implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");
    private static final Pattern UNDEFINED_FIELD = Pattern.compile("undefined field '([^']+)'");

    private final Expression expression;
    private final CelScope scope;
    private final boolean readsSteps;
    private transient CelRuntime.Program program;
    private transient MessagePrefilter prefilter;

    private CelProgram(Expression expression, CelScope scope, CelAbstractSyntaxTree ast) {
        this.expression = expression;
        this.scope = scope;
        this.readsSteps =
                ast.getReferenceMap().values().stream().anyMatch(r -> "steps".equals(r.name()));
        this.program = program(ast, expression.text());
        this.prefilter = prefilter(ast, scope);
    }

    /**
     * Type-checks and compiles an expression; on failure adds one problem per CEL issue, located in
     * the rule file, and returns null.
     */
    static CelProgram compile(
            Expression expression, CelScope scope, String ruleId, List<RuleProblem> problems) {
        try {
            return new CelProgram(
                    expression,
                    scope,
                    CelEnvironment.compiler(scope).compile(expression.text()).getAst());
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                var at = issue.getSourceLocation();
                problems.add(
                        new RuleProblem(
                                expression.locate(
                                        Math.max(1, at.getLine()), Math.max(0, at.getColumn())),
                                ruleId,
                                "in '" + expression.text().strip() + "': " + issue.getMessage(),
                                fixFor(issue.getMessage(), scope)));
            }
            return null;
        }
    }

    /** Compiles a deserialized copy's program (and prefilter) again. */
    private void build() {
        try {
            CelAbstractSyntaxTree ast =
                    CelEnvironment.compiler(scope).compile(expression.text()).getAst();
            prefilter = prefilter(ast, scope);
            program = program(ast, expression.text());
        } catch (CelValidationException e) {
            throw new IllegalStateException(
                    "A rule expression no longer compiles: " + expression.text(), e);
        }
    }

    private static MessagePrefilter prefilter(CelAbstractSyntaxTree ast, CelScope scope) {
        return scope.current() == RecordKind.LOG ? MessagePrefilter.of(ast.getExpr()) : null;
    }

    private static CelRuntime.Program program(CelAbstractSyntaxTree ast, String text) {
        try {
            return CelEnvironment.runtime().createProgram(ast);
        } catch (dev.cel.common.CelException e) {
            throw new IllegalStateException("A checked expression did not compile: " + text, e);
        }
    }

    public Expression expression() {
        return expression;
    }

    /**
     * Whether the expression reads {@code steps}, the records of earlier steps; one that does not
     * depends on the record alone.
     */
    public boolean readsSteps() {
        return readsSteps;
    }

    /** Evaluates with the given variables. */
    public Object eval(CelVariableResolver variables) throws CelEvaluationException {
        if (program == null) {
            build();
        }
        return program.eval(variables);
    }

    /**
     * For a condition on log records: a test of the message that is false only when the expression
     * is false ({@link MessagePrefilter}), or null when the expression has no such test.
     */
    MessagePrefilter messagePrefilter() {
        if (program == null) {
            build();
        }
        return prefilter;
    }

    private static String fixFor(String message, CelScope scope) {
        Matcher m = UNDECLARED.matcher(message);
        if (m.find()) {
            String name = m.group(1);
            List<String> known = new ArrayList<>();
            if (scope.current() != null) {
                known.addAll(RecordFields.of(scope.current()).keySet());
            }
            known.add("steps");
            known.add("key");
            String closest = Spelling.closest(name, known);
            return (closest != null ? "did you mean '" + closest + "'? " : "")
                    + (scope.current() != null
                            ? "fields of a "
                                    + scope.current().yamlName()
                                    + " record: "
                                    + String.join(", ", RecordFields.of(scope.current()).keySet())
                                    + "; earlier steps: steps.NAME"
                            : "outputs see steps.NAME (lists of matched records) and key");
        }
        m = UNDEFINED_FIELD.matcher(message);
        if (m.find()) {
            Set<String> stepNames = scope.steps().keySet();
            return "steps you can refer to here: "
                    + stepNames
                    + "; fields of records are listed in docs/rules.md";
        }
        if (message.contains("no matching overload")) {
            return "compare and combine values of the same type: write 2.0 (not 2) next to a"
                    + " double, quote texts, and use int(x) or double(x) to convert";
        }
        if (message.contains("expected type")) {
            return scope.result() == CelScope.Result.BOOL
                    ? "a condition must be true or false, e.g. 'value > 0.9'"
                    : "the probability must be a double, e.g. '0.5 + 0.1 * double(size(steps.gc))'";
        }
        return null;
    }
}
