package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Core;

class OpenCvBinariesTest {

    /** Sizes and CRC-32s as {@code unzip -v opencv-4.9.0-0.jar} lists them. */
    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, opencv-4.9.0-linux-x86_64, libopencv_java490.so, 65304272, 5c0632af",
        "Linux, aarch64, opencv-4.9.0-linux-ARMv8, libopencv_java490.so, 30453272, 1fc9f7ac",
        "Linux, arm, opencv-4.9.0-linux-ARMv7, libopencv_java490.so, 21592076, 41cd30ba",
        "Mac OS X, aarch64, opencv-4.9.0-osx-ARMv8, libopencv_java490.dylib, 22768324, 79051a86",
        "Mac OS X, x86_64, opencv-4.9.0-osx-x86_64, libopencv_java490.dylib, 55802672, 534ac79a",
        "Windows 10, amd64, opencv-4.9.0-windows-x86_64, opencv_java490.dll, 52015616, 164dcaac",
        "Windows 10, x86, opencv-4.9.0-windows-x86_32, opencv_java490.dll, 34652672, 449077b2",
    })
    void eachPlatformGetsItsOwnLibraryFromTheJar(String os, String arch, String release, String fileName, long size,
            String crc) throws IOException {
        BundledLibrary library = OpenCvBinaries.of(os, arch);
        assertEquals(release, library.release());
        assertEquals(fileName, library.fileName());
        assertEquals(size, library.size());
        assertTrue(library.resource().toString().endsWith("opencv-4.9.0-0.jar!/nu/pattern/opencv/"
                + release.substring("opencv-4.9.0-".length()).replace('-', '/') + "/" + fileName), library.resource()::toString);
        assertEquals(Long.parseLong(crc, 16), library.crc32());
    }

    @Test
    void thisMachinesLibraryHasTheNameTheJvmGivesIt() throws IOException {
        assertEquals(System.mapLibraryName(Core.NATIVE_LIBRARY_NAME), OpenCvBinaries.current().fileName());
    }

    @Test
    void aPlatformWithoutALibraryIsRefusedNamingItAndWhy() {
        assertEquals("org.openpnp:opencv 4.9.0 has no native library for Linux x86: its jar has no "
                + "/nu/pattern/opencv/linux/x86_32/libopencv_java490.so",
                assertThrows(IOException.class, () -> OpenCvBinaries.of("Linux", "x86")).getMessage());
        assertEquals("org.openpnp:opencv 4.9.0 has no native library for SunOS sparcv9: it has libraries for Linux, "
                + "macOS and Windows only", assertThrows(IOException.class, () -> OpenCvBinaries.of("SunOS", "sparcv9")).getMessage());
        assertEquals("org.openpnp:opencv 4.9.0 has no native library for Linux riscv64: it has libraries for x86 and "
                + "ARM only", assertThrows(IOException.class, () -> OpenCvBinaries.of("Linux", "riscv64")).getMessage());
    }
}
