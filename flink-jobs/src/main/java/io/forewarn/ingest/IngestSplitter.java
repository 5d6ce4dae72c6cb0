package io.forewarn.ingest;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Ingested;
import java.time.Duration;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Splits a decoded input stream: typed records of the expected class to the main output, dead
 * letters to {@link IngestTags#DEAD_LETTERS}, and late records to the same side output as
 * LATE_EVENT dead letters (stage {@value #STAGE_LATENESS}), counted in {@code lateRecords}.
 *
 * <p>A watermark W promises that no more records with a timestamp ≤ W follow; Flink's windows and
 * CEP treat such records as late. A record is therefore late here when its timestamp ≤ W − allowed
 * lateness. With the default lateness of zero, nothing that passes can be late for an event-time
 * operator further down; with a positive lateness, those operators must allow as much lateness
 * themselves. The late dead letter's payload is the record in Avro single-object encoding, its
 * {@code recordTimestamp} the record's event time; source coordinates are not known at this stage.
 *
 * <p>Records of another class than expected (a wiring mistake) go to the side output as OTHER
 * (stage {@value #STAGE_SPLIT}).
 *
 * @param <T> the record class of the input topic
 */
public final class IngestSplitter<T extends SpecificRecordBase> extends ProcessFunction<Ingested, T>
        implements ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    /** Stage name of late-record dead letters. */
    public static final String STAGE_LATENESS = "lateness";

    /** Stage name of dead letters for records of an unexpected class. */
    public static final String STAGE_SPLIT = "split";

    private final Class<T> recordClass;
    private final long allowedLatenessMillis;
    private final int maxPayloadBytes;

    private transient Counter lateRecords;

    /** No allowed lateness and the default dead-letter payload limit. */
    public IngestSplitter(Class<T> recordClass) {
        this(recordClass, Duration.ZERO);
    }

    /** The given allowed lateness and the default dead-letter payload limit. */
    public IngestSplitter(Class<T> recordClass, Duration allowedLateness) {
        this(recordClass, allowedLateness, DecoderSettings.defaults().maxDeadLetterPayloadBytes());
    }

    /**
     * @param allowedLateness how far behind the watermark a record may be and still pass
     * @param maxPayloadBytes dead-letter payloads are cut to this many bytes
     */
    public IngestSplitter(Class<T> recordClass, Duration allowedLateness, int maxPayloadBytes) {
        this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException(
                    "allowedLateness must not be negative, got " + allowedLateness);
        }
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException(
                    "maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void open(OpenContext openContext) {
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
    }

    @Override
    public void processElement(Ingested value, Context ctx, Collector<T> out) {
        Object record = value.getRecord();
        if (record instanceof DeadLetter letter) {
            ctx.output(IngestTags.DEAD_LETTERS, letter);
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        if (!recordClass.isInstance(record)) {
            SpecificRecordBase other = (SpecificRecordBase) record;
            ctx.output(
                    IngestTags.DEAD_LETTERS,
                    DeadLetters.create(
                            now,
                            STAGE_SPLIT,
                            DeadLetterReason.OTHER,
                            "expected a "
                                    + recordClass.getSimpleName()
                                    + " but got a "
                                    + other.getSchema().getName(),
                            AvroSingleObject.encode(other),
                            maxPayloadBytes));
            return;
        }
        T typed = recordClass.cast(record);
        long timestamp = ctx.timestamp() != null ? ctx.timestamp() : value.getEventTime();
        long watermark = ctx.timerService().currentWatermark();
        if (isLate(timestamp, watermark)) {
            lateRecords.inc();
            DeadLetter letter =
                    DeadLetters.create(
                            now,
                            STAGE_LATENESS,
                            DeadLetterReason.LATE_EVENT,
                            "event time "
                                    + Timestamps.format(timestamp)
                                    + " is not after the watermark "
                                    + Timestamps.format(watermark)
                                    + " minus the allowed lateness "
                                    + Duration.ofMillis(allowedLatenessMillis)
                                    + " (behind the watermark by "
                                    + (watermark - timestamp)
                                    + " ms)",
                            AvroSingleObject.encode(typed),
                            maxPayloadBytes);
            letter.setRecordTimestamp(timestamp);
            ctx.output(IngestTags.DEAD_LETTERS, letter);
            return;
        }
        out.collect(typed);
    }

    private boolean isLate(long timestamp, long watermark) {
        if (watermark == Long.MIN_VALUE) {
            return false;
        }
        long threshold =
                watermark - allowedLatenessMillis > watermark
                        ? Long.MIN_VALUE
                        : watermark - allowedLatenessMillis;
        return timestamp <= threshold;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return new AvroStreamType<>(recordClass);
    }
}
