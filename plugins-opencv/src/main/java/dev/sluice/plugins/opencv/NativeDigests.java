package dev.sluice.plugins.opencv;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 digests that tie a cached native library to the bytes in its jar. */
final class NativeDigests {
    private NativeDigests() {
    }

    /** A new SHA-256 digest; every Java runtime has one. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }

    /** The digest of what {@code digest} was fed, as lower-case hex; resets it. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
