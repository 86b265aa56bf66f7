package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledLibraryTest {
    private static final byte[] CONTENTS = BundledLibraries.bytes(300_001, 7);

    @TempDir
    Path folder;

    @Test
    void inAJarSizeAndCrcComeFromTheJarAndMatchTheBytes() throws IOException {
        BundledLibrary library = BundledLibraries.in(BundledLibraries.jar(folder.resolve("a.jar"), CONTENTS));
        assertEquals(CONTENTS.length, library.size());
        assertEquals(crc(CONTENTS), library.crc32());
        try (InputStream in = library.open()) {
            assertArrayEquals(CONTENTS, in.readAllBytes());
        }
    }

    @Test
    void outsideAJarSizeAndCrcAreMeasuredFromTheBytes() throws IOException {
        Path file = Files.write(folder.resolve("libstandin.so"), CONTENTS);
        BundledLibrary library = BundledLibrary.of("standin-1.0-linux-x86_64", "libstandin.so", file.toUri().toURL());
        assertEquals(CONTENTS.length, library.size());
        assertEquals(crc(CONTENTS), library.crc32());
    }

    @Test
    void aMissingEntryIsReportedNamingTheResource() throws IOException {
        Path jar = BundledLibraries.jar(folder.resolve("a.jar"), CONTENTS);
        URL missing = new URL("jar:" + jar.toUri() + "!/native/osx/ARMv8/libstandin.dylib");
        IOException refused = assertThrows(IOException.class, () -> BundledLibrary.of("standin", "libstandin.dylib", missing));
        assertTrue(refused.getMessage().startsWith("cannot read " + missing + ": java.io.FileNotFoundException"),
                refused::getMessage);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
