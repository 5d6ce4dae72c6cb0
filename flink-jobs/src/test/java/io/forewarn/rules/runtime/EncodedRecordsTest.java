package io.forewarn.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.forewarn.rules.model.KeyKind;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.state.RuleRecord;
import io.forewarn.testutils.RuleFiles;
import java.io.EOFException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedRecordsTest {

    private final EncodedRecords encoded = new EncodedRecords();

    private static RuleRecord log(String message) {
        return RuleFiles.routed(
                KeyKind.SERVICE, RuleFiles.log(5_000L, "checkout", LogLevel.ERROR, message));
    }

    @Test
    void recordsAppendedOneByOneDecodeInTheirOrder() throws Exception {
        List<RuleRecord> records =
                List.of(
                        log("connection refused"),
                        RuleFiles.serviceMetric(5_000L, "checkout", "cpu", 0.5),
                        log("connection refused"),
                        log("x".repeat(100_000)));
        byte[] bytes = null;
        for (RuleRecord r : records) {
            byte[] before = bytes == null ? null : bytes.clone();
            bytes = encoded.append(bytes, r);
            if (before != null) {
                assertThat(Arrays.copyOf(bytes, before.length))
                        .as("appending keeps what was there")
                        .isEqualTo(before);
            }
        }
        assertThat(encoded.decode(bytes)).containsExactlyElementsOf(records);
        assertThat(encoded.decode(encoded.append(null, records.get(1))))
                .containsExactly(records.get(1));
    }

    @Test
    void aTruncatedBufferIsAnErrorNotFewerRecords() throws Exception {
        byte[] bytes = encoded.append(encoded.append(null, log("a")), log("b"));
        assertThatThrownBy(() -> encoded.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(EOFException.class);
    }
}
