package io.forewarn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.forewarn.ingest.RecordDecoder;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of the job module (STYLE.md: each layer testable alone). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.forewarn");
    }

    @Test
    void decodersArePlainJava() {
        noClasses()
                .that()
                .implement(RecordDecoder.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.flink..", "org.apache.kafka..")
                .because("decoders turn bytes into records and are tested without Flink or Kafka")
                .check(classes);
    }

    @Test
    void processingFunctionsDoNotTouchConnectors() {
        noClasses()
                .that()
                .areAssignableTo(KeyedProcessFunction.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.flink.connector..",
                        "org.apache.kafka..",
                        "co.elastic..",
                        "io.forewarn.sink..",
                        "io.forewarn.local..")
                .because(
                        "functions get their inputs and outputs from the topology, so tests can"
                                + " plug in any source and sink")
                .check(classes);
    }

    @Test
    void theTemplateMinerIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("io.forewarn.logs.template..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "io.forewarn.logs.template..")
                .because(
                        "the same miner runs in the job, the command line and the benchmarks, and"
                                + " is tested alone")
                .check(classes);
    }

    @Test
    void logHistoryAnalysisRunsWithoutFlink() {
        noClasses()
                .that()
                .resideInAPackage("io.forewarn.logs.history..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.flink..", "org.apache.kafka..", "co.elastic..")
                .because("forewarn logs analyze reads files, not streams")
                .check(classes);
    }

    @Test
    void configurationDependsOnNothingOfTheJob() {
        noClasses()
                .that()
                .resideInAPackage("io.forewarn.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.forewarn.detect..",
                        "io.forewarn.ingest..",
                        "io.forewarn.sink..",
                        "io.forewarn.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineAndTheDemoStartLocalServices() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.forewarn.cli..", "io.forewarn.demo..", "io.forewarn.local..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.forewarn.local..")
                .because("the job never starts services itself")
                .check(classes);
    }
}
