package dev.sluice.plugins.opencv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 digests that tie a cached native library to the bytes in its jar, and those already
 * known for the libraries of the org.openpnp:opencv build Sluice is built with
 * ({@code opencv-natives.sha256} beside this class): hashing a 65 MB copy takes about a quarter of a
 * second, inflating its jar entry to hash it too about a second and a half more (measured under load,
 * medians of 7), so a known entry is not inflated at every start.
 */
final class NativeDigests {
    private static final String KNOWN = "opencv-natives.sha256";

    private NativeDigests() {
    }

    /**
     * The SHA-256 listed for the jar entry {@code name} of {@code size} bytes and CRC-32 {@code crc32},
     * if this build knows it.
     */
    static Optional<String> known(String name, long size, long crc32) {
        String key = size + " " + String.format("%08x", crc32) + " " + name;
        return Optional.ofNullable(Known.DIGESTS.get(key));
    }

    /** The listed digests, read on first use: "size crc32 entry" to SHA-256. */
    private static final class Known {
        static final Map<String, String> DIGESTS = read();

        private static Map<String, String> read() {
            Map<String, String> digests = new HashMap<>();
            try (InputStream in = NativeDigests.class.getResourceAsStream(KNOWN)) {
                if (in == null) {
                    return digests;
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] fields = line.trim().split(" +");
                    if (fields.length == 4 && !line.startsWith("#")) {
                        digests.put(fields[1] + " " + fields[2] + " " + fields[3], fields[0]);
                    }
                }
            } catch (IOException e) {
                // Without the list every digest is computed from the jar: slower, as safe.
                return Map.of();
            }
            return digests;
        }
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
