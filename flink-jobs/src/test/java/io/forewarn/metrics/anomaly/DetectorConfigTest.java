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
                        .build();
        assertThat(config.suppressionPoints).isEqualTo(40);
        assertThat(config.forestThreshold).isEqualTo(3.5);
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
                        .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        config.write(new DataOutputStream(bytes));

        DetectorConfig read =
                DetectorConfig.read(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read).usingRecursiveComparison().isEqualTo(config);
    }
}
