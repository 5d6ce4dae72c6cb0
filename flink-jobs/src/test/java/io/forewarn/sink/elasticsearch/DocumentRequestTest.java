package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class DocumentRequestTest {

    private static final byte[] SOURCE = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void describesItselfWithoutItsContent() {
        DocumentRequest request =
                DocumentRequest.index(
                                "idx", "id-1", "{\"secret\":1}".getBytes(StandardCharsets.UTF_8))
                        .withExternalVersion(42, VersionType.EXTERNAL);

        assertThat(request.toString())
                .isEqualTo("INDEX idx/id-1 version 42 (EXTERNAL), 12 bytes")
                .doesNotContain("secret");
    }

    @Test
    void estimatesItsBulkSize() {
        DocumentRequest index = DocumentRequest.index("idx", "id-1", SOURCE);
        DocumentRequest delete = DocumentRequest.delete("idx", "id-1");

        assertThat(index.estimatedBulkBytes() - delete.estimatedBulkBytes())
                .isEqualTo(SOURCE.length + 1);
        assertThat(delete.estimatedBulkBytes()).isGreaterThan("idx".length() + "id-1".length());
    }

    @Test
    void refusesIncompleteRequests() {
        assertThatThrownBy(() -> DocumentRequest.index("", "id", SOURCE))
                .hasMessageContaining("non-empty index");
        assertThatThrownBy(() -> DocumentRequest.delete("idx", null))
                .hasMessageContaining("non-empty id");
        assertThatThrownBy(
                        () ->
                                DocumentRequest.delete("idx", "id")
                                        .withExternalVersion(-1, VersionType.EXTERNAL))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void survivesTheCheckpointStateSerializer() throws Exception {
        List<DocumentRequest> requests =
                List.of(
                        DocumentRequest.index("idx", "a", SOURCE),
                        DocumentRequest.index("idx", "b", SOURCE)
                                .withExternalVersion(7, VersionType.EXTERNAL_GTE),
                        DocumentRequest.delete("other", "c"),
                        DocumentRequest.delete("other", "d")
                                .withExternalVersion(0, VersionType.EXTERNAL));
        BufferedRequestState<DocumentRequest> state =
                new BufferedRequestState<>(
                        requests.stream()
                                .map(r -> new RequestEntryWrapper<>(r, r.estimatedBulkBytes()))
                                .collect(Collectors.toList()));
        DocumentRequestStateSerializer serializer = new DocumentRequestStateSerializer();

        BufferedRequestState<DocumentRequest> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(requests);
        assertThat(restored.getStateSize()).isEqualTo(state.getStateSize());
    }
}
