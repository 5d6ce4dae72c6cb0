package io.forewarn.ingest;

import io.forewarn.detect.AvroStreamType;
import io.forewarn.schema.DeadLetter;
import org.apache.flink.util.OutputTag;

/** The side outputs of ingestion, shared by functions, jobs and tests. */
public final class IngestTags {

    /** Dead letters from decoding and lateness, for the dead-letter topic. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", new AvroStreamType<>(DeadLetter.class));

    private IngestTags() {}
}
