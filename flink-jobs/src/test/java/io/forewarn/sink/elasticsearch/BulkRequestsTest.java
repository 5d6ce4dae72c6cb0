package io.forewarn.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkRequestsTest {

    private static final byte[] SOURCE = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void buildsOneOperationPerRequestInOrder() throws Exception {
        BulkRequest bulk =
                BulkRequests.build(
                        List.of(
                                DocumentRequest.index("idx", "a", SOURCE),
                                DocumentRequest.index("idx", "b", SOURCE)
                                        .withExternalVersion(
                                                5,
                                                io.forewarn.sink.elasticsearch.VersionType
                                                        .EXTERNAL),
                                DocumentRequest.delete("idx", "c")
                                        .withExternalVersion(
                                                6,
                                                io.forewarn.sink.elasticsearch.VersionType
                                                        .EXTERNAL_GTE)));

        List<BulkOperation> operations = bulk.operations();
        assertThat(operations).hasSize(3);

        assertThat(operations.get(0).isIndex()).isTrue();
        assertThat(operations.get(0).index().index()).isEqualTo("idx");
        assertThat(operations.get(0).index().id()).isEqualTo("a");
        assertThat(operations.get(0).index().version()).isNull();
        assertThat(operations.get(0).index().versionType()).isNull();
        Object document = operations.get(0).index().document();
        assertThat(document).isInstanceOf(BinaryData.class);
        ByteBuffer bytes = ((BinaryData) document).asByteBuffer();
        assertThat(StandardCharsets.UTF_8.decode(bytes).toString()).isEqualTo("{\"n\":1}");

        assertThat(operations.get(1).index().version()).isEqualTo(5L);
        assertThat(operations.get(1).index().versionType()).isEqualTo(VersionType.External);

        assertThat(operations.get(2).isDelete()).isTrue();
        assertThat(operations.get(2).delete().id()).isEqualTo("c");
        assertThat(operations.get(2).delete().version()).isEqualTo(6L);
        assertThat(operations.get(2).delete().versionType()).isEqualTo(VersionType.ExternalGte);
    }
}
