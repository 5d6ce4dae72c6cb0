package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.forewarn.schema.DeadLetterReason;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classifies bulk response items as Elasticsearch 8.19 writes them. */
class BulkOutcomeTest {

    private static final byte[] SOURCE = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

    private static DocumentRequest index(String id) {
        return DocumentRequest.index("idx", id, SOURCE);
    }

    private static String item(String op, String id, int status, String error) {
        return "{\""
                + op
                + "\":{\"_index\":\"idx\",\"_id\":\""
                + id
                + "\",\"status\":"
                + status
                + (error == null ? ",\"result\":\"created\",\"_version\":1" : ",\"error\":" + error)
                + "}}";
    }

    private static BulkResponse response(String... items) {
        String json = "{\"errors\":true,\"took\":3,\"items\":[" + String.join(",", items) + "]}";
        return BulkResponse.of(b -> b.withJson(new StringReader(json)));
    }

    @Test
    void sortsItemsIntoWrittenStaleRetriedAndRejected() {
        DocumentRequest created = index("created");
        DocumentRequest stale = index("stale").withExternalVersion(1, VersionType.EXTERNAL);
        DocumentRequest unversionedConflict = index("conflict");
        DocumentRequest tooManyRequests = index("busy");
        DocumentRequest unavailable = index("unavailable");
        DocumentRequest badMapping = index("bad");
        DocumentRequest deletedAlready = DocumentRequest.delete("idx", "gone");

        BulkOutcome outcome =
                BulkOutcome.of(
                        List.of(
                                created,
                                stale,
                                unversionedConflict,
                                tooManyRequests,
                                unavailable,
                                badMapping,
                                deletedAlready),
                        response(
                                item("index", "created", 201, null),
                                item(
                                        "index",
                                        "stale",
                                        409,
                                        "{\"type\":\"version_conflict_engine_exception\",\"reason\":\"current"
                                                + " version [2] is higher\"}"),
                                item(
                                        "index",
                                        "conflict",
                                        409,
                                        "{\"type\":\"version_conflict_engine_exception\",\"reason\":\"conflict\"}"),
                                item(
                                        "index",
                                        "busy",
                                        429,
                                        "{\"type\":\"es_rejected_execution_exception\",\"reason\":\"queue"
                                                + " full\"}"),
                                item(
                                        "index",
                                        "unavailable",
                                        503,
                                        "{\"type\":\"unavailable_shards_exception\",\"reason\":\"primary"
                                                + " not active\"}"),
                                item(
                                        "index",
                                        "bad",
                                        400,
                                        "{\"type\":\"document_parsing_exception\",\"reason\":\"failed"
                                                + " to parse field [n] of type [long]\"}"),
                                "{\"delete\":{\"_index\":\"idx\",\"_id\":\"gone\",\"status\":404,\"result\":\"not_found\",\"_version\":1}}"));

        assertThat(outcome.written()).isEqualTo(2);
        assertThat(outcome.staleVersions()).isEqualTo(1);
        assertThat(outcome.retry()).containsExactly(tooManyRequests, unavailable);
        assertThat(outcome.rejected())
                .extracting(RejectedDocument::request)
                .containsExactly(unversionedConflict, badMapping);
        RejectedDocument bad = outcome.rejected().get(1);
        assertThat(bad.reason()).isEqualTo(DeadLetterReason.SINK_REJECTED);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail())
                .isEqualTo(
                        "document_parsing_exception: failed to parse field [n] of type [long]"
                                + " (index idx, id bad, status 400)");
    }

    @Test
    void refusesAResponseThatDoesNotMatchTheRequest() {
        assertThatThrownBy(
                        () ->
                                BulkOutcome.of(
                                        List.of(index("a"), index("b")),
                                        response(item("index", "a", 201, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 operations with 1 items");
    }

    @Test
    void retriesTimeoutsThrottlingAndServerErrorsOnly() {
        assertThat(BulkOutcome.isRetriableStatus(408)).isTrue();
        assertThat(BulkOutcome.isRetriableStatus(429)).isTrue();
        assertThat(BulkOutcome.isRetriableStatus(500)).isTrue();
        assertThat(BulkOutcome.isRetriableStatus(503)).isTrue();
        assertThat(BulkOutcome.isRetriableStatus(400)).isFalse();
        assertThat(BulkOutcome.isRetriableStatus(401)).isFalse();
        assertThat(BulkOutcome.isRetriableStatus(404)).isFalse();
        assertThat(BulkOutcome.isRetriableStatus(409)).isFalse();
    }
}
