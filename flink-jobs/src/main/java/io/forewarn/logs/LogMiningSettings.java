package io.forewarn.logs;

import static io.forewarn.config.ForewarnOptions.*;

import io.forewarn.config.ConfigException;
import io.forewarn.config.ForewarnConfig;
import io.forewarn.logs.template.MaskingConfig;
import io.forewarn.logs.template.MinerConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the log template stage (the {@code logs.*} options): miner bounds, masking (generic
 * and per service), rate interval, signal thresholds, sequence bounds and the idle timeout.
 *
 * @param maxTemplates live templates per service
 * @param maxMemoryBytes estimated template memory per service
 * @param maxAliases remembered id aliases per service
 * @param maxLiveServices miners kept deserialised per parallel instance
 * @param masking generic masking change
 * @param maskingOverrides per-service masking changes, applied on top of {@code masking}
 * @param slide interval of rates, burst checks and template document updates
 * @param warmUp learning time of a new service before its signals start
 * @param rareShare share of a service's lines below which a template is rare
 * @param rareCooldown at most one rare-template signal per template in this time
 * @param burstMinLines lines per interval a burst needs
 * @param burstMinZScore standard deviations above the baseline rate a burst needs
 * @param baselineHalfLife half-life of a template's baseline rate
 * @param transitionMinExpected expected count under independence a new transition needs
 * @param maxTransitions transitions remembered per service
 * @param maxHosts hosts tracked per service for transitions
 * @param idleTimeout a service silent this long loses its state
 */
public record LogMiningSettings(
        int maxTemplates,
        long maxMemoryBytes,
        int maxAliases,
        int maxLiveServices,
        MaskingSpec masking,
        Map<String, MaskingSpec> maskingOverrides,
        Duration slide,
        Duration warmUp,
        double rareShare,
        Duration rareCooldown,
        int burstMinLines,
        double burstMinZScore,
        Duration baselineHalfLife,
        double transitionMinExpected,
        int maxTransitions,
        int maxHosts,
        Duration idleTimeout)
        implements Serializable {

    public LogMiningSettings {
        maskingOverrides = Map.copyOf(maskingOverrides);
    }

    /**
     * Reads and checks the {@code logs.*} options.
     *
     * @throws ConfigException for invalid values or overrides
     */
    public static LogMiningSettings from(ForewarnConfig config) {
        MaskingSpec generic =
                MaskingSpec.parse(
                        LOGS_MASKING_DISABLED_RULES.key(),
                        config.get(LOGS_MASKING_DISABLED_RULES),
                        List.of(),
                        config.get(LOGS_MASKING_EXTRA_PATTERNS));
        LogMiningSettings settings =
                new LogMiningSettings(
                        config.get(LOGS_MAX_TEMPLATES),
                        config.get(LOGS_MAX_MEMORY).getBytes(),
                        config.get(LOGS_MAX_ALIASES),
                        config.get(LOGS_MAX_LIVE_SERVICES),
                        generic,
                        overrides(config),
                        config.get(LOGS_RATE_SLIDE),
                        config.get(LOGS_WARM_UP),
                        config.get(LOGS_RARE_SHARE),
                        config.get(LOGS_RARE_COOLDOWN),
                        config.get(LOGS_BURST_MIN_LINES),
                        config.get(LOGS_BURST_MIN_ZSCORE),
                        config.get(LOGS_BASELINE_HALF_LIFE),
                        config.get(LOGS_TRANSITION_MIN_EXPECTED),
                        config.get(LOGS_MAX_TRANSITIONS),
                        config.get(LOGS_MAX_HOSTS),
                        config.get(LOGS_IDLE_TIMEOUT));
        settings.check();
        return settings;
    }

    /** The miner configuration for one service: bounds, generic masking and its override. */
    public MinerConfig minerConfig(String service) {
        MaskingConfig.Builder masking = masking().applyTo(MaskingConfig.defaults().toBuilder());
        MaskingSpec override = maskingOverrides.get(service);
        if (override != null) {
            override.applyTo(masking);
        }
        return MinerConfig.builder()
                .masking(masking.build())
                .maxTemplates(maxTemplates)
                .maxMemoryBytes(maxMemoryBytes)
                .maxAliases(maxAliases)
                .build();
    }

    /** Weight of one interval in a template's exponentially weighted baseline rate. */
    public double baselineAlpha() {
        return 1 - Math.pow(0.5, (double) slide.toMillis() / baselineHalfLife.toMillis());
    }

    private void check() {
        require(maxTemplates >= 1, LOGS_MAX_TEMPLATES.key() + " must be at least 1");
        require(maxMemoryBytes >= 1024, LOGS_MAX_MEMORY.key() + " must be at least 1kb");
        require(maxAliases >= 0, LOGS_MAX_ALIASES.key() + " must not be negative");
        require(maxLiveServices >= 1, LOGS_MAX_LIVE_SERVICES.key() + " must be at least 1");
        require(slide.toMillis() >= 1000, LOGS_RATE_SLIDE.key() + " must be at least 1 s");
        require(!warmUp.isNegative(), LOGS_WARM_UP.key() + " must not be negative");
        require(rareShare >= 0 && rareShare < 1, LOGS_RARE_SHARE.key() + " must be in [0, 1)");
        require(burstMinLines >= 1, LOGS_BURST_MIN_LINES.key() + " must be at least 1");
        require(
                baselineHalfLife.compareTo(slide) >= 0,
                LOGS_BASELINE_HALF_LIFE.key() + " must be at least " + LOGS_RATE_SLIDE.key());
        require(maxTransitions >= 16, LOGS_MAX_TRANSITIONS.key() + " must be at least 16");
        require(maxHosts >= 1, LOGS_MAX_HOSTS.key() + " must be at least 1");
        require(
                idleTimeout.compareTo(slide.multipliedBy(2)) >= 0,
                LOGS_IDLE_TIMEOUT.key() + " must be at least twice " + LOGS_RATE_SLIDE.key());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    /** {@code logs.masking.overrides.SERVICE.KEY} values grouped by service. */
    private static Map<String, MaskingSpec> overrides(ForewarnConfig config) {
        Map<String, Map<String, String>> byService = new TreeMap<>();
        config.valuesWithPrefix(LOG_MASKING_OVERRIDES_PREFIX)
                .forEach(
                        (key, value) -> {
                            int dot = key.lastIndexOf('.');
                            byService
                                    .computeIfAbsent(key.substring(0, dot), s -> new TreeMap<>())
                                    .put(key.substring(dot + 1), value);
                        });
        Map<String, MaskingSpec> out = new TreeMap<>();
        byService.forEach(
                (service, values) ->
                        out.put(
                                service,
                                MaskingSpec.parse(
                                        LOG_MASKING_OVERRIDES_PREFIX + service,
                                        list(values.get("disabled-rules")),
                                        list(values.get("enabled-rules")),
                                        list(values.get("extra-patterns")))));
        return out;
    }

    /** A list option's text form: values separated by ';' (YAML lists are joined so). */
    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(";"));
    }
}
