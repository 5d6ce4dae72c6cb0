package io.forewarn.rules.runtime;

import io.forewarn.schema.RuleOp;
import io.forewarn.schema.RuleUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds {@link RuleUpdate} control records. */
public final class RuleUpdates {

    private RuleUpdates() {}

    /** An UPSERT of a rule file's text. */
    public static RuleUpdate upsert(
            String ruleId,
            int version,
            String content,
            String sourceFile,
            long publishedAt,
            String publishedBy) {
        return RuleUpdate.newBuilder()
                .setRuleId(ruleId)
                .setVersion(version)
                .setOp(RuleOp.UPSERT)
                .setContent(content)
                .setSourceFile(sourceFile)
                .setSha256(sha256(content))
                .setPublishedAt(publishedAt)
                .setPublishedBy(publishedBy)
                .build();
    }

    /** A DELETE of a rule, up to and including {@code version}. */
    public static RuleUpdate delete(
            String ruleId, int version, long publishedAt, String publishedBy) {
        return RuleUpdate.newBuilder()
                .setRuleId(ruleId)
                .setVersion(version)
                .setOp(RuleOp.DELETE)
                .setPublishedAt(publishedAt)
                .setPublishedBy(publishedBy)
                .build();
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
