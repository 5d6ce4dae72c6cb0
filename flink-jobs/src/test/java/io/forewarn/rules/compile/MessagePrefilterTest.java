package io.forewarn.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.runtime.BundledRules;
import io.forewarn.schema.RuleUpdate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagePrefilterTest {

    private static final Pattern WHERE = Pattern.compile("(?m)^\\s*where: (message\\..*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{3,})\"");

    @Test
    void conditionsOnTheMessageAloneGetAPrefilterAndOthersDoNot() {
        assertThat(
                        condition("message.matches('(?i)\\\\bretry(ing)?\\\\b|attempt [0-9]+ of')")
                                .messagePrefilter())
                .isNotNull();
        assertThat(
                        condition(
                                        "message.contains('RejectedExecutionException')"
                                                + " || message.matches('(?i)thread pool (is )?full')")
                                .messagePrefilter())
                .isNotNull();
        for (String other :
                List.of(
                        "level == 'ERROR' && message.matches('timeout')",
                        "message.matches('timeout') || level == 'ERROR'",
                        "message.matches('.*')",
                        "!message.contains('ok')",
                        "size(message) > 3",
                        "logger.matches('timeout')",
                        "message.matches(logger)")) {
            assertThat(condition(other).messagePrefilter()).as(other).isNull();
        }
    }

    @Test
    void aConditionWhoseLiteralsAreAbsentSkipsTheInterpreter() {
        CelProgram program = condition("message.matches('(?i)connection (refused|reset)')");
        MessagePrefilter prefilter = program.messagePrefilter();
        assertThat(prefilter.mayMatch("GET /api/cart 200 12 ms")).isFalse();
        assertThat(prefilter.mayMatch("Connection Refused by upstream")).isTrue();
    }

    /**
     * Every prefiltered condition of the bundled rules, on their own test messages and variants of
     * them: the prefilter says no only where the interpreter says false.
     */
    @Test
    void theBundledConditionsArePrefilteredWithoutChangingAResult() throws Exception {
        Set<String> conditions = new LinkedHashSet<>();
        Set<String> messages = new LinkedHashSet<>();
        for (RuleUpdate rule : BundledRules.builtIn()) {
            Matcher where = WHERE.matcher(rule.getContent());
            while (where.find()) {
                conditions.add(where.group(1).strip());
            }
            Matcher quoted = QUOTED.matcher(rule.getContent());
            while (quoted.find()) {
                messages.add(quoted.group(1));
            }
        }
        Random random = new Random(11);
        List<String> variants = new ArrayList<>();
        for (String m : messages) {
            variants.add(m.toUpperCase(Locale.ROOT));
            variants.add(m.toLowerCase(Locale.ROOT));
            variants.add("prefix " + m + " suffix");
            variants.add(m.substring(0, 1 + random.nextInt(m.length() - 1)));
            variants.add(m.substring(random.nextInt(m.length() - 1)));
        }
        messages.addAll(variants);
        messages.addAll(List.of("", "GET /api/cart 200 137 ms", "Slow query took 9 ms", "é retry"));

        int prefiltered = 0;
        int skipped = 0;
        for (String text : conditions) {
            CelProgram program = condition(text);
            MessagePrefilter prefilter = program.messagePrefilter();
            if (prefilter == null) {
                continue;
            }
            prefiltered++;
            for (String message : messages) {
                boolean result =
                        Boolean.TRUE.equals(
                                program.eval(
                                        name ->
                                                Optional.ofNullable(
                                                        Map.<String, Object>of("message", message)
                                                                .get(name))));
                if (!prefilter.mayMatch(message)) {
                    skipped++;
                    assertThat(result).as(text + " on '" + message + "'").isFalse();
                }
            }
        }
        assertThat(prefiltered).as("the bundled log rules' regex conditions").isGreaterThan(5);
        assertThat(skipped).as("most messages lack most rules' literals").isPositive();
    }

    private static CelProgram condition(String text) {
        return RegexCacheTest.condition(text);
    }
}
