package io.forewarn.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: the same parts always give the same id, on any machine and after any replay,
 * so outputs keyed by them (Elasticsearch documents, Kafka keys) are idempotent.
 */
public final class Ids {

    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    /** 128 bits of SHA-256 over the parts (separated by a unit separator), as 32 hex digits. */
    public static String stable(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
        }
        byte[] hash = digest.digest();
        return HEX.formatHex(hash, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
