package io.forewarn.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.runtime.CelEvaluationException;
import io.forewarn.rules.model.Expression;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.model.RuleProblem;
import io.forewarn.rules.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegexCacheTest {

    @Test
    void matchesAnywhereWithRe2SyntaxAsCelDoes() throws Exception {
        CelProgram program = condition("message.matches('(?i)timed? ?out|deadline exceeded')");

        assertThat(program.eval(message("Read TIMED OUT after 5000 ms"))).isEqualTo(true);
        assertThat(program.eval(message("context deadline exceeded"))).isEqualTo(true);
        assertThat(program.eval(message("all good"))).isEqualTo(false);
    }

    @Test
    void receiverAndGlobalFormsAgree() throws Exception {
        assertThat(condition("matches(message, '^GET /api')").eval(message("GET /api/cart 200")))
                .isEqualTo(true);
        assertThat(condition("matches(message, '^GET /api')").eval(message("POST /api/cart")))
                .isEqualTo(false);
    }

    @Test
    void compilesEachExpressionOnce() throws Exception {
        String regex = "(?i)compiled once " + System.nanoTime();

        assertThat(RegexCache.compiled(regex)).isSameAs(RegexCache.compiled(regex));
        assertThat(RegexCache.size()).isLessThanOrEqualTo(RegexCache.MAX_PATTERNS);
    }

    @Test
    void staysWithinItsBound() throws Exception {
        for (int i = 0; i < RegexCache.MAX_PATTERNS + 10; i++) {
            RegexCache.compiled("bound-" + i);
        }

        assertThat(RegexCache.size()).isBetween(1, RegexCache.MAX_PATTERNS);
    }

    @Test
    void anInvalidExpressionIsAnEvaluationError() {
        // The pattern comes from a field, so the checker cannot see that it is invalid.
        CelProgram program = condition("message.matches(logger)");

        assertThatThrownBy(() -> program.eval(fields(Map.of("message", "x", "logger", "(["))))
                .isInstanceOf(CelEvaluationException.class)
                .hasMessageContaining("missing closing ]");
    }

    /** A condition on log records, compiled as a rule's {@code where}. */
    static CelProgram condition(String text) {
        List<RuleProblem> problems = new ArrayList<>();
        CelProgram program =
                CelProgram.compile(
                        new Expression(text, new SourceLocation("test.yaml", 1, 1), false, 0),
                        new CelScope(RecordKind.LOG, Map.of(), CelScope.Result.BOOL),
                        "regex-test",
                        problems);
        assertThat(problems).isEmpty();
        return program;
    }

    private static dev.cel.runtime.CelVariableResolver message(String message) {
        return fields(Map.of("message", message));
    }

    private static dev.cel.runtime.CelVariableResolver fields(Map<String, Object> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
