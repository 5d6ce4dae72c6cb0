package io.forewarn.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    private static final java.util.regex.Pattern QUOTED_REGEX =
            java.util.regex.Pattern.compile("matches\\('((?:[^'\\\\]|\\\\.)*)'\\)");

    /** Patterns of every kind the extraction has to get right, beside the bundled rules' own. */
    private static final List<String> TRICKY =
            List.of(
                    "(?i)timed? ?out|deadline exceeded|504",
                    "(?i)\\bretry(ing)?\\b|attempt [0-9]+ of [0-9]+",
                    "(?i)thread pool (is )?(exhausted|full)",
                    "colou?r",
                    "ab*c|x{0,2}yz|pq{2}r|de{1,}f",
                    "a.b|^start|end$",
                    "[]x]yz|[^]ab]cd|[[:alpha:]]ef",
                    "(?:non|capturing)group",
                    "go+gle|ba+?na",
                    "\\.conf\\b|\\d{3} ms",
                    "(?i)KELVIN|long",
                    "x{|y}");

    @Test
    void takesTheLongestRequiredRunOfEachAlternative() {
        assertThat(RequiredLiterals.of("(?i)timed? ?out|deadline exceeded|504").literals())
                .containsExactly("time", "deadline exceeded", "504");
        assertThat(RequiredLiterals.of("(?i)thread pool (is )?(exhausted|full)").literals())
                .containsExactly("thread pool ");
        assertThat(RequiredLiterals.of("abb*c|x{0,2}yz|pq{2}r").literals())
                .containsExactly("ab", "yz", "pq");
    }

    @Test
    void givesNoConditionWhenItCannotProveOne() {
        assertThat(RequiredLiterals.of("[0-9]+")).isNull();
        assertThat(RequiredLiterals.of("error|")).isNull();
        assertThat(RequiredLiterals.of("(?s)a.b")).isNull();
        assertThat(RequiredLiterals.of("ab(?i)cd")).isNull();
        assertThat(RequiredLiterals.of("\\Qa.b\\E")).isNull();
        assertThat(RequiredLiterals.of("\\x41bc")).isNull();
        assertThat(RequiredLiterals.of("caf\u00e9")).isNull();
    }

    @Test
    void neverRejectsATextTheMatcherWouldMatch() throws IOException {
        List<String> patterns = new ArrayList<>(TRICKY);
        patterns.addAll(bundledRulePatterns());
        assertThat(patterns).hasSizeGreaterThan(TRICKY.size() + 5);
        Random random = new Random(7);
        int matched = 0;
        int filtered = 0;
        for (String regex : patterns) {
            Pattern pattern = Pattern.compile(regex);
            RequiredLiterals literals = RequiredLiterals.of(regex);
            List<String> fragments = fragments(regex);
            for (int i = 0; i < 3_000; i++) {
                String text = text(random, fragments);
                if (pattern.matcher(text).find()) {
                    matched++;
                    if (literals != null) {
                        assertThat(literals.mayMatch(text))
                                .as("'%s' on '%s'", regex, text)
                                .isTrue();
                    }
                } else if (literals != null && !literals.mayMatch(text)) {
                    filtered++;
                }
            }
        }
        assertThat(matched)
                .as("texts that match, so the check means something")
                .isGreaterThan(1000);
        assertThat(filtered).as("texts the condition spares the matcher").isGreaterThan(10_000);
    }

    private static List<String> bundledRulePatterns() throws IOException {
        List<String> out = new ArrayList<>();
        Path rules = Path.of("../cep-rules/rules");
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = QUOTED_REGEX.matcher(Files.readString(file));
                while (m.find()) {
                    out.add(m.group(1).replace("\\\\", "\\"));
                }
            }
        }
        return out;
    }

    /** Pieces to build texts from: the pattern's words in several cases, and noise. */
    private static List<String> fragments(String regex) {
        List<String> out = new ArrayList<>();
        for (String word : regex.split("[^A-Za-z0-9 ]+")) {
            if (!word.isBlank()) {
                out.add(word);
                out.add(word.toUpperCase(java.util.Locale.ROOT));
                if (word.length() > 2) {
                    out.add(word.substring(0, word.length() / 2));
                    out.add(word.substring(1));
                }
            }
        }
        out.addAll(
                List.of(
                        " ", "-", ".", "ms", "7", "\u017f", "\u212a", "\u00e9", "x", "]", "{",
                        "|"));
        return out;
    }

    private static String text(Random random, List<String> fragments) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            text.append(fragments.get(random.nextInt(fragments.size())));
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
