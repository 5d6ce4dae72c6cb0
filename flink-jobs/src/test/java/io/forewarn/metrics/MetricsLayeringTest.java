package io.forewarn.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The metric models are plain Java: no Flink, no job code. The Flink operators and {@code forewarn
 * eval nab} run the same classes, and improved detector classes can be dropped into {@code
 * io.forewarn.metrics.anomaly} as they are.
 */
class MetricsLayeringTest {

    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.forewarn.metrics");

    @Test
    void metricModelsDependOnNeitherFlinkNorTheJob() {
        noClasses()
                .that()
                .resideInAPackage("io.forewarn.metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.flink..",
                        "io.forewarn.detect..",
                        "io.forewarn.config..",
                        "io.forewarn.schema..",
                        "io.forewarn.cli..")
                .check(MAIN);
    }

    @Test
    void theDetectorCoreDependsOnlyOnTheJdkAndRandomCutForest() {
        noClasses()
                .that()
                .resideInAPackage("io.forewarn.metrics.anomaly..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.forewarn.metrics.anomaly..", "java..", "com.amazon.randomcutforest..")
                .check(MAIN);
    }
}
