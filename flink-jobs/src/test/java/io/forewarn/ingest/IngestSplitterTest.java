package io.forewarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.forewarn.schema.DeadLetter;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.Ingested;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import io.forewarn.schema.MetricKind;
import io.forewarn.schema.MetricSample;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestSplitterTest {

    private final InterceptingOperatorMetricGroup operatorMetrics =
            new InterceptingOperatorMetricGroup();
    private OneInputStreamOperatorTestHarness<Ingested, LogRecord> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private OneInputStreamOperatorTestHarness<Ingested, LogRecord> open(
            IngestSplitter<LogRecord> splitter) throws Exception {
        MockEnvironment environment =
                new MockEnvironmentBuilder()
                        .setMetricGroup(
                                new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                                    @Override
                                    public InternalOperatorMetricGroup getOrAddOperator(
                                            OperatorID id,
                                            String name,
                                            Map<String, String> additionalVariables) {
                                        return operatorMetrics;
                                    }
                                })
                        .build();
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(splitter),
                        new AvroTypeInfo<>(Ingested.class)
                                .createSerializer(new SerializerConfigImpl()),
                        environment);
        harness.setup(
                new AvroTypeInfo<>(LogRecord.class).createSerializer(new SerializerConfigImpl()));
        harness.open();
        harness.setProcessingTime(Samples.NOW.toEpochMilli());
        return harness;
    }

    @Test
    void typedRecordsPassWithTheirTimestamps() throws Exception {
        open(new IngestSplitter<>(LogRecord.class));

        harness.processElement(new StreamRecord<>(new Ingested(log(1000), 1000L), 1000));
        harness.processWatermark(new Watermark(1500));
        harness.processElement(new StreamRecord<>(new Ingested(log(2000), 2000L), 2000));

        assertThat(harness.extractOutputStreamRecords())
                .extracting(StreamRecord::getValue, StreamRecord::getTimestamp)
                .containsExactly(tuple(log(1000), 1000L), tuple(log(2000), 2000L));
        assertThat(harness.getSideOutput(IngestTags.DEAD_LETTERS)).isNull();
        assertThat(lateRecords().getCount()).isZero();
    }

    @Test
    void deadLettersGoToTheSideOutputUnchanged() throws Exception {
        open(new IngestSplitter<>(LogRecord.class));
        DeadLetter letter =
                DeadLetters.create(
                        7, "decode", DeadLetterReason.INVALID_JSON, "bad", new byte[] {1}, 10);

        harness.processElement(
                new StreamRecord<>(new Ingested(letter, Long.MIN_VALUE), Long.MIN_VALUE));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(IngestTags.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .containsExactly(letter);
    }

    @Test
    void recordsAtOrBehindTheWatermarkAreDeadLetteredAsLate() throws Exception {
        open(new IngestSplitter<>(LogRecord.class));
        harness.processWatermark(new Watermark(5000));

        harness.processElement(new StreamRecord<>(new Ingested(log(4000), 4000L), 4000));
        harness.processElement(new StreamRecord<>(new Ingested(log(5000), 5000L), 5000));
        harness.processElement(new StreamRecord<>(new Ingested(log(5001), 5001L), 5001));

        assertThat(harness.extractOutputValues()).containsExactly(log(5001));
        List<DeadLetter> late =
                harness.getSideOutput(IngestTags.DEAD_LETTERS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        assertThat(late).hasSize(2);
        DeadLetter first = late.get(0);
        assertThat(first.getReason()).isEqualTo(DeadLetterReason.LATE_EVENT);
        assertThat(first.getStage()).isEqualTo("lateness");
        assertThat(first.getDetail())
                .isEqualTo(
                        "event time 1970-01-01T00:00:04Z is not after the watermark"
                                + " 1970-01-01T00:00:05Z minus the allowed lateness PT0S (behind"
                                + " the watermark by 1000 ms)");
        assertThat(first.getTimestamp()).isEqualTo(Samples.NOW.toEpochMilli());
        assertThat(first.getRecordTimestamp()).isEqualTo(4000L);
        assertThat(first.getSourceTopic()).isNull();
        assertThat(first.getTruncated()).isFalse();
        assertThat(first.getPayloadSize()).isEqualTo(first.getPayload().remaining());
        assertThat(LogRecord.fromByteBuffer(first.getPayload())).isEqualTo(log(4000));
        assertThat(late.get(1).getRecordTimestamp()).isEqualTo(5000L);
        assertThat(lateRecords().getCount()).isEqualTo(2);
    }

    @Test
    void allowedLatenessLetsSlightlyLateRecordsPass() throws Exception {
        open(new IngestSplitter<>(LogRecord.class, Duration.ofSeconds(2)));
        harness.processWatermark(new Watermark(10_000));

        harness.processElement(new StreamRecord<>(new Ingested(log(8001), 8001L), 8001));
        harness.processElement(new StreamRecord<>(new Ingested(log(8000), 8000L), 8000));

        assertThat(harness.extractOutputValues()).containsExactly(log(8001));
        assertThat(harness.getSideOutput(IngestTags.DEAD_LETTERS))
                .extracting(r -> r.getValue().getDetail())
                .containsExactly(
                        "event time 1970-01-01T00:00:08Z is not after the watermark"
                                + " 1970-01-01T00:00:10Z minus the allowed lateness PT2S (behind"
                                + " the watermark by 2000 ms)");
        assertThat(lateRecords().getCount()).isEqualTo(1);
    }

    @Test
    void latePayloadIsCutToTheLimit() throws Exception {
        open(new IngestSplitter<>(LogRecord.class, Duration.ZERO, 16));
        harness.processWatermark(new Watermark(10_000));

        harness.processElement(new StreamRecord<>(new Ingested(log(1), 1L), 1));

        DeadLetter letter = harness.getSideOutput(IngestTags.DEAD_LETTERS).peek().getValue();
        byte[] full = AvroSingleObject.encode(log(1));
        assertThat(letter.getTruncated()).isTrue();
        assertThat(letter.getPayloadSize()).isEqualTo(full.length);
        assertThat(letter.getPayload()).isEqualTo(ByteBuffer.wrap(full, 0, 16));
    }

    @Test
    void recordsOfAnotherClassAreDeadLetteredAsOther() throws Exception {
        open(new IngestSplitter<>(LogRecord.class));
        MetricSample sample =
                MetricSample.newBuilder()
                        .setTimestamp(1)
                        .setName("up")
                        .setValue(1)
                        .setKind(MetricKind.GAUGE)
                        .build();

        harness.processElement(new StreamRecord<>(new Ingested(sample, 1L), 1));

        assertThat(harness.extractOutputValues()).isEmpty();
        DeadLetter letter = harness.getSideOutput(IngestTags.DEAD_LETTERS).peek().getValue();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.OTHER);
        assertThat(letter.getStage()).isEqualTo("split");
        assertThat(letter.getDetail()).isEqualTo("expected a LogRecord but got a MetricSample");
        assertThat(MetricSample.fromByteBuffer(letter.getPayload())).isEqualTo(sample);
    }

    private Counter lateRecords() {
        return (Counter) operatorMetrics.get("lateRecords");
    }

    private static LogRecord log(long timestamp) {
        return LogRecord.newBuilder()
                .setTimestamp(timestamp)
                .setService("checkout")
                .setLevel(LogLevel.INFO)
                .setMessage("m" + timestamp)
                .setAttributes(Map.of())
                .build();
    }
}
