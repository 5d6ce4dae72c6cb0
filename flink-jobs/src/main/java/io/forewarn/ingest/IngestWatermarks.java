package io.forewarn.ingest;

import io.forewarn.schema.Ingested;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of {@link Ingested} records for the Kafka sources' {@link WatermarkStrategy}.
 *
 * <p>Dead letters carry {@link Long#MIN_VALUE}: bounded out-of-orderness watermarks follow the
 * largest timestamp seen, so they never move the watermark (checked by {@code IngestWatermarksTest}
 * against Flink's generator).
 */
public final class IngestWatermarks {

    private IngestWatermarks() {}

    /** {@link Ingested#getEventTime()} as the element timestamp. */
    public static SerializableTimestampAssigner<Ingested> timestampAssigner() {
        return new EventTimeAssigner();
    }

    /**
     * Bounded out-of-orderness with idleness (so that idle partitions do not hold back event time)
     * and {@link #timestampAssigner()}.
     */
    public static WatermarkStrategy<Ingested> boundedOutOfOrderness(
            Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Ingested>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner(timestampAssigner())
                .withIdleness(idleness);
    }

    private static final class EventTimeAssigner
            implements SerializableTimestampAssigner<Ingested> {

        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(Ingested element, long recordTimestamp) {
            return element.getEventTime();
        }
    }
}
