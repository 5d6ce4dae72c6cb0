package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class PendingSegmentsTest {

    private final PendingSegments segments = new PendingSegments();

    private static RuleRecord log(long time, String message) {
        return RuleFiles.routed(
                KeyKind.SERVICE, RuleFiles.log(time, "checkout", LogLevel.ERROR, message));
    }

    private byte[] appendAll(List<PendingSegments.Timed> records) throws IOException {
        byte[] bytes = null;
        for (PendingSegments.Timed t : records) {
            bytes = segments.append(bytes, t.time(), t.record());
        }
        return bytes;
    }

    @Test
    void aWatermarkTakesTheRecordsAtOrBeforeItInTimeOrderAndKeepsTheRest() throws Exception {
        var late = new PendingSegments.Timed(5_700, log(5_700, "late"));
        var early = new PendingSegments.Timed(5_100, log(5_100, "early"));
        var first = new PendingSegments.Timed(5_400, log(5_400, "first at 400"));
        var second = new PendingSegments.Timed(5_400, log(5_400, "second at 400"));
        var big = new PendingSegments.Timed(5_900, log(5_900, "x".repeat(100_000)));
        byte[] bytes = appendAll(List.of(late, first, early, big, second));
        assertThat(segments.decode(bytes))
                .as("by time, in arrival order for equal times")
                .containsExactly(early, first, second, late, big);
        assertThat(PendingSegments.earliest(bytes)).isEqualTo(5_100);

        PendingSegments.Split none = segments.split(bytes, 5_099);
        assertThat(none.due()).isEmpty();
        assertThat(none.rest()).isSameAs(bytes);
        assertThat(none.restEarliest()).isEqualTo(5_100);

        PendingSegments.Split split = segments.split(bytes, 5_400);
        assertThat(split.due()).containsExactly(early, first, second);
        assertThat(segments.decode(split.rest())).containsExactly(late, big);
        assertThat(split.restEarliest()).isEqualTo(5_700);

        PendingSegments.Split all = segments.split(split.rest(), 6_000);
        assertThat(all.due()).containsExactly(late, big);
        assertThat(all.rest()).isNull();
        assertThat(all.restEarliest()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void recordsInTimeOrderAreTakenByMovingTheOffsetAndDroppedAtTheNextAppend() throws Exception {
        var a = new PendingSegments.Timed(5_100, log(5_100, "a"));
        var b = new PendingSegments.Timed(5_200, log(5_200, "b"));
        var c = new PendingSegments.Timed(5_300, log(5_300, "c"));
        byte[] bytes = appendAll(List.of(a, b, c));
        int length = bytes.length;

        PendingSegments.Split split = segments.split(bytes, 5_200);
        assertThat(split.due()).containsExactly(a, b);
        assertThat(split.rest()).as("taken in place").isSameAs(bytes).hasSize(length);
        assertThat(segments.decode(split.rest())).containsExactly(c);
        assertThat(PendingSegments.earliest(split.rest())).isEqualTo(5_300);

        var d = new PendingSegments.Timed(5_250, log(5_250, "d"));
        byte[] appended = segments.append(split.rest(), d.time(), d.record());
        assertThat(appended.length).as("a and b are dropped").isLessThan(length);
        assertThat(segments.decode(appended)).as("d is inserted before c").containsExactly(d, c);
        assertThat(PendingSegments.earliest(appended)).isEqualTo(5_250);
        var e = new PendingSegments.Timed(5_300, log(5_300, "e"));
        appended = segments.append(appended, e.time(), e.record());
        assertThat(segments.decode(appended))
                .as("e after c, at equal times")
                .containsExactly(d, c, e);
        PendingSegments.Split first = segments.split(appended, 5_299);
        assertThat(first.due()).containsExactly(d);
        assertThat(first.restEarliest()).isEqualTo(5_300);
        assertThat(segments.split(first.rest(), 5_300).due()).containsExactly(c, e);
    }

    /**
     * A segment as checkpoints of the previous version hold it: the offset of the first record not
     * yet taken, then the records in arrival order.
     */
    private static byte[] inArrivalOrder(int taken, List<PendingSegments.Timed> records)
            throws IOException {
        RuleRecordSerializer serializer = new RuleRecordSerializer();
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(0);
        int first = Integer.BYTES;
        for (int i = 0; i < records.size(); i++) {
            if (i == taken) {
                first = out.length();
            }
            DataOutputSerializer record = new DataOutputSerializer(256);
            serializer.serialize(records.get(i).record(), record);
            out.writeLong(records.get(i).time());
            out.writeInt(record.length());
            out.write(record.getSharedBuffer(), 0, record.length());
        }
        byte[] bytes = out.getCopyOfBuffer();
        DataOutputSerializer offset = new DataOutputSerializer(4);
        offset.writeInt(taken == records.size() ? bytes.length : first);
        System.arraycopy(offset.getSharedBuffer(), 0, bytes, 0, Integer.BYTES);
        return bytes;
    }

    @Test
    void segmentsInArrivalOrderFromEarlierCheckpointsAreReadAndSortedAtTheNextAppend()
            throws Exception {
        var gone = new PendingSegments.Timed(4_000, log(4_000, "taken before the checkpoint"));
        var late = new PendingSegments.Timed(5_700, log(5_700, "late"));
        var early = new PendingSegments.Timed(5_100, log(5_100, "early"));
        var first = new PendingSegments.Timed(5_400, log(5_400, "first at 400"));
        var second = new PendingSegments.Timed(5_400, log(5_400, "second at 400"));
        byte[] former = inArrivalOrder(1, List.of(gone, late, first, early, second));
        assertThat(segments.decode(former)).containsExactly(late, first, early, second);
        assertThat(PendingSegments.earliest(former)).isEqualTo(5_100);

        PendingSegments.Split split =
                segments.split(inArrivalOrder(1, List.of(gone, late, first, early, second)), 5_400);
        assertThat(split.due()).containsExactly(early, first, second);
        assertThat(segments.decode(split.rest())).containsExactly(late);
        assertThat(split.restEarliest()).isEqualTo(5_700);

        var added = new PendingSegments.Timed(5_400, log(5_400, "third at 400"));
        byte[] appended = segments.append(former, added.time(), added.record());
        assertThat(segments.decode(appended))
                .as("sorted, the taken record dropped, the new one after those of its time")
                .containsExactly(early, first, second, added, late);
        PendingSegments.Split after = segments.split(appended, 5_400);
        assertThat(after.due()).containsExactly(early, first, second, added);
        assertThat(after.rest()).as("taken in place").isSameAs(appended);
        assertThat(after.restEarliest()).isEqualTo(5_700);

        byte[] allTaken = inArrivalOrder(2, List.of(gone, early));
        assertThat(segments.decode(allTaken)).isEmpty();
        assertThat(segments.decode(segments.append(allTaken, late.time(), late.record())))
                .containsExactly(late);
    }

    /** Random arrivals and watermarks: every record comes out once, in time and arrival order. */
    @Test
    void recordsComeOutOnceInOrderWhateverTheWatermarks() throws Exception {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<PendingSegments.Timed> in = new ArrayList<>();
            boolean ordered = round % 2 == 0;
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                long time = ordered ? 1_000 + 30L * i : 1_000 + random.nextInt(1_000);
                in.add(new PendingSegments.Timed(time, log(time, "r" + i)));
            }
            byte[] bytes = appendAll(in);
            List<PendingSegments.Timed> out = new ArrayList<>();
            long watermark = 999;
            while (bytes != null) {
                watermark += random.nextInt(300);
                PendingSegments.Split split = segments.split(bytes, watermark);
                for (PendingSegments.Timed t : split.due()) {
                    assertThat(t.time()).isLessThanOrEqualTo(watermark);
                }
                out.addAll(split.due());
                bytes = split.rest();
                if (bytes != null) {
                    assertThat(split.restEarliest()).isGreaterThan(watermark);
                    assertThat(split.restEarliest()).isEqualTo(PendingSegments.earliest(bytes));
                }
            }
            List<PendingSegments.Timed> expected = new ArrayList<>(in);
            expected.sort(Comparator.comparingLong(PendingSegments.Timed::time));
            assertThat(out).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aTruncatedSegmentIsAnErrorNotFewerRecords() throws Exception {
        byte[] bytes = segments.append(segments.append(null, 1, log(1, "a")), 2, log(2, "b"));
        // Cut at a record's boundary, what is left is a whole segment: of a alone, or of none (the
        // records a and b are as long as each other).
        int oneRecord = segments.append(null, 1, log(1, "a")).length;
        int header = 2 * oneRecord - bytes.length;
        for (int cut = 1; cut < bytes.length; cut++) {
            int left = bytes.length - cut;
            if (left == oneRecord || left == header) {
                continue;
            }
            byte[] truncated = Arrays.copyOf(bytes, bytes.length - cut);
            assertThatThrownBy(() -> segments.split(truncated, 5)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> segments.decode(truncated)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aRecordGoesToTheLastSegmentOfItsSecond() {
        assertThat(PendingSegments.segmentFor(null, 61_999)).isEqualTo(61_000);
        long[] index = {60_500, 60_000, 61_000, 61_001, 63_000};
        assertThat(PendingSegments.segmentFor(index, 61_999)).isEqualTo(61_001);
        assertThat(PendingSegments.segmentFor(index, 60_999)).isEqualTo(60_000);
        assertThat(PendingSegments.segmentFor(index, 62_000)).isEqualTo(62_000);
        assertThat(PendingSegments.segmentFor(index, 63_500)).isEqualTo(63_000);
        assertThat(PendingSegments.nextOfSecond(61_001)).isEqualTo(61_002);
        assertThat(PendingSegments.nextOfSecond(61_999)).as("the last one stays").isEqualTo(61_999);
        assertThat(PendingSegments.segmentOf(61_001)).isEqualTo(61_000);
    }

    @Test
    void segmentsAreSecondsAndTheIndexListsEachOnceInOrder() {
        assertThat(PendingSegments.segmentOf(61_999)).isEqualTo(61_000);
        assertThat(PendingSegments.segmentOf(-1)).isEqualTo(-1_000);
        long[] index = {61_500, 61_000};
        index = PendingSegments.withSegment(index, 63_000);
        index = PendingSegments.withSegment(index, 62_000);
        assertThat(PendingSegments.withSegment(index, 62_000)).isSameAs(index);
        assertThat(index).containsExactly(61_500, 61_000, 62_000, 63_000);
    }
}
