package io.forewarn.sink.elasticsearch;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.DeleteOperation;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds bulk requests from {@link DocumentRequest}s. Document sources are passed to the client as
 * raw JSON bytes ({@link BinaryData}), so they are never parsed or re-serialized.
 */
public final class BulkRequests {

    private BulkRequests() {}

    /** One bulk request with one operation per document request, in the same order. */
    public static BulkRequest build(List<DocumentRequest> requests) {
        List<BulkOperation> operations = new ArrayList<>(requests.size());
        for (DocumentRequest request : requests) {
            operations.add(operation(request));
        }
        return BulkRequest.of(b -> b.operations(operations));
    }

    static BulkOperation operation(DocumentRequest request) {
        Long version = request.versionType() == null ? null : request.version().getAsLong();
        co.elastic.clients.elasticsearch._types.VersionType versionType =
                clientVersionType(request.versionType());
        if (request.operation() == DocumentRequest.Operation.DELETE) {
            DeleteOperation delete =
                    DeleteOperation.of(
                            d ->
                                    d.index(request.index())
                                            .id(request.id())
                                            .version(version)
                                            .versionType(versionType));
            return BulkOperation.of(b -> b.delete(delete));
        }
        BinaryData source = BinaryData.of(request.source(), ContentType.APPLICATION_JSON);
        IndexOperation<BinaryData> index =
                IndexOperation.of(
                        i ->
                                i.index(request.index())
                                        .id(request.id())
                                        .document(source)
                                        .version(version)
                                        .versionType(versionType));
        return BulkOperation.of(b -> b.index(index));
    }

    private static co.elastic.clients.elasticsearch._types.VersionType clientVersionType(
            VersionType type) {
        if (type == null) {
            return null;
        }
        switch (type) {
            case EXTERNAL:
                return co.elastic.clients.elasticsearch._types.VersionType.External;
            case EXTERNAL_GTE:
                return co.elastic.clients.elasticsearch._types.VersionType.ExternalGte;
            default:
                throw new IllegalArgumentException("Unknown version type " + type);
        }
    }
}
