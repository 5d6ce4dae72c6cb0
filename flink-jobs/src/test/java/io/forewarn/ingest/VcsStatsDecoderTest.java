package io.forewarn.ingest;

import static io.forewarn.ingest.Samples.millis;
import static io.forewarn.ingest.Samples.resource;
import static io.forewarn.ingest.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.schema.DeadLetterReason;
import io.forewarn.schema.VcsStats;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VcsStatsDecoderTest {

    private final VcsStatsDecoder decoder = new VcsStatsDecoder(Samples.settings());

    private VcsStats decodeOne(byte[] payload) throws DecodeException {
        Decoded<VcsStats> decoded = decoder.decode(payload);
        assertThat(decoded.records()).hasSize(1);
        return decoded.records().get(0);
    }

    @Test
    void documentedShape() throws Exception {
        VcsStats stats = decodeOne(resource("vcs.json"));

        assertThat(stats.getTimestamp()).isEqualTo(millis("2026-12-04T10:05:00Z"));
        assertThat(stats.getRepository()).isEqualTo("example/checkout");
        assertThat(stats.getService()).isEqualTo("checkout");
        assertThat(stats.getCommitSha()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(stats.getDeploymentId()).isEqualTo("deploy-2026-12-04-0042");
        assertThat(stats.getCommits()).isEqualTo(7);
        assertThat(stats.getLinesAdded()).isEqualTo(412);
        assertThat(stats.getLinesDeleted()).isEqualTo(97);
        assertThat(stats.getFilesTouched()).isEqualTo(18);
        assertThat(stats.getComplexityDelta()).isEqualTo(3.5);
        assertThat(stats.getTestsPassed()).isEqualTo(1240);
        assertThat(stats.getTestsFailed()).isEqualTo(2);
        assertThat(stats.getTestsSkipped()).isEqualTo(11);
        assertThat(stats.getCoverage()).isEqualTo(0.81);
        assertThat(stats.getAuthors()).containsExactly("alice", "bob");
    }

    @Test
    void camelCaseWithDefaults() throws Exception {
        VcsStats stats =
                decodeOne(
                        utf8(
                                "{\"timestamp\":1796378700,\"repository\":\"example/cart\","
                                        + "\"commits\":1,\"linesAdded\":\"3\",\"linesDeleted\":0,"
                                        + "\"filesTouched\":1}"));

        assertThat(stats.getTimestamp()).isEqualTo(millis("2026-12-04T10:05:00Z"));
        assertThat(stats.getService()).isEqualTo("cart");
        assertThat(stats.getLinesAdded()).isEqualTo(3);
        assertThat(stats.getComplexityDelta()).isZero();
        assertThat(stats.getTestsPassed()).isZero();
        assertThat(stats.getCoverage()).isNull();
        assertThat(stats.getAuthors()).isEmpty();
    }

    @Test
    void avroSingleObjectRoundTrip() throws Exception {
        VcsStats original =
                VcsStats.newBuilder()
                        .setTimestamp(millis("2026-12-04T10:05:00Z"))
                        .setRepository("r")
                        .setService("s")
                        .setCommits(1)
                        .setLinesAdded(2)
                        .setLinesDeleted(3)
                        .setFilesTouched(4)
                        .setAuthors(List.of("a"))
                        .build();
        ByteBuffer encoded = original.toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        assertThat(decodeOne(bytes)).isEqualTo(original);
    }

    @Test
    void precisePerFieldFailures() {
        String base = "\"timestamp\":\"2026-12-04T10:05:00Z\",\"repository\":\"r\",";
        assertFailure(
                "{" + base + "\"commits\":1,\"lines_added\":1,\"files_touched\":1}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'lines_deleted' (or 'linesDeleted') is missing");
        assertFailure(
                "{\"repository\":\"r\",\"commits\":1,\"lines_added\":1,\"lines_deleted\":1,"
                        + "\"files_touched\":1}",
                DeadLetterReason.MISSING_FIELD,
                "required field 'timestamp' is missing");
        assertFailure(
                "{"
                        + base
                        + "\"commits\":-1,\"lines_added\":1,\"lines_deleted\":1,"
                        + "\"files_touched\":1}",
                DeadLetterReason.WRONG_TYPE,
                "field 'commits' must be a non-negative integer, got the number -1");
        assertFailure(
                "{"
                        + base
                        + "\"commits\":1.5,\"lines_added\":1,\"lines_deleted\":1,"
                        + "\"files_touched\":1}",
                DeadLetterReason.WRONG_TYPE,
                "field 'commits' must be a non-negative integer, got the number 1.5");
        assertFailure(
                "{"
                        + base
                        + "\"commits\":1,\"lines_added\":1,\"lines_deleted\":1,"
                        + "\"files_touched\":1,\"coverage\":81}",
                DeadLetterReason.WRONG_TYPE,
                "field 'coverage' must be a fraction between 0 and 1, got 81.0");
        assertFailure(
                "{"
                        + base
                        + "\"commits\":1,\"lines_added\":1,\"lines_deleted\":1,"
                        + "\"files_touched\":1,\"authors\":[\"a\",{\"name\":\"b\"}]}",
                DeadLetterReason.WRONG_TYPE,
                "field 'authors[1]' must be a string, got an object");
    }

    private void assertFailure(String payload, DeadLetterReason reason, String detail) {
        assertThatThrownBy(() -> decoder.decode(utf8(payload)))
                .as(payload)
                .isInstanceOfSatisfying(
                        DecodeException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.detail()).startsWith(detail);
                        });
    }
}
