package io.forewarn.logs.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which variable parts of a log message are masked. The {@linkplain #defaults() default} works
 * without per-source tuning; per-source overrides disable rules, change the unit lists or add extra
 * regular-expression rules. Extra rules are evaluated only on tokens the built-in scanner left
 * (partly) constant, so they cost nothing when none are configured.
 *
 * <p>Instances are immutable; use {@link #toBuilder()} to derive a variant.
 */
public final class MaskingConfig {

    /** Size units recognised after a number by {@link MaskRule#SIZE}. */
    public static final List<String> DEFAULT_SIZE_UNITS =
            List.of(
                    "B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "kB", "bytes",
                    "byte");

    /** Duration unit symbols recognised after a number by {@link MaskRule#DURATION}. */
    public static final List<String> DEFAULT_DURATION_UNITS =
            List.of(
                    "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "min", "mins", "h", "hr",
                    "hrs");

    private static final MaskingConfig DEFAULTS = new Builder().build();

    private final Set<MaskRule> enabled;
    private final int identifierMinDigits;
    private final int hexMinLength;
    private final List<String> sizeUnits;
    private final List<String> durationUnits;
    private final List<Pattern> extraPatterns;

    private MaskingConfig(Builder b) {
        this.enabled =
                EnumSet.copyOf(b.enabled.isEmpty() ? EnumSet.noneOf(MaskRule.class) : b.enabled);
        this.identifierMinDigits = b.identifierMinDigits;
        this.hexMinLength = b.hexMinLength;
        this.sizeUnits = List.copyOf(b.sizeUnits);
        this.durationUnits = List.copyOf(b.durationUnits);
        this.extraPatterns = List.copyOf(b.extraPatterns);
    }

    /** The generic default: every {@link MaskRule} enabled. */
    public static MaskingConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = EnumSet.noneOf(MaskRule.class);
        b.enabled.addAll(enabled);
        b.identifierMinDigits = identifierMinDigits;
        b.hexMinLength = hexMinLength;
        b.sizeUnits = new ArrayList<>(sizeUnits);
        b.durationUnits = new ArrayList<>(durationUnits);
        b.extraPatterns = new ArrayList<>(extraPatterns);
        return b;
    }

    public boolean isEnabled(MaskRule rule) {
        return enabled.contains(rule);
    }

    /** Minimum number of digits for a word that starts with a letter to count as an identifier. */
    public int identifierMinDigits() {
        return identifierMinDigits;
    }

    /** Minimum length of a bare (un-prefixed) hex string starting with a letter. */
    public int hexMinLength() {
        return hexMinLength;
    }

    public List<String> sizeUnits() {
        return sizeUnits;
    }

    public List<String> durationUnits() {
        return durationUnits;
    }

    /** Extra whole-token rules; a token core that fully matches one is masked. */
    public List<Pattern> extraPatterns() {
        return extraPatterns;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MaskingConfig)) {
            return false;
        }
        MaskingConfig c = (MaskingConfig) o;
        return enabled.equals(c.enabled)
                && identifierMinDigits == c.identifierMinDigits
                && hexMinLength == c.hexMinLength
                && sizeUnits.equals(c.sizeUnits)
                && durationUnits.equals(c.durationUnits)
                && patternsAsText(extraPatterns).equals(patternsAsText(c.extraPatterns));
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                enabled,
                identifierMinDigits,
                hexMinLength,
                sizeUnits,
                durationUnits,
                patternsAsText(extraPatterns));
    }

    @Override
    public String toString() {
        return "MaskingConfig{enabled="
                + enabled
                + ", identifierMinDigits="
                + identifierMinDigits
                + ", hexMinLength="
                + hexMinLength
                + ", sizeUnits="
                + sizeUnits
                + ", durationUnits="
                + durationUnits
                + ", extraPatterns="
                + patternsAsText(extraPatterns)
                + "}";
    }

    private static List<String> patternsAsText(List<Pattern> patterns) {
        List<String> out = new ArrayList<>(patterns.size());
        for (Pattern p : patterns) {
            out.add(p.pattern() + "/" + p.flags());
        }
        return out;
    }

    /** Mutable builder for {@link MaskingConfig}. */
    public static final class Builder {
        private EnumSet<MaskRule> enabled = EnumSet.allOf(MaskRule.class);
        private int identifierMinDigits = 2;
        private int hexMinLength = 6;
        private List<String> sizeUnits = new ArrayList<>(DEFAULT_SIZE_UNITS);
        private List<String> durationUnits = new ArrayList<>(DEFAULT_DURATION_UNITS);
        private List<Pattern> extraPatterns = new ArrayList<>();

        private Builder() {}

        public Builder disable(MaskRule... rules) {
            for (MaskRule r : rules) {
                enabled.remove(r);
            }
            return this;
        }

        public Builder enable(MaskRule... rules) {
            for (MaskRule r : rules) {
                enabled.add(r);
            }
            return this;
        }

        public Builder identifierMinDigits(int digits) {
            if (digits < 1) {
                throw new IllegalArgumentException("identifierMinDigits must be >= 1: " + digits);
            }
            this.identifierMinDigits = digits;
            return this;
        }

        public Builder hexMinLength(int length) {
            if (length < 2) {
                throw new IllegalArgumentException("hexMinLength must be >= 2: " + length);
            }
            this.hexMinLength = length;
            return this;
        }

        public Builder sizeUnits(Collection<String> units) {
            this.sizeUnits = new ArrayList<>(units);
            return this;
        }

        public Builder durationUnits(Collection<String> units) {
            this.durationUnits = new ArrayList<>(units);
            return this;
        }

        /** Adds a whole-token rule, e.g. {@code "TCK-[0-9]+"} for ticket numbers. */
        public Builder addPattern(String regex) {
            this.extraPatterns.add(Pattern.compile(regex));
            return this;
        }

        public MaskingConfig build() {
            return new MaskingConfig(this);
        }
    }
}
