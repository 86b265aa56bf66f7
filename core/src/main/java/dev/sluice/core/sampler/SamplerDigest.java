package dev.sluice.core.sampler;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short digests of a sampler's large inputs (weights, listed indices) for its {@link OrderIdentity}. */
final class SamplerDigest {
    private SamplerDigest() {
    }

    /** The first 16 hex digits of the SHA-256 of the weights' IEEE bits. */
    static String of(double[] values) {
        MessageDigest digest = sha256();
        ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES);
        for (double value : values) {
            digest.update(bytes.clear().putDouble(value).flip());
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** The first 16 hex digits of the SHA-256 of the indices, in order. */
    static String of(long[] values) {
        MessageDigest digest = sha256();
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES);
        for (long value : values) {
            digest.update(bytes.clear().putLong(value).flip());
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
