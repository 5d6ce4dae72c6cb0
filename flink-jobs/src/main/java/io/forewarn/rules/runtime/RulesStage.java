package io.forewarn.rules.runtime;

import static io.forewarn.config.ForewarnOptions.RULES_BUNDLED_DIR;
import static io.forewarn.config.ForewarnOptions.RULES_LOAD_BUNDLED;

import io.forewarn.config.ForewarnConfig;
import io.forewarn.detect.AvroStreamType;
import io.forewarn.detect.Descriptors;
import io.forewarn.schema.ControlStatus;
import io.forewarn.schema.DependencyStatus;
import io.forewarn.schema.DeploymentEvent;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricSample;
import io.forewarn.schema.RuleUpdate;
import io.forewarn.schema.Signal;
import io.forewarn.schema.state.RuleRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The dynamic CEP rules stage of a job:
 *
 * <pre>
 * logs, metrics, deployments,
 * dependency status, signals ─► RuleRouter ─► keyBy(key) ─► RuleOperator ─► Signals
 *                                   ▲                            ▲  └─► ControlStatus (side output)
 *            rule updates (broadcast) ───────────────────────────┘
 * </pre>
 *
 * Records must carry event-time timestamps and watermarks; the control stream needs neither.
 */
public final class RulesStage {

    public static final String ROUTER_UID = "rules-router";
    public static final String OPERATOR_UID = "rules-cep";

    private RulesStage() {}

    /**
     * What the stage produces.
     *
     * @param signals one Signal per rule match, timestamped with the match's event time
     * @param statuses rule activations, rejections, removals and limit hits
     */
    public record Result(
            SingleOutputStreamOperator<Signal> signals, DataStream<ControlStatus> statuses) {}

    /** Adds the router and the rule operator; their uids and names are stable. */
    public static Result apply(
            DataStream<RuleRecord> records,
            DataStream<RuleUpdate> updates,
            RuleSettings settings,
            List<RuleUpdate> bundled) {
        DataStream<RuleUpdate> control = updates.broadcast();
        SingleOutputStreamOperator<RuleRecord> routed =
                records.connect(control)
                        .transform(
                                "Route records to CEP rules",
                                new AvroStreamType<>(RuleRecord.class),
                                new RuleRouter(settings, bundled))
                        .uid(ROUTER_UID)
                        .name("Route records to CEP rules");
        SingleOutputStreamOperator<Signal> signals =
                routed.keyBy(RuleRecord::getKey, Types.STRING)
                        .connect(control)
                        .transform(
                                "Dynamic CEP rules",
                                new AvroStreamType<>(Signal.class),
                                new RuleOperator<>(settings, bundled, new SignalMatchHandler()))
                        .uid(OPERATOR_UID)
                        .name("Dynamic CEP rules");
        return new Result(signals, signals.getSideOutput(Descriptors.RULE_STATUS));
    }

    /**
     * The records rules can match, as one stream of {@link RuleRecord}s; null inputs are left out.
     * Each input keeps its timestamps.
     */
    public static DataStream<RuleRecord> records(
            DataStream<LogRecord> logs,
            DataStream<MetricSample> metrics,
            DataStream<DeploymentEvent> deployments,
            DataStream<DependencyStatus> dependencies,
            DataStream<Signal> signals) {
        List<DataStream<RuleRecord>> wrapped = new ArrayList<>();
        wrap(wrapped, logs, "logs");
        wrap(wrapped, metrics, "metrics");
        wrap(wrapped, deployments, "deployments");
        wrap(wrapped, dependencies, "dependencies");
        wrap(wrapped, signals, "signals");
        DataStream<RuleRecord> out = wrapped.get(0);
        for (DataStream<RuleRecord> more : wrapped.subList(1, wrapped.size())) {
            out = out.union(more);
        }
        return out;
    }

    private static <T> void wrap(
            List<DataStream<RuleRecord>> out, DataStream<T> input, String name) {
        if (input != null) {
            out.add(
                    input.map(new RuleRecords<T>())
                            .returns(new AvroStreamType<>(RuleRecord.class))
                            .uid("rules-input-" + name)
                            .name(
                                    name.substring(0, 1).toUpperCase(Locale.ROOT)
                                            + name.substring(1)
                                            + " as rule records"));
        }
    }

    /** The bundled rules the configuration asks for: a directory, the built-in library, or none. */
    public static List<RuleUpdate> bundled(ForewarnConfig config) throws IOException {
        if (!config.get(RULES_LOAD_BUNDLED)) {
            return List.of();
        }
        var dir = config.getOptional(RULES_BUNDLED_DIR);
        return dir.isPresent()
                ? BundledRules.fromDirectory(Path.of(dir.get()))
                : BundledRules.builtIn();
    }
}
