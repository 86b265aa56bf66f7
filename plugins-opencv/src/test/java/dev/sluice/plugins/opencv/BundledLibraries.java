package dev.sluice.plugins.opencv;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** Jars holding a stand-in native library of random bytes, for the cache's tests. */
final class BundledLibraries {
    static final String ENTRY = "native/linux/x86_64/libstandin.so";

    private BundledLibraries() {
    }

    /** {@code size} bytes drawn from {@code seed}. */
    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i += 8) {
            long next = random.nextLong();
            for (int b = i; b < Math.min(size, i + 8); b++) {
                bytes[b] = (byte) (next >>> (8 * (b - i)));
            }
        }
        return bytes;
    }

    /** Writes {@code contents} as {@link #ENTRY}, compressed, in a new jar {@code jar}. */
    static Path jar(Path jar, byte[] contents) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry(ENTRY));
            out.write(contents);
            out.closeEntry();
        }
        return jar;
    }

    /** The library in {@code jar}, described as the cache sees it. */
    static BundledLibrary in(Path jar) throws IOException {
        return BundledLibrary.of("standin-1.0-linux-x86_64", "libstandin.so", url(jar));
    }

    static URL url(Path jar) throws IOException {
        return new URL("jar:" + jar.toUri() + "!/" + ENTRY);
    }
}
