package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * A native library shipped inside a jar on the class path, with the size and CRC-32 that tell one
 * build of it from another, and the SHA-256 of its bytes that a copy on disk must match before it is
 * loaded (a CRC-32 can be fixed up after patching a library; a SHA-256 cannot).
 *
 * @param release names the library, its version and platform ({@code opencv-4.9.0-linux-x86_64})
 * @param fileName the name its copy on disk gets ({@code libopencv_java490.so})
 * @param resource where it is, usually a {@code jar:} URL
 * @param size its length in bytes
 * @param crc32 the CRC-32 of its bytes
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
record BundledLibrary(String release, String fileName, URL resource, long size, long crc32, String sha256) {

    /**
     * Describes the library at {@code resource}. From a jar whose entry {@link NativeDigests#known}
     * lists, size, CRC-32 and SHA-256 come without reading the library; otherwise it is read once
     * (inflating 65 MB and hashing it takes over a second) for its SHA-256, and a jar's size and
     * CRC-32 must match what was read.
     *
     * @throws IOException naming the resource when it cannot be read, or when its bytes disagree with
     *         its jar's directory
     */
    static BundledLibrary of(String release, String fileName, URL resource) throws IOException {
        JarEntry entry;
        BundledLibrary measured;
        try {
            URLConnection connection = resource.openConnection();
            entry = null;
            if (connection instanceof JarURLConnection jar) {
                // Without this the JDK keeps the jar open, in a cache of its own, until the JVM exits.
                jar.setUseCaches(false);
                entry = jar.getJarEntry();
                jar.getJarFile().close();
                if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    Optional<String> known = NativeDigests.known(entry.getName(), entry.getSize(), entry.getCrc());
                    if (known.isPresent()) {
                        return new BundledLibrary(release, fileName, resource, entry.getSize(), entry.getCrc(),
                                known.get());
                    }
                }
            }
            measured = measured(release, fileName, resource);
        } catch (IOException e) {
            throw new IOException("cannot read " + resource + ": " + e, e);
        }
        if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0
                && (entry.getSize() != measured.size || entry.getCrc() != measured.crc32)) {
            throw new IOException(resource + " read as " + measured.size + " bytes with CRC-32 "
                    + String.format("%08x", measured.crc32) + ", but its jar lists " + entry.getSize()
                    + " bytes with CRC-32 " + String.format("%08x", entry.getCrc()));
        }
        return measured;
    }

    /** Opens the library's bytes; the caller closes the stream. */
    InputStream open() throws IOException {
        return open(resource);
    }

    private static InputStream open(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private static BundledLibrary measured(String release, String fileName, URL resource) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest sha256 = NativeDigests.sha256();
        long size = 0;
        try (InputStream in = open(resource)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        return new BundledLibrary(release, fileName, resource, size, crc.getValue(), NativeDigests.hex(sha256));
    }
}
