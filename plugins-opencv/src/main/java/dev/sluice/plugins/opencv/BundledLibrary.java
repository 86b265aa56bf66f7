package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * A native library shipped inside a jar on the class path, with the size and CRC-32 that tell one
 * build of it from another.
 *
 * @param release names the library, its version and platform ({@code opencv-4.9.0-linux-x86_64})
 * @param fileName the name its copy on disk gets ({@code libopencv_java490.so})
 * @param resource where it is, usually a {@code jar:} URL
 * @param size its length in bytes
 * @param crc32 the CRC-32 of its bytes
 */
record BundledLibrary(String release, String fileName, URL resource, long size, long crc32) {

    /**
     * Describes the library at {@code resource}. From a jar, size and CRC-32 come from the jar's
     * directory, without reading the 20 to 65 MB of the library; from anywhere else (a folder of
     * classes) they are computed by reading it once.
     *
     * @throws IOException naming the resource when it cannot be read
     */
    static BundledLibrary of(String release, String fileName, URL resource) throws IOException {
        try {
            URLConnection connection = resource.openConnection();
            if (connection instanceof JarURLConnection jar) {
                // Without this the JDK keeps the jar open, in a cache of its own, until the JVM exits.
                jar.setUseCaches(false);
                JarEntry entry = jar.getJarEntry();
                jar.getJarFile().close();
                if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    return new BundledLibrary(release, fileName, resource, entry.getSize(), entry.getCrc());
                }
            }
            return measured(release, fileName, resource);
        } catch (IOException e) {
            throw new IOException("cannot read " + resource + ": " + e, e);
        }
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
        long size = 0;
        try (InputStream in = open(resource)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        return new BundledLibrary(release, fileName, resource, size, crc.getValue());
    }
}
