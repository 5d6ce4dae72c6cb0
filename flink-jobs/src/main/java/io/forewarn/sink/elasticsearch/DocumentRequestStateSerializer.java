package io.forewarn.sink.elasticsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Writes buffered {@link DocumentRequest}s into the sink writer's checkpoint state. Format version
 * 1: index, id (UTF), operation ordinal, version type ordinal (-1 for none), version, source length
 * (-1 for none) and source bytes.
 */
public final class DocumentRequestStateSerializer
        extends AsyncSinkWriterStateSerializer<DocumentRequest> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    protected void serializeRequestToStream(DocumentRequest request, DataOutputStream out)
            throws IOException {
        out.writeUTF(request.index());
        out.writeUTF(request.id());
        out.writeByte(request.operation().ordinal());
        out.writeByte(request.versionType() == null ? -1 : request.versionType().ordinal());
        out.writeLong(request.version().orElse(-1));
        byte[] source = request.source();
        out.writeInt(source == null ? -1 : source.length);
        if (source != null) {
            out.write(source);
        }
    }

    @Override
    protected DocumentRequest deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        DocumentRequest.Operation operation = DocumentRequest.Operation.values()[in.readByte()];
        int versionType = in.readByte();
        long version = in.readLong();
        int sourceLength = in.readInt();
        byte[] source = null;
        if (sourceLength >= 0) {
            source = new byte[sourceLength];
            in.readFully(source);
        }
        return DocumentRequest.restore(
                index,
                id,
                operation,
                source,
                version,
                versionType < 0 ? null : VersionType.values()[versionType]);
    }
}
