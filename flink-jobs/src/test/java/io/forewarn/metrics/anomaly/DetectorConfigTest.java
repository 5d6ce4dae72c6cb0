package io.forewarn.metrics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class DetectorConfigTest {

    @Test
    void setOverridesOneOptionByName() {
        DetectorConfig config =
                DetectorConfig.builder()
                        .set("suppressionPoints", "40")
                        .set("forestThreshold", "3.5")
                        .set("artThreshold", "0.2")
                        .set("artCategories", "0")
                        .build();
        assertThat(config.suppressionPoints).isEqualTo(40);
        assertThat(config.forestThreshold).isEqualTo(3.5);
        assertThat(config.artThreshold).isEqualTo(0.2);
        assertThat(config.artCategories).isZero();
        assertThat(config.numberOfTrees).isEqualTo(DetectorConfig.defaults().numberOfTrees);
    }

    @Test
    void rejectsUnknownOptionsAndInvalidValues() {
        assertThatThrownBy(() -> DetectorConfig.builder().set("trees", "3"))
                .hasMessageContaining("unknown detector option: trees");
        assertThatThrownBy(() -> DetectorConfig.builder().numberOfTrees(0).build())
                .hasMessageContaining("numberOfTrees");
        assertThatThrownBy(() -> DetectorConfig.builder().seasonAlpha(1.5).build())
                .hasMessageContaining("seasonAlpha");
        assertThatThrownBy(() -> DetectorConfig.builder().seasonBinSeconds(7_000).build())
                .hasMessageContaining("divide");
        assertThatThrownBy(() -> DetectorConfig.builder().artVigilance(0).build())
                .hasMessageContaining("artVigilance");
        assertThatThrownBy(() -> DetectorConfig.builder().artCategories(-1).build())
                .hasMessageContaining("artCategories");
    }

    @Test
    void writesAndReadsEveryOption() throws Exception {
        DetectorConfig config =
                DetectorConfig.defaults().toBuilder()
                        .shingleSize(4)
                        .randomSeed(7)
                        .envelopeAlpha(0.01)
                        .flatlineThreshold(3)
                        .suppressionPoints(9)
                        .artWindow(6)
                        .artCategories(40)
                        .artVigilance(0.8)
                        .artLearningRate(0.2)
                        .artThreshold(0.3)
                        .artMaxCreationRate(0.5)
                        .artRateMemory(500)
                        .artResolutionSteps(4)
                        .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        config.write(new DataOutputStream(bytes));

        DetectorConfig read =
                DetectorConfig.read(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read).usingRecursiveComparison().isEqualTo(config);
    }

    @Test
    void readsFormatOneSettingsWithShapeNoveltyDisabled() throws Exception {
        DetectorConfig config = DetectorConfig.defaults().toBuilder().suppressionPoints(9).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        config.write(new DataOutputStream(bytes));

        DetectorConfig read =
                DetectorConfig.read(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1);

        assertThat(read.suppressionPoints).isEqualTo(9);
        assertThat(read.artCategories).isZero();
    }
}
