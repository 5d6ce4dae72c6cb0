package io.forewarn.rules.runtime;

import io.forewarn.rules.compile.RecordFields;
import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.state.RuleKeyKind;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routing keys of a record, one per key kind it has: {@code service:checkout}, {@code
 * host:web-1}, ...
 */
public final class RuleKeys {

    private RuleKeys() {}

    /** The key of a record for a key kind, or null when the record has no such entity. */
    public static String keyOf(KeyKind kind, Object record) {
        switch (kind) {
            case SERVICE:
                {
                    String service = RecordFields.serviceOf(record);
                    return service.isEmpty() ? null : kind.key(service);
                }
            case HOST:
                {
                    String host = RecordFields.hostOf(record);
                    return host.isEmpty() ? null : kind.key(host);
                }
            default:
                return record instanceof MetricSample m ? kind.key(seriesOf(m)) : null;
        }
    }

    /**
     * A metric series: name, sorted labels, service and host, e.g. {@code
     * disk_used_ratio{mount="/"}@checkout/web-1}.
     */
    public static String seriesOf(MetricSample m) {
        StringBuilder out = new StringBuilder(m.getName());
        if (!m.getLabels().isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(m.getLabels()).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(e.getKey()).append("=\"").append(e.getValue()).append('"');
            }
            out.append('}');
        }
        out.append('@').append(m.getService() == null ? "" : m.getService());
        out.append('/').append(m.getHost() == null ? "" : m.getHost());
        return out.toString();
    }

    /** The rule model's kind of each record kind, by ordinal (asked once per record and rule). */
    private static final KeyKind[] MODEL_KINDS =
            Arrays.stream(RuleKeyKind.values())
                    .map(k -> KeyKind.valueOf(k.name()))
                    .toArray(KeyKind[]::new);

    static KeyKind toModel(RuleKeyKind kind) {
        return MODEL_KINDS[kind.ordinal()];
    }

    static RuleKeyKind toRecord(KeyKind kind) {
        return RuleKeyKind.valueOf(kind.name());
    }
}
