package io.forewarn.detect.metrics;

import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.SeriesModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * A series' live model in {@link SeriesModelOperator}, and its stored form: the bytes in {@link
 * io.forewarn.detect.Descriptors#METRIC_MODEL} are a format version, the family the model was built
 * for, the time of its latest point and the {@link SeriesModel} snapshot (itself versioned).
 */
final class ModelState {

    /** Version written first in the stored bytes. */
    static final int FORMAT_VERSION = 1;

    final SeriesModel model;
    final String family;
    long lastPoint;

    /** Changed since it was last written to keyed state. */
    boolean dirty;

    /** Size of the bytes last written to (or read from) keyed state; 0 if never written. */
    int storedBytes;

    ModelState(SeriesModel model, String family, long lastPoint) {
        this.model = model;
        this.family = family;
        this.lastPoint = lastPoint;
    }

    byte[] toBytes() {
        byte[] snapshot = model.snapshot();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(snapshot.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(family);
            out.writeLong(lastPoint);
            out.writeInt(snapshot.length);
            out.write(snapshot);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model state", e);
        }
    }

    /** The time of the latest point from stored bytes, without rebuilding the model. */
    static long lastPoint(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkVersion(in.readInt());
            in.readUTF();
            return in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model state", e);
        }
    }

    private static void checkVersion(int version) {
        if (version != FORMAT_VERSION) {
            throw new IllegalStateException(
                    "unsupported metric model state version "
                            + version
                            + " (this build reads "
                            + FORMAT_VERSION
                            + ")");
        }
    }

    /**
     * Reads stored bytes; the model is rebuilt under the spec of {@code family} (the current family
     * of the series, which may differ from the stored one after a configuration change).
     */
    static ModelState fromBytes(byte[] bytes, String family, Function<String, ModelSpec> specs) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            checkVersion(in.readInt());
            String storedFamily = in.readUTF();
            long lastPoint = in.readLong();
            byte[] snapshot = new byte[in.readInt()];
            in.readFully(snapshot);
            String current = family == null ? storedFamily : family;
            ModelState state =
                    new ModelState(
                            SeriesModel.restore(snapshot, specs.apply(current)),
                            current,
                            lastPoint);
            state.storedBytes = bytes.length;
            state.dirty = !current.equals(storedFamily);
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model state", e);
        }
    }
}
