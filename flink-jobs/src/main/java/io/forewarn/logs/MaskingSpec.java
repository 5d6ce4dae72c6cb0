package io.forewarn.logs;

import io.forewarn.config.ConfigException;
import io.forewarn.logs.template.MaskRule;
import io.forewarn.logs.template.MaskingConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A change to the masking of the template miner, as configured: rules to switch off, rules to
 * switch back on, extra whole-token patterns. The generic setting and each per-service override are
 * one each; an override applies on top of the generic one.
 *
 * @param disabled rules switched off
 * @param enabled rules switched (back) on, after {@code disabled}
 * @param extraPatterns regular expressions; a token matching one entirely is masked
 */
public record MaskingSpec(
        List<MaskRule> disabled, List<MaskRule> enabled, List<String> extraPatterns)
        implements Serializable {

    /** No change. */
    public static final MaskingSpec NONE = new MaskingSpec(List.of(), List.of(), List.of());

    public MaskingSpec {
        disabled = List.copyOf(disabled);
        enabled = List.copyOf(enabled);
        extraPatterns = List.copyOf(extraPatterns);
    }

    /**
     * Parses configured rule names and patterns.
     *
     * @param where the option the values come from, for error messages
     * @throws ConfigException for an unknown rule or an invalid pattern
     */
    public static MaskingSpec parse(
            String where, List<String> disabled, List<String> enabled, List<String> patterns) {
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(
                        "Option '"
                                + where
                                + "' has an invalid pattern '"
                                + pattern
                                + "': "
                                + e.getDescription());
            }
        }
        return new MaskingSpec(rules(where, disabled), rules(where, enabled), patterns);
    }

    /** Applies this change to a masking configuration. */
    public MaskingConfig.Builder applyTo(MaskingConfig.Builder builder) {
        builder.disable(disabled.toArray(new MaskRule[0]));
        builder.enable(enabled.toArray(new MaskRule[0]));
        extraPatterns.forEach(builder::addPattern);
        return builder;
    }

    private static List<MaskRule> rules(String where, List<String> names) {
        List<MaskRule> rules = new ArrayList<>(names.size());
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                rules.add(MaskRule.valueOf(trimmed.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "Option '"
                                + where
                                + "' names an unknown masking rule '"
                                + trimmed
                                + "'; rules: "
                                + List.of(MaskRule.values()));
            }
        }
        return rules;
    }
}
