package io.forewarn.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules engine's layers: the parser is plain Java; the compiler may use Flink CEP's pattern
 * classes but neither layer depends on the Flink runtime, the streaming API or the operators.
 */
class RulesLayeringTest {

    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.forewarn.rules");

    @Test
    void theParserIsPlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage("io.forewarn.rules.model..", "io.forewarn.rules.parse..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.flink..",
                        "dev.cel..",
                        "io.forewarn.rules.compile..",
                        "io.forewarn.rules.runtime..")
                .check(CLASSES);
    }

    @Test
    void theCompilerDoesNotDependOnTheFlinkRuntime() {
        noClasses()
                .that()
                .resideInAnyPackage("io.forewarn.rules.compile..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.flink.streaming..",
                        "org.apache.flink.runtime..",
                        "org.apache.flink.api.common.state..",
                        "org.apache.flink.cep.operator..",
                        "org.apache.flink.cep.nfa.sharedbuffer..",
                        "io.forewarn.rules.runtime..",
                        "io.forewarn.rules.testing..")
                .check(CLASSES);
    }
}
