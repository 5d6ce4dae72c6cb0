package io.forewarn.ingest;

import io.forewarn.ingest.Timestamps.Style;
import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.VcsStats;

/**
 * Decodes the {@code vcs} topic: Forewarn's VCS statistics JSON (snake_case, camelCase accepted)
 * and Avro single-object encoded {@link VcsStats}.
 *
 * <p>Required: {@code timestamp}, {@code repository}, {@code commits}, {@code lines_added}, {@code
 * lines_deleted}, {@code files_touched} (non-negative integers). Optional: {@code service}
 * (default: the last path segment of the repository), {@code commit_sha}, {@code deployment_id},
 * {@code complexity_delta} (number, default 0), {@code tests_passed}, {@code tests_failed}, {@code
 * tests_skipped} (non-negative integers, default 0), {@code coverage} (fraction 0..1), {@code
 * authors} (array of strings).
 */
public final class VcsStatsDecoder implements RecordDecoder<VcsStats> {

    private static final long serialVersionUID = 1L;

    private final DecoderSettings settings;

    public VcsStatsDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<VcsStats> recordClass() {
        return VcsStats.class;
    }

    @Override
    public DecoderSettings settings() {
        return settings;
    }

    @Override
    public long eventTime(VcsStats record) {
        return record.getTimestamp();
    }

    @Override
    public Decoded<VcsStats> decode(byte[] payload) throws DecodeException {
        if (AvroSingleObject.isSingleObject(payload)) {
            return Decoded.of(
                    AvroSingleObject.decode(
                            payload, VcsStats.getDecoder(), VcsStats.getClassSchema()));
        }
        JsonObject json = JsonObject.root(JsonPayload.parseObject(payload), settings);
        String repository = json.requiredText("repository");
        String service = json.text("service");
        if (service == null) {
            service = repository.substring(repository.lastIndexOf('/') + 1);
        }
        Double coverage = json.number("coverage");
        if (coverage != null && !(coverage >= 0 && coverage <= 1)) {
            throw new DecodeException(
                    DeadLetterReason.WRONG_TYPE,
                    "field 'coverage' must be a fraction between 0 and 1, got " + coverage);
        }
        Double complexity = json.number("complexity_delta");
        if (complexity != null && !Double.isFinite(complexity)) {
            throw DecodeException.wrongType("complexity_delta", "a finite number", complexity);
        }
        return Decoded.of(
                VcsStats.newBuilder()
                        .setTimestamp(json.requiredTimestamp("timestamp", Style.ISO_OR_EPOCH))
                        .setRepository(repository)
                        .setService(service)
                        .setCommitSha(json.text("commit_sha"))
                        .setDeploymentId(json.text("deployment_id"))
                        .setCommits(json.requiredCount("commits"))
                        .setLinesAdded(json.requiredCount("lines_added"))
                        .setLinesDeleted(json.requiredCount("lines_deleted"))
                        .setFilesTouched(json.requiredCount("files_touched"))
                        .setComplexityDelta(complexity == null ? 0.0 : complexity)
                        .setTestsPassed(orZero(json.count("tests_passed")))
                        .setTestsFailed(orZero(json.count("tests_failed")))
                        .setTestsSkipped(orZero(json.count("tests_skipped")))
                        .setCoverage(coverage)
                        .setAuthors(json.stringList("authors"))
                        .build());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
