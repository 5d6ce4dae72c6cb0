package io.forewarn.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.config.ConfigException;
import io.forewarn.config.ConfigLoader;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.logs.template.MaskRule;
import io.forewarn.logs.template.MinerConfig;
import io.forewarn.logs.template.TemplateMiner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogMiningSettingsTest {

    @TempDir Path dir;

    @Test
    void defaultsAreGenericAndBounded() {
        LogMiningSettings settings = LogMiningSettings.from(ForewarnConfig.of(Map.of()));
        MinerConfig miner = settings.minerConfig("any");

        assertThat(miner.maxTemplates()).isEqualTo(5000);
        assertThat(miner.maxMemoryBytes()).isEqualTo(8L << 20);
        assertThat(miner.masking().isEnabled(MaskRule.HOST)).isTrue();
        assertThat(settings.maskingOverrides()).isEmpty();
        assertThat(settings.baselineAlpha()).isBetween(0.011, 0.012);
    }

    @Test
    void perServiceOverridesApplyOnTopOfTheGenericMasking() throws Exception {
        Path file = dir.resolve("forewarn.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "logs:",
                        "  masking:",
                        "    disabled-rules: [QUOTED]",
                        "    overrides:",
                        "      payments:",
                        "        disabled-rules: [HOST, PATH]",
                        "        extra-patterns: ['TCK-[0-9]+']",
                        "      shop.search:",
                        "        enabled-rules: [QUOTED]",
                        ""));
        LogMiningSettings settings =
                LogMiningSettings.from(new ConfigLoader(Map.of()).load(file, Map.of()));

        assertThat(settings.maskingOverrides()).containsOnlyKeys("payments", "shop.search");
        assertThat(settings.minerConfig("checkout").masking().isEnabled(MaskRule.QUOTED)).isFalse();
        assertThat(settings.minerConfig("shop.search").masking().isEnabled(MaskRule.QUOTED))
                .isTrue();
        MinerConfig payments = settings.minerConfig("payments");
        assertThat(payments.masking().isEnabled(MaskRule.HOST)).isFalse();
        assertThat(
                        new TemplateMiner(payments)
                                .mine("ticket TCK-1234 from h1.example.com")
                                .template())
                .isEqualTo("ticket <*> from h1.example.com");
        assertThat(
                        new TemplateMiner(settings.minerConfig("checkout"))
                                .mine("ticket TCK-1234 from h1.example.com")
                                .template())
                .isEqualTo("ticket TCK-<*> from <*>");
    }

    @Test
    void badOverridesAreConfigurationErrors() {
        assertThatThrownBy(
                        () ->
                                LogMiningSettings.from(
                                        ForewarnConfig.of(
                                                Map.of(
                                                        "logs.masking.overrides.payments.disabled-rules",
                                                        "HOSTS"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown masking rule 'HOSTS'");
        assertThatThrownBy(
                        () ->
                                LogMiningSettings.from(
                                        ForewarnConfig.of(
                                                Map.of("logs.masking.extra-patterns", "TCK-[0-9"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid pattern");
        assertThatThrownBy(
                        () ->
                                ForewarnConfig.of(
                                        Map.of("logs.masking.overrides.payments.rules", "HOST")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("disabled-rules, enabled-rules, extra-patterns");
        assertThatThrownBy(
                        () ->
                                LogMiningSettings.from(
                                        ForewarnConfig.of(
                                                Map.of("logs.state.idle-timeout", "1 min"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("logs.state.idle-timeout");
    }
}
