package io.forewarn.metrics.anomaly;

import com.amazon.randomcutforest.state.ExecutionContext;
import com.amazon.randomcutforest.state.RandomCutForestState;
import com.amazon.randomcutforest.state.sampler.CompactSamplerState;
import com.amazon.randomcutforest.state.store.NodeStoreState;
import com.amazon.randomcutforest.state.store.PointStoreState;
import com.amazon.randomcutforest.state.tree.CompactRandomCutTreeState;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link RandomCutForestState} (the library's own state object) field by field, without
 * Java serialization or Kryo. Field order is the format: change it only together with {@link
 * SeriesDetector#FORMAT_VERSION}.
 */
final class ForestStateCodec {

    private ForestStateCodec() {}

    static void write(RandomCutForestState s, DataOutput out) throws IOException {
        writeString(s.getVersion(), out);
        out.writeLong(s.getTotalUpdates());
        out.writeDouble(s.getTimeDecay());
        out.writeInt(s.getNumberOfTrees());
        out.writeInt(s.getSampleSize());
        out.writeInt(s.getShingleSize());
        out.writeInt(s.getDimensions());
        out.writeInt(s.getOutputAfter());
        out.writeBoolean(s.isCompressed());
        out.writeBoolean(s.isPartialTreeState());
        out.writeDouble(s.getBoundingBoxCacheFraction());
        out.writeBoolean(s.isStoreSequenceIndexesEnabled());
        out.writeBoolean(s.isCompact());
        out.writeBoolean(s.isInternalShinglingEnabled());
        out.writeBoolean(s.isCenterOfMassEnabled());
        writeString(s.getPrecision(), out);
        out.writeBoolean(s.isSaveTreeStateEnabled());
        out.writeBoolean(s.isSaveSamplerStateEnabled());
        out.writeBoolean(s.isSaveCoordinatorStateEnabled());
        out.writeBoolean(s.isCurrentlySampling());
        writeContext(s.getExecutionContext(), out);
        writePointStore(s.getPointStoreState(), out);
        List<CompactSamplerState> samplers = s.getCompactSamplerStates();
        out.writeInt(samplers == null ? -1 : samplers.size());
        if (samplers != null) {
            for (CompactSamplerState sampler : samplers) {
                writeSampler(sampler, out);
            }
        }
        List<CompactRandomCutTreeState> trees = s.getCompactRandomCutTreeStates();
        out.writeInt(trees == null ? -1 : trees.size());
        if (trees != null) {
            for (CompactRandomCutTreeState tree : trees) {
                writeTree(tree, out);
            }
        }
    }

    static RandomCutForestState read(DataInput in) throws IOException {
        RandomCutForestState s = new RandomCutForestState();
        s.setVersion(readString(in));
        s.setTotalUpdates(in.readLong());
        s.setTimeDecay(in.readDouble());
        s.setNumberOfTrees(in.readInt());
        s.setSampleSize(in.readInt());
        s.setShingleSize(in.readInt());
        s.setDimensions(in.readInt());
        s.setOutputAfter(in.readInt());
        s.setCompressed(in.readBoolean());
        s.setPartialTreeState(in.readBoolean());
        s.setBoundingBoxCacheFraction(in.readDouble());
        s.setStoreSequenceIndexesEnabled(in.readBoolean());
        s.setCompact(in.readBoolean());
        s.setInternalShinglingEnabled(in.readBoolean());
        s.setCenterOfMassEnabled(in.readBoolean());
        s.setPrecision(readString(in));
        s.setSaveTreeStateEnabled(in.readBoolean());
        s.setSaveSamplerStateEnabled(in.readBoolean());
        s.setSaveCoordinatorStateEnabled(in.readBoolean());
        s.setCurrentlySampling(in.readBoolean());
        s.setExecutionContext(readContext(in));
        s.setPointStoreState(readPointStore(in));
        int samplers = in.readInt();
        if (samplers >= 0) {
            List<CompactSamplerState> list = new ArrayList<>(samplers);
            for (int i = 0; i < samplers; i++) {
                list.add(readSampler(in));
            }
            s.setCompactSamplerStates(list);
        }
        int trees = in.readInt();
        if (trees >= 0) {
            List<CompactRandomCutTreeState> list = new ArrayList<>(trees);
            for (int i = 0; i < trees; i++) {
                list.add(readTree(in));
            }
            s.setCompactRandomCutTreeStates(list);
        }
        return s;
    }

    private static void writeContext(ExecutionContext c, DataOutput out) throws IOException {
        out.writeBoolean(c != null);
        if (c != null) {
            out.writeBoolean(c.isParallelExecutionEnabled());
            out.writeInt(c.getThreadPoolSize());
            writeString(c.getMode(), out);
        }
    }

    private static ExecutionContext readContext(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        ExecutionContext c = new ExecutionContext();
        c.setParallelExecutionEnabled(in.readBoolean());
        c.setThreadPoolSize(in.readInt());
        c.setMode(readString(in));
        return c;
    }

    private static void writePointStore(PointStoreState p, DataOutput out) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) {
            return;
        }
        writeString(p.getVersion(), out);
        out.writeInt(p.getDimensions());
        out.writeInt(p.getCapacity());
        out.writeInt(p.getShingleSize());
        writeString(p.getPrecision(), out);
        out.writeInt(p.getStartOfFreeSegment());
        writeBytes(p.getPointData(), out);
        out.writeBoolean(p.isCompressed());
        writeInts(p.getRefCount(), out);
        out.writeBoolean(p.isDirectLocationMap());
        writeInts(p.getLocationList(), out);
        writeInts(p.getReverseLocationList(), out);
        out.writeBoolean(p.isReverseAvailable());
        out.writeBoolean(p.isInternalShinglingEnabled());
        writeDoubles(p.getInternalShingle(), out);
        out.writeLong(p.getLastTimeStamp());
        out.writeBoolean(p.isRotationEnabled());
        out.writeBoolean(p.isDynamicResizingEnabled());
        out.writeInt(p.getCurrentStoreCapacity());
        out.writeInt(p.getIndexCapacity());
        writeInts(p.getDuplicateRefs(), out);
    }

    private static PointStoreState readPointStore(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        PointStoreState p = new PointStoreState();
        p.setVersion(readString(in));
        p.setDimensions(in.readInt());
        p.setCapacity(in.readInt());
        p.setShingleSize(in.readInt());
        p.setPrecision(readString(in));
        p.setStartOfFreeSegment(in.readInt());
        p.setPointData(readBytes(in));
        p.setCompressed(in.readBoolean());
        p.setRefCount(readInts(in));
        p.setDirectLocationMap(in.readBoolean());
        p.setLocationList(readInts(in));
        p.setReverseLocationList(readInts(in));
        p.setReverseAvailable(in.readBoolean());
        p.setInternalShinglingEnabled(in.readBoolean());
        p.setInternalShingle(readDoubles(in));
        p.setLastTimeStamp(in.readLong());
        p.setRotationEnabled(in.readBoolean());
        p.setDynamicResizingEnabled(in.readBoolean());
        p.setCurrentStoreCapacity(in.readInt());
        p.setIndexCapacity(in.readInt());
        p.setDuplicateRefs(readInts(in));
        return p;
    }

    private static void writeSampler(CompactSamplerState s, DataOutput out) throws IOException {
        writeString(s.getVersion(), out);
        writeFloats(s.getWeight(), out);
        writeInts(s.getPointIndex(), out);
        out.writeBoolean(s.isStoreSequenceIndicesEnabled());
        writeLongs(s.getSequenceIndex(), out);
        out.writeInt(s.getSize());
        out.writeInt(s.getCapacity());
        out.writeDouble(s.getInitialAcceptFraction());
        out.writeDouble(s.getTimeDecay());
        out.writeLong(s.getSequenceIndexOfMostRecentTimeDecayUpdate());
        out.writeLong(s.getMaxSequenceIndex());
        out.writeBoolean(s.isCompressed());
        out.writeLong(s.getRandomSeed());
    }

    private static CompactSamplerState readSampler(DataInput in) throws IOException {
        CompactSamplerState s = new CompactSamplerState();
        s.setVersion(readString(in));
        s.setWeight(readFloats(in));
        s.setPointIndex(readInts(in));
        s.setStoreSequenceIndicesEnabled(in.readBoolean());
        s.setSequenceIndex(readLongs(in));
        s.setSize(in.readInt());
        s.setCapacity(in.readInt());
        s.setInitialAcceptFraction(in.readDouble());
        s.setTimeDecay(in.readDouble());
        s.setSequenceIndexOfMostRecentTimeDecayUpdate(in.readLong());
        s.setMaxSequenceIndex(in.readLong());
        s.setCompressed(in.readBoolean());
        s.setRandomSeed(in.readLong());
        return s;
    }

    private static void writeTree(CompactRandomCutTreeState t, DataOutput out) throws IOException {
        writeString(t.getVersion(), out);
        out.writeInt(t.getRoot());
        out.writeInt(t.getMaxSize());
        out.writeInt(t.getOutputAfter());
        out.writeBoolean(t.isStoreSequenceIndexesEnabled());
        out.writeBoolean(t.isCenterOfMassEnabled());
        writeNodeStore(t.getNodeStoreState(), out);
        out.writeDouble(t.getBoundingBoxCacheFraction());
        out.writeBoolean(t.isPartialTreeState());
        out.writeLong(t.getSeed());
        out.writeInt(t.getId());
        out.writeInt(t.getDimensions());
        out.writeLong(t.getStaticSeed());
        out.writeFloat(t.getWeight());
        writeBytes(t.getAuxiliaryData(), out);
        out.writeBoolean(t.isHasAuxiliaryData());
    }

    private static CompactRandomCutTreeState readTree(DataInput in) throws IOException {
        CompactRandomCutTreeState t = new CompactRandomCutTreeState();
        t.setVersion(readString(in));
        t.setRoot(in.readInt());
        t.setMaxSize(in.readInt());
        t.setOutputAfter(in.readInt());
        t.setStoreSequenceIndexesEnabled(in.readBoolean());
        t.setCenterOfMassEnabled(in.readBoolean());
        t.setNodeStoreState(readNodeStore(in));
        t.setBoundingBoxCacheFraction(in.readDouble());
        t.setPartialTreeState(in.readBoolean());
        t.setSeed(in.readLong());
        t.setId(in.readInt());
        t.setDimensions(in.readInt());
        t.setStaticSeed(in.readLong());
        t.setWeight(in.readFloat());
        t.setAuxiliaryData(readBytes(in));
        t.setHasAuxiliaryData(in.readBoolean());
        return t;
    }

    private static void writeNodeStore(NodeStoreState n, DataOutput out) throws IOException {
        out.writeBoolean(n != null);
        if (n == null) {
            return;
        }
        writeString(n.getVersion(), out);
        out.writeInt(n.getCapacity());
        out.writeBoolean(n.isCompressed());
        writeInts(n.getCutDimension(), out);
        writeBytes(n.getCutValueData(), out);
        writeString(n.getPrecision(), out);
        out.writeInt(n.getRoot());
        out.writeBoolean(n.isCanonicalAndNotALeaf());
        out.writeInt(n.getSize());
        writeInts(n.getLeftIndex(), out);
        writeInts(n.getRightIndex(), out);
        writeInts(n.getNodeFreeIndexes(), out);
        out.writeInt(n.getNodeFreeIndexPointer());
        writeInts(n.getLeafFreeIndexes(), out);
        out.writeInt(n.getLeafFreeIndexPointer());
        out.writeBoolean(n.isPartialTreeStateEnabled());
        writeInts(n.getLeafMass(), out);
        writeInts(n.getLeafPointIndex(), out);
    }

    private static NodeStoreState readNodeStore(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        NodeStoreState n = new NodeStoreState();
        n.setVersion(readString(in));
        n.setCapacity(in.readInt());
        n.setCompressed(in.readBoolean());
        n.setCutDimension(readInts(in));
        n.setCutValueData(readBytes(in));
        n.setPrecision(readString(in));
        n.setRoot(in.readInt());
        n.setCanonicalAndNotALeaf(in.readBoolean());
        n.setSize(in.readInt());
        n.setLeftIndex(readInts(in));
        n.setRightIndex(readInts(in));
        n.setNodeFreeIndexes(readInts(in));
        n.setNodeFreeIndexPointer(in.readInt());
        n.setLeafFreeIndexes(readInts(in));
        n.setLeafFreeIndexPointer(in.readInt());
        n.setPartialTreeStateEnabled(in.readBoolean());
        n.setLeafMass(readInts(in));
        n.setLeafPointIndex(readInts(in));
        return n;
    }

    // Nullable primitives and arrays: a length (or presence flag) of -1 marks null.

    private static void writeString(String v, DataOutput out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeUTF(v);
        }
    }

    private static String readString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeBytes(byte[] v, DataOutput out) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            out.write(v);
        }
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] v = new byte[n];
        in.readFully(v);
        return v;
    }

    private static void writeInts(int[] v, DataOutput out) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            for (int x : v) {
                out.writeInt(x);
            }
        }
    }

    private static int[] readInts(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private static void writeLongs(long[] v, DataOutput out) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            for (long x : v) {
                out.writeLong(x);
            }
        }
    }

    private static long[] readLongs(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readLong();
        }
        return v;
    }

    private static void writeFloats(float[] v, DataOutput out) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            for (float x : v) {
                out.writeFloat(x);
            }
        }
    }

    private static float[] readFloats(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static void writeDoubles(double[] v, DataOutput out) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) {
            for (double x : v) {
                out.writeDouble(x);
            }
        }
    }

    private static double[] readDoubles(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
