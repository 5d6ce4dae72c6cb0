package io.forewarn.logs.template;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary state format of {@link TemplateMiner} (no Java serialization).
 *
 * <pre>
 * int     format version (= 1)
 * long    lines mined
 * long    next template sequence number
 * int     template count, then per template in creation order:
 *           long seq, long count, long lastSeen, int token count,
 *           per token: byte kind (0 const, 1 wildcard, 2 affix, 3 run),
 *                      const: string text; affix: string prefix, string suffix
 * int     alias count, then per alias, oldest first: long from-id, long to-id
 * string  = int byte length + UTF-8 bytes
 * </pre>
 *
 * Ids, hashes, buckets and memory estimates are derived data and recomputed on read, so the format
 * does not depend on the hash function's internals beyond the template text.
 */
final class MinerSnapshotCodec {

    static final int FORMAT_VERSION = 1;

    private MinerSnapshotCodec() {}

    static void write(TemplateMiner miner, DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeLong(miner.linesMined());
        out.writeLong(miner.nextSeq());
        List<Template> templates = miner.templatesBySeq();
        out.writeInt(templates.size());
        for (Template t : templates) {
            out.writeLong(t.seq);
            out.writeLong(t.count);
            out.writeLong(t.lastSeen);
            out.writeInt(t.length());
            for (int i = 0; i < t.length(); i++) {
                out.writeByte(t.kinds[i]);
                if (t.kinds[i] == Template.CONST || t.kinds[i] == Template.AFFIX) {
                    writeString(out, t.texts[i]);
                }
                if (t.kinds[i] == Template.AFFIX) {
                    writeString(out, t.suffixes[i]);
                }
            }
        }
        out.writeInt(miner.aliasCount());
        IOException[] failure = new IOException[1];
        miner.forEachAlias(
                (from, to) -> {
                    try {
                        out.writeLong(from);
                        out.writeLong(to);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    static void read(TemplateMiner miner, DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "Unsupported template miner state version "
                            + version
                            + " (supported: "
                            + FORMAT_VERSION
                            + ")");
        }
        miner.restoreCounters(in.readLong(), in.readLong());
        int count = readCount(in);
        List<Template> restored = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long seq = in.readLong();
            long lineCount = in.readLong();
            long lastSeen = in.readLong();
            int n = readCount(in);
            byte[] kinds = new byte[n];
            String[] texts = new String[n];
            String[] suffixes = new String[n];
            for (int i = 0; i < n; i++) {
                kinds[i] = in.readByte();
                switch (kinds[i]) {
                    case Template.CONST:
                        texts[i] = readString(in);
                        break;
                    case Template.WILDCARD:
                    case Template.RUN:
                        texts[i] = "<*>";
                        break;
                    case Template.AFFIX:
                        texts[i] = readString(in);
                        suffixes[i] = readString(in);
                        break;
                    default:
                        throw new IOException(
                                "Corrupt template miner state: token kind " + kinds[i]);
                }
            }
            if (n > 0 && kinds[0] != Template.CONST) {
                throw new IOException("Corrupt template miner state: first token is not constant");
            }
            Template t = new Template(seq, kinds, texts, suffixes);
            t.count = lineCount;
            t.lastSeen = lastSeen;
            miner.restoreTemplate(t);
            restored.add(t);
        }
        miner.restoreRecency(restored);
        int aliasCount = readCount(in);
        for (int k = 0; k < aliasCount; k++) {
            miner.restoreAlias(in.readLong(), in.readLong());
        }
    }

    private static int readCount(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("Corrupt template miner state: negative count " + n);
        }
        return n;
    }

    private static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[readCount(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
