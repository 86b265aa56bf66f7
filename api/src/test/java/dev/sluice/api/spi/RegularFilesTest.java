package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.contract.SpecialFiles;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, items 11 and 12: only regular files are read, and the others are refused before they are opened. */
class RegularFilesTest {

    @Test
    void aRegularFileIsReadAndALinkToOneIsFollowed(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("a.bin"), new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(folder.resolve("link.bin"), file);
        assertEquals(3, RegularFiles.requireRegular(link));
        assertArrayEquals(new byte[] {1, 2, 3}, RegularFiles.readAllBytes(link));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path folder) throws Exception {
        // Opening a FIFO with no writer would wait for ever; the check before opening makes this return.
        Path fifo = SpecialFiles.fifo(folder.resolve("fifo.jpg"));
        FileSystemException refused = assertThrows(FileSystemException.class, () -> RegularFiles.readAllBytes(fifo));
        assertEquals(fifo + ": is a FIFO, not a regular file", refused.getMessage());
        assertThrows(FileSystemException.class, () -> RegularFiles.newInputStream(fifo).close());
    }

    @Test
    void devicesAreRefusedInsteadOfReadForEver() {
        Path zero = SpecialFiles.device(SpecialFiles.ZERO);
        FileSystemException refused = assertThrows(FileSystemException.class, () -> RegularFiles.readAllBytes(zero));
        assertEquals("/dev/zero: is a character device, not a regular file", refused.getMessage());
    }

    @Test
    void aDirectoryIsRefusedNamingIt(@TempDir Path folder) {
        FileSystemException refused = assertThrows(FileSystemException.class, () -> RegularFiles.readAllBytes(folder));
        assertEquals(folder + ": is a directory, not a regular file", refused.getMessage());
    }

    @Test
    void aMissingFileIsTheJdksNoSuchFile(@TempDir Path folder) {
        assertThrows(NoSuchFileException.class, () -> RegularFiles.requireRegular(folder.resolve("missing")));
    }
}
