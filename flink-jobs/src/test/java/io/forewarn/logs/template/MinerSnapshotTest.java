package io.forewarn.logs.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinerSnapshotTest {

    @Test
    void restoredMinerContinuesExactlyLikeAnUninterruptedOne() throws IOException {
        assertRestoreIsTransparent(SyntheticLogs.stream(6_000, 11), MinerConfig.defaults());
    }

    @Test
    void restoreKeepsRecencyOrderForEviction() throws IOException {
        MinerConfig small = MinerConfig.builder().maxTemplates(12).maxAliases(5).build();
        assertRestoreIsTransparent(SyntheticLogs.stream(6_000, 12), small);
    }

    @Test
    void restoreIsTransparentOnAMixedStreamOfEightSystems() throws IOException {
        assertRestoreIsTransparent(
                SyntheticSystemLogs.mixedStream(1_000, 13), MinerConfig.defaults());
    }

    @Test
    void snapshotStartsWithTheFormatVersion() throws IOException {
        TemplateMiner miner = new TemplateMiner();
        miner.mine("hello 1");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot(miner)));
        assertThat(in.readInt()).isEqualTo(MinerSnapshotCodec.FORMAT_VERSION);
        assertThat(in.readLong()).as("lines mined").isEqualTo(1);
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] bytes = {0, 0, 0, 99};
        assertThatThrownBy(() -> restore(bytes, MinerConfig.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void emptyMinerRoundTrips() throws IOException {
        TemplateMiner restored = restore(snapshot(new TemplateMiner()), MinerConfig.defaults());
        assertThat(restored.templateCount()).isZero();
        assertThat(restored.mine("x 1").change()).isEqualTo(ChangeType.NEW);
    }

    private static void assertRestoreIsTransparent(List<String> lines, MinerConfig config)
            throws IOException {
        int half = lines.size() / 2;
        TemplateMiner uninterrupted = new TemplateMiner(config);
        TemplateMiner first = new TemplateMiner(config);
        Set<String> ids = new LinkedHashSet<>();
        for (String line : lines.subList(0, half)) {
            ids.add(uninterrupted.mine(line).templateId());
            first.mine(line);
        }
        TemplateMiner restored = restore(snapshot(first), config);
        assertThat(restored.templates()).isEqualTo(first.templates());

        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String line : lines.subList(half, lines.size())) {
            MiningResult a = uninterrupted.mine(line);
            MiningResult b = restored.mine(line);
            ids.add(a.templateId());
            expected.add(describe(a));
            actual.add(describe(b));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(restored.templates()).isEqualTo(uninterrupted.templates());
        for (String id : ids) {
            assertThat(restored.resolve(id)).isEqualTo(uninterrupted.resolve(id));
        }
        assertThat(snapshot(restored)).isEqualTo(snapshot(uninterrupted));
    }

    private static String describe(MiningResult r) {
        return r.templateId()
                + "|"
                + r.template()
                + "|"
                + r.change()
                + "|"
                + r.replacedTemplateIds()
                + "|"
                + r.evictedTemplateIds()
                + "|"
                + r.variantOf()
                + "|"
                + r.parameters()
                + "|"
                + r.templateCount();
    }

    static byte[] snapshot(TemplateMiner miner) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            miner.snapshot(out);
        }
        return bytes.toByteArray();
    }

    static TemplateMiner restore(byte[] bytes, MinerConfig config) throws IOException {
        return TemplateMiner.restore(new DataInputStream(new ByteArrayInputStream(bytes)), config);
    }
}
