package io.forewarn.metrics;

import io.forewarn.metrics.anomaly.SeriesDetector;
import io.forewarn.metrics.forecast.BreachAlerts;
import io.forewarn.metrics.forecast.CapacityForecaster;
import io.forewarn.metrics.forecast.Deadlines;
import io.forewarn.metrics.forecast.ForecastConfig;
import io.forewarn.metrics.forecast.Outlook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything Forewarn learns about one metric series: the anomaly detector ({@link
 * SeriesDetector}), the capacity forecaster or deadline ({@link CapacityForecaster}, {@link
 * Deadlines}) and the alert state of its forecasts ({@link BreachAlerts}), as its {@link ModelSpec}
 * asks. Plain Java: the Flink operator and {@code forewarn eval nab} run this same class.
 *
 * <p>{@link #snapshot()} writes the state as bytes: a format version, then each part (the detector
 * through its own versioned snapshot). {@link #restore(byte[], ModelSpec)} reads them back under
 * the current spec: parts the spec no longer wants are dropped, new ones start cold.
 */
public final class SeriesModel {

    /** Version written first in every snapshot. */
    public static final int FORMAT_VERSION = 1;

    private static final int HAS_DETECTOR = 1;
    private static final int HAS_FORECASTER = 2;
    private static final int HAS_ALERTS = 4;

    private final ModelSpec spec;
    private final SeriesDetector detector;
    private final CapacityForecaster forecaster;
    private final BreachAlerts alerts;

    private SeriesModel(
            ModelSpec spec,
            SeriesDetector detector,
            CapacityForecaster forecaster,
            BreachAlerts alerts) {
        this.spec = spec;
        this.detector = detector;
        this.forecaster = forecaster;
        this.alerts = alerts;
    }

    /** A cold model. */
    public static SeriesModel create(ModelSpec spec) {
        return new SeriesModel(
                spec,
                spec.detector() == null
                        ? null
                        : new SeriesDetector(spec.detector(), spec.boundingBoxCacheFraction()),
                trendForecasting(spec)
                        ? new CapacityForecaster(spec.forecast(), spec.threshold())
                        : null,
                spec.forecasts() ? new BreachAlerts(spec.alerts()) : null);
    }

    private static boolean trendForecasting(ModelSpec spec) {
        return spec.forecasts() && !spec.deadline();
    }

    /** Points the anomaly detector accepted so far (0 without one). */
    public long pointsSeen() {
        return detector == null ? 0 : detector.pointsSeen();
    }

    /** Scores and learns one point, in arrival order. */
    public ModelOutput update(long timestampMillis, double value) {
        var anomaly = detector == null ? null : detector.update(timestampMillis, value);
        Outlook outlook = null;
        if (forecaster != null) {
            outlook = forecaster.update(timestampMillis, value);
        } else if (spec.deadline() && Double.isFinite(value)) {
            outlook =
                    Deadlines.outlook(timestampMillis, value, spec.forecast().horizon().toMillis());
        }
        BreachAlerts.Action alert =
                outlook == null ? BreachAlerts.Action.NONE : alerts.on(outlook, timestampMillis);
        return new ModelOutput(anomaly, outlook, alert);
    }

    /** The full state as bytes (no Java serialization). */
    public byte[] snapshot() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT_VERSION);
            int parts =
                    (detector != null ? HAS_DETECTOR : 0)
                            | (forecaster != null ? HAS_FORECASTER : 0)
                            | (alerts != null ? HAS_ALERTS : 0);
            out.writeByte(parts);
            if (detector != null) {
                byte[] d = detector.snapshot();
                out.writeInt(d.length);
                out.write(d);
            }
            if (forecaster != null) {
                forecaster.write(out);
            }
            if (alerts != null) {
                alerts.write(out);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write series model snapshot", e);
        }
    }

    /**
     * Rebuilds a model from {@link #snapshot()} bytes under {@code spec}.
     *
     * @throws IllegalArgumentException if the bytes are not a snapshot of a supported version
     */
    public static SeriesModel restore(byte[] snapshot, ModelSpec spec) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "unsupported series model snapshot version "
                                + version
                                + " (this build reads "
                                + FORMAT_VERSION
                                + ")");
            }
            int parts = in.readByte();
            SeriesDetector detector = null;
            if ((parts & HAS_DETECTOR) != 0) {
                byte[] d = new byte[in.readInt()];
                in.readFully(d);
                detector = spec.detector() == null ? null : SeriesDetector.restore(d);
            }
            if (detector == null && spec.detector() != null) {
                detector = new SeriesDetector(spec.detector());
            }
            CapacityForecaster forecaster = null;
            if ((parts & HAS_FORECASTER) != 0) {
                // read it under the current settings; drop it if they no longer forecast by trend
                ForecastConfig readAs =
                        trendForecasting(spec) ? spec.forecast() : ForecastConfig.defaults();
                CapacityForecaster read = CapacityForecaster.read(in, readAs, spec.threshold());
                forecaster = trendForecasting(spec) ? read : null;
            }
            if (forecaster == null && trendForecasting(spec)) {
                forecaster = new CapacityForecaster(spec.forecast(), spec.threshold());
            }
            BreachAlerts alerts = null;
            if ((parts & HAS_ALERTS) != 0) {
                alerts = BreachAlerts.read(in, spec.alerts());
                alerts = spec.forecasts() ? alerts : null;
            }
            if (alerts == null && spec.forecasts()) {
                alerts = new BreachAlerts(spec.alerts());
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after series model snapshot");
            }
            return new SeriesModel(spec, detector, forecaster, alerts);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt series model snapshot", e);
        }
    }
}
