package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.contract.SpecialFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, items 2 and 16: output is never written through a link, and never left half written. */
class AtomicFilesTest {

    @Test
    void writesTheContentAndLeavesNoTemporaryFile(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("state.txt");
        AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(target));
        assertEquals(List.of(target), listing(folder));
    }

    @Test
    void aLinkAtTheTargetIsReplacedAndItsVictimUntouched(@TempDir Path folder) throws Exception {
        Path victim = Files.writeString(folder.resolve("victim.txt"), "precious");
        Path target = Files.createSymbolicLink(folder.resolve("sheet.png"), victim);
        AtomicFiles.write(target, new byte[] {1, 2});
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFullDiskNamesTheTargetKeepsItsOldContentAndRemovesTheTemporaryFile(@TempDir Path folder) throws Exception {
        Path full = SpecialFiles.device(SpecialFiles.FULL);
        Path target = Files.writeString(folder.resolve("sheet.png"), "old");
        // The write fails as a full disk makes it fail: the error is the operating system's own, from /dev/full.
        FileSystemException refused = assertThrows(FileSystemException.class, () -> AtomicFiles.write(target, out -> {
            try (OutputStream disk = Files.newOutputStream(full)) {
                disk.write(new byte[1 << 16]);
                disk.flush();
            }
        }));
        assertEquals(target + ": No space left on device", refused.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing(folder));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFolderOrAFifoIsRefusedAsATarget(@TempDir Path folder) throws Exception {
        Path sub = Files.createDirectory(folder.resolve("sub"));
        FileSystemException directory = assertThrows(FileSystemException.class, () -> AtomicFiles.write(sub, new byte[1]));
        assertEquals(sub + ": is a directory; give a file name to write to", directory.getMessage());
        Path fifo = SpecialFiles.fifo(folder.resolve("fifo"));
        assertTrue(assertThrows(FileSystemException.class, () -> AtomicFiles.write(fifo, new byte[1])).getMessage()
                .startsWith(fifo + ": is a special file"));
    }

    @Test
    void aMissingFolderIsNamed(@TempDir Path folder) {
        Path target = folder.resolve("missing/state.txt");
        FileSystemException refused = assertThrows(FileSystemException.class, () -> AtomicFiles.write(target, new byte[1]));
        assertEquals(target + ": its folder " + target.getParent() + " does not exist", refused.getMessage());
    }

    @Test
    void createNewRefusesAPlantedLinkEvenADanglingOne(@TempDir Path folder) throws Exception {
        Path victim = Files.writeString(folder.resolve("victim.txt"), "precious");
        Path part = Files.createSymbolicLink(folder.resolve("shard-000002.tar.part"), victim);
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.createNew(part).close());
        Path dangling = Files.createSymbolicLink(folder.resolve("x.part"), folder.resolve("nowhere"));
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.createNew(dangling).close());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.notExists(folder.resolve("nowhere")));
    }

    @Test
    void aFailingContentLeavesNothingBehind(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("out.npy");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IOException("encoder broke");
        }));
        assertInstanceOf(FileSystemException.class, failure);
        assertEquals(target + ": encoder broke", failure.getMessage());
        assertEquals(List.of(), listing(folder));
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
