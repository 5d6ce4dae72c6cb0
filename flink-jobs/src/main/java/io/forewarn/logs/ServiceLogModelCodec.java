package io.forewarn.logs;

import io.forewarn.logs.template.TemplateMiner;
import io.forewarn.schema.LogLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Binary form of a {@link ServiceLogModel}, stored as the service's keyed state (no Java
 * serialization, no Kryo). Format version 1:
 *
 * <pre>
 * int     format version (= 1)
 * string  service
 * long    lines, first event time, last event time, last closed interval, idle timer
 * bytes   the template miner ({@link TemplateMiner#snapshot}, its own versioned format)
 * int     template count, then per template:
 *           long id, string text, string level, long count, long first seen, long last seen,
 *           string example, boolean novel, boolean dirty, long last rare signal,
 *           double rate mean, double rate variance, int rate intervals, long baseline interval,
 *           boolean bursting
 * long    transition clock
 * int     transition count, then per transition: long from, long to, long last used
 * int     host count (least recently active first), then per host: string host, long template
 * int     open interval count, then per interval: long interval, long lines,
 *           int template count, then per template: long id, long lines
 * int     count of templates active in the last closed interval, then per template: long id
 * string  = int byte length + UTF-8 bytes
 * </pre>
 *
 * Template ids are written as the 64-bit numbers their 16 hex digits spell.
 */
final class ServiceLogModelCodec {

    static final int FORMAT_VERSION = 1;

    private ServiceLogModelCodec() {}

    static byte[] encode(ServiceLogModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the log model of " + model.service, e);
        }
        return bytes.toByteArray();
    }

    static ServiceLogModel decode(byte[] bytes, LogMiningSettings settings) throws IOException {
        return read(new DataInputStream(new ByteArrayInputStream(bytes)), settings);
    }

    static void write(ServiceLogModel m, DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        writeString(out, m.service);
        out.writeLong(m.lines);
        out.writeLong(m.firstEventTime);
        out.writeLong(m.lastEventTime);
        out.writeLong(m.lastClosedInterval);
        out.writeLong(m.idleTimer);
        m.miner.snapshot(out);
        out.writeInt(m.templates.size());
        for (Map.Entry<String, TemplateStats> e : m.templates.entrySet()) {
            TemplateStats t = e.getValue();
            out.writeLong(TemplateIds.parse(e.getKey()));
            writeString(out, t.text);
            writeString(out, t.level.name());
            out.writeLong(t.count);
            out.writeLong(t.firstSeen);
            out.writeLong(t.lastSeen);
            writeString(out, t.example);
            out.writeBoolean(t.novel);
            out.writeBoolean(t.dirty);
            out.writeLong(t.lastRareSignal);
            out.writeDouble(t.rateMean);
            out.writeDouble(t.rateVariance);
            out.writeInt(t.rateIntervals);
            out.writeLong(t.baselineInterval);
            out.writeBoolean(t.bursting);
        }
        out.writeLong(m.transitions.clock());
        out.writeInt(m.transitions.transitionCount());
        IOException[] failure = new IOException[1];
        m.transitions.forEachTransition(
                (from, to, used) -> {
                    try {
                        out.writeLong(from);
                        out.writeLong(to);
                        out.writeLong(used);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
        out.writeInt(m.transitions.hostCount());
        m.transitions.forEachHost(
                (host, last) -> {
                    try {
                        writeString(out, host);
                        out.writeLong(last);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
        if (failure[0] != null) {
            throw failure[0];
        }
        out.writeInt(m.openIntervals.size());
        for (Map.Entry<Long, IntervalCounts> e : m.openIntervals.entrySet()) {
            out.writeLong(e.getKey());
            out.writeLong(e.getValue().lines);
            out.writeInt(e.getValue().perTemplate.size());
            for (Map.Entry<String, long[]> c : e.getValue().perTemplate.entrySet()) {
                out.writeLong(TemplateIds.parse(c.getKey()));
                out.writeLong(c.getValue()[0]);
            }
        }
        out.writeInt(m.activeInLastClosed.size());
        for (String id : m.activeInLastClosed) {
            out.writeLong(TemplateIds.parse(id));
        }
    }

    static ServiceLogModel read(DataInput in, LogMiningSettings settings) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "Unsupported log model state version "
                            + version
                            + " (supported: "
                            + FORMAT_VERSION
                            + ")");
        }
        String service = readString(in);
        long lines = in.readLong();
        long firstEventTime = in.readLong();
        long lastEventTime = in.readLong();
        long lastClosedInterval = in.readLong();
        long idleTimer = in.readLong();
        TemplateMiner miner = TemplateMiner.restore(in, settings.minerConfig(service));
        ServiceLogModel m = new ServiceLogModel(service, settings, miner);
        m.lines = lines;
        m.firstEventTime = firstEventTime;
        m.lastEventTime = lastEventTime;
        m.lastClosedInterval = lastClosedInterval;
        m.idleTimer = idleTimer;
        int templates = count(in);
        for (int k = 0; k < templates; k++) {
            String id = TemplateIds.format(in.readLong());
            TemplateStats t = new TemplateStats(readString(in));
            t.level = LogLevel.valueOf(readString(in));
            t.count = in.readLong();
            t.firstSeen = in.readLong();
            t.lastSeen = in.readLong();
            t.example = readString(in);
            t.novel = in.readBoolean();
            t.dirty = in.readBoolean();
            t.lastRareSignal = in.readLong();
            t.rateMean = in.readDouble();
            t.rateVariance = in.readDouble();
            t.rateIntervals = in.readInt();
            t.baselineInterval = in.readLong();
            t.bursting = in.readBoolean();
            m.templates.put(id, t);
        }
        long clock = in.readLong();
        int transitions = count(in);
        for (int k = 0; k < transitions; k++) {
            m.transitions.restoreTransition(in.readLong(), in.readLong(), in.readLong());
        }
        m.transitions.restoreClock(clock);
        int hosts = count(in);
        for (int k = 0; k < hosts; k++) {
            m.transitions.restoreHost(readString(in), in.readLong());
        }
        int intervals = count(in);
        for (int k = 0; k < intervals; k++) {
            long interval = in.readLong();
            IntervalCounts counts = new IntervalCounts();
            counts.lines = in.readLong();
            int n = count(in);
            for (int c = 0; c < n; c++) {
                counts.perTemplate.put(
                        TemplateIds.format(in.readLong()), new long[] {in.readLong()});
            }
            m.openIntervals.put(interval, counts);
        }
        int active = count(in);
        Set<String> activeIds = new LinkedHashSet<>();
        for (int k = 0; k < active; k++) {
            activeIds.add(TemplateIds.format(in.readLong()));
        }
        m.activeInLastClosed = activeIds;
        return m;
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("Corrupt log model state: negative count " + n);
        }
        return n;
    }

    private static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
