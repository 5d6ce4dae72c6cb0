package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.compile.CompiledRule;
import io.forewarn.rules.compile.RuleCompiler;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.rules.parse.RuleParser;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

    private static CompiledRule compile(String id, String pattern) throws Exception {
        return new RuleCompiler()
                .compile(
                        new RuleParser()
                                .parse(
                                        id + ".yaml",
                                        RuleFiles.rule(id, 1, "service", "1m", null, pattern)));
    }

    private static RuleRecord log(LogLevel level, String message) {
        return RuleFiles.routed(KeyKind.SERVICE, RuleFiles.log(1, "checkout", level, message));
    }

    @Test
    void aRecordKeptForOneRuleIsNotFedToARelaxedRuleWhoseConditionsItFails() throws Exception {
        // Relaxed: a log that is not a retry cannot change its matches.
        CompiledRule retries =
                compile(
                        "retries",
                        """
                          - step: retry
                            match: {log: [WARN, ERROR]}
                            where: message.contains('retry')
                            times: 3
                        """);
        // Strict contiguity: every WARN or ERROR log it sees matters.
        CompiledRule errors =
                compile(
                        "errors",
                        """
                          - step: error
                            match: {log: [WARN, ERROR]}
                            where: level == 'ERROR'
                            times: 2
                            consecutive: true
                        """);
        RuleIndex<CompiledRule> index = RuleIndex.of(List.of(retries, errors), r -> r);

        RuleRecord slowQuery = log(LogLevel.WARN, "slow query");
        assertThat(index.anyAccepts(KeyKind.SERVICE, slowQuery)).isTrue();
        assertThat(index.relevantTo(KeyKind.SERVICE, slowQuery)).containsExactly(errors);
        assertThat(index.relevantTo(KeyKind.SERVICE, log(LogLevel.WARN, "retry 2 of 3")))
                .containsExactlyInAnyOrder(retries, errors);
        assertThat(index.relevantTo(KeyKind.SERVICE, log(LogLevel.INFO, "retry 2 of 3"))).isEmpty();
    }
}
