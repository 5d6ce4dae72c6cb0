package io.forewarn.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.rules.compile.RecordFields;
import io.forewarn.rules.model.RecordKind;
import io.forewarn.rules.parse.RuleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md documents every field conditions can use and every field of a rule file. */
class RulesDocsTest {

    private static final Path DOCS = Path.of("../docs/rules.md");

    @Test
    void everyFieldOfEveryRecordKindIsDocumentedWithItsType() throws Exception {
        String docs = Files.readString(DOCS);
        for (RecordKind kind : RecordKind.values()) {
            String section = docs.substring(docs.indexOf("**" + kind.yamlName() + "** (`match:"));
            section = section.substring(0, section.indexOf("\n\n", section.indexOf("| --- |")));
            for (RecordFields.Field f : RecordFields.of(kind).values()) {
                assertThat(section)
                        .as("%s field %s", kind.yamlName(), f.name())
                        .contains(
                                "| `"
                                        + f.name()
                                        + "` | "
                                        + f.type().celName()
                                        + " | "
                                        + f.doc()
                                        + " |");
            }
        }
    }

    @Test
    void everyRuleFieldIsDocumented() throws Exception {
        String docs = Files.readString(DOCS);
        for (String field : RuleParser.RULE_FIELDS) {
            assertThat(docs).as("rule field %s", field).contains("| `" + field + "` |");
        }
    }
}
