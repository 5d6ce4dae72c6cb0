package io.forewarn.metrics;

import io.forewarn.metrics.anomaly.DetectorConfig;
import java.util.Map;
import java.util.TreeMap;

/** The anomaly detector's settings: the evaluated defaults with overrides by field name. */
public final class DetectorOverrides {

    private DetectorOverrides() {}

    /**
     * {@link DetectorConfig#defaults()} with each override applied by field name, e.g. {@code
     * warmupPoints=300}.
     *
     * @throws IllegalArgumentException for an unknown name or an invalid value
     */
    public static DetectorConfig apply(Map<String, String> overrides) {
        DetectorConfig.Builder builder = DetectorConfig.defaults().toBuilder();
        new TreeMap<>(overrides)
                .forEach(
                        (name, value) -> {
                            try {
                                builder.set(name.trim(), value.trim());
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException(
                                        "detector option "
                                                + name
                                                + ": '"
                                                + value
                                                + "' is not a number",
                                        e);
                            }
                        });
        return builder.build();
    }
}
