package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {
    private static final byte[] CONTENTS = BundledLibraries.bytes(1_000_003, 11);

    @TempDir
    Path folder;

    @Test
    void theCopyIsWrittenOnceAndLaterLoadsReuseIt() throws IOException {
        BundledLibrary library = library(CONTENTS);
        Path root = folder.resolve("cache");
        Path copy = new NativeLibraryCache(root).copyOf(library);
        assertEquals(root.resolve(String.format("standin-1.0-linux-x86_64-%08x", library.crc32())).resolve("libstandin.so"),
                copy);
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
        FileTime written = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
        Files.setLastModifiedTime(copy, written);
        Object file = Files.readAttributes(copy, BasicFileAttributes.class).fileKey();

        Path again = new NativeLibraryCache(root).copyOf(library);

        assertEquals(copy, again);
        assertEquals(written, Files.getLastModifiedTime(again));
        assertEquals(file, Files.readAttributes(again, BasicFileAttributes.class).fileKey());
        assertEquals(List.of(copy, VerifiedCopy.recordOf(copy)), filesUnder(root));
    }

    @Test
    void aTruncatedCopyIsReplaced() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.truncate(CONTENTS.length / 2);
        }

        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void aCopyOfTheRightSizeWithOtherBytesIsReplaced() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        byte[] damaged = CONTENTS.clone();
        damaged[damaged.length - 5] ^= 0x10;
        Files.write(copy, damaged);

        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void twoBuildsOfOneLibraryNeverShareAFolder() throws IOException {
        byte[] other = BundledLibraries.bytes(CONTENTS.length, 12);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path first = cache.copyOf(library(CONTENTS));
        Path second = cache.copyOf(BundledLibraries.in(BundledLibraries.jar(folder.resolve("other.jar"), other)));

        assertNotEquals(first.getParent(), second.getParent());
        assertArrayEquals(CONTENTS, Files.readAllBytes(first));
        assertArrayEquals(other, Files.readAllBytes(second));
    }

    @Test
    void aCacheRootThatIsAFileFailsNamingTheFolderAndTheReason() throws IOException {
        BundledLibrary library = library(CONTENTS);
        Path root = Files.writeString(folder.resolve("cache"), "not a folder");
        Path wanted = root.resolve(String.format("standin-1.0-linux-x86_64-%08x", library.crc32()));

        IOException refused = assertThrows(IOException.class, () -> new NativeLibraryCache(root).copyOf(library));

        assertTrue(refused.getMessage().startsWith("cannot write in the cache folder " + wanted + ": "), refused::getMessage);
        assertInstanceOf(FileSystemException.class, refused.getCause());
        assertEquals("not a folder", Files.readString(root));
    }

    @Test
    void aLibraryWhoseBytesDisagreeWithItsDescriptionIsRefusedAndLeavesNothingBehind() throws IOException {
        BundledLibrary listed = library(CONTENTS);
        BundledLibrary wrong = new BundledLibrary(listed.release(), listed.fileName(), listed.resource(), listed.size(),
                listed.crc32(), "0".repeat(64));
        Path root = folder.resolve("cache");

        IOException refused = assertThrows(IOException.class, () -> new NativeLibraryCache(root).copyOf(wrong));

        assertEquals(String.format("%s read as %d bytes with CRC-32 %08x and SHA-256 %s, but it was described as %d "
                + "bytes with CRC-32 %08x and SHA-256 %s", listed.resource(), CONTENTS.length, listed.crc32(),
                listed.sha256(), CONTENTS.length, listed.crc32(), wrong.sha256()), refused.getMessage());
        assertEquals(List.of(), filesUnder(root));
    }

    @Test
    void aPatchedCopyWithItsSizeAndCrcFixedUpIsReplaced() throws IOException {
        // Issue 15, item 3: a patched library whose CRC-32 was fixed up loaded from SLUICE_CACHE.
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        byte[] patched = CrcForgery.patchKeepingCrc(CONTENTS, CONTENTS.length - 100, (byte) 0xCC);
        assertEquals(library.crc32(), crc(patched), "the patch keeps the CRC-32");
        assertEquals(CONTENTS.length, patched.length);
        Files.write(copy, patched);

        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void aLinkInPlaceOfTheCopyIsReplacedNotFollowed() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        Path elsewhere = Files.write(folder.resolve("elsewhere.so"), CONTENTS);
        Files.delete(copy);
        Files.createSymbolicLink(copy, elsewhere);

        assertEquals(copy, cache.copyOf(library));
        assertTrue(Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void theFoldersItCreatesArePrivate() throws IOException {
        Path root = folder.resolve("cache");
        Path copy = new NativeLibraryCache(root).copyOf(library(CONTENTS));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent())));
    }

    @Test
    void aCacheFolderOthersCanWriteToIsRefusedNamingItAndWhy() throws IOException {
        // A cache anyone can write to lets another user plant a library before the first run.
        Path root = Files.createDirectory(folder.resolve("cache"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        FileSystemException refused = assertThrows(FileSystemException.class,
                () -> new NativeLibraryCache(root).copyOf(library(CONTENTS)));
        assertEquals(root + ": the cache folder is writable by its group and by others (rwxrwxrwx), so a library in it "
                + "may have been replaced; run chmod go-w on it, or set SLUICE_CACHE to a private folder",
                refused.getMessage());
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx---rwx"));
        assertTrue(assertThrows(FileSystemException.class, () -> new NativeLibraryCache(root).copyOf(library(CONTENTS)))
                .getMessage().contains("writable by others (rwx---rwx)"));
    }

    @Test
    void aBuildFolderAnotherUserPlantedIsRefused() throws IOException {
        BundledLibrary library = library(CONTENTS);
        Path root = folder.resolve("cache");
        Path planted = Files.createDirectories(root.resolve(String.format("standin-1.0-linux-x86_64-%08x",
                library.crc32())));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwx------"));
        try {
            Files.setAttribute(planted, "unix:uid", 4242);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "changing a folder's owner needs root: " + e);
        }
        FileSystemException refused = assertThrows(FileSystemException.class,
                () -> new NativeLibraryCache(root).copyOf(library));
        assertTrue(refused.getMessage().startsWith(planted + ": the cache folder belongs to "), refused::getMessage);
        assertTrue(refused.getMessage().endsWith(", not to the user running Sluice, so a library in it may be theirs; "
                + "set SLUICE_CACHE to a folder of your own"), refused::getMessage);
    }

    @Test
    void aCopyFoundGoodIsRecordedAndALaterStartTrustsTheRecordWithoutReadingTheCopy() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        assertTrue(Files.isRegularFile(VerifiedCopy.recordOf(copy), LinkOption.NOFOLLOW_LINKS));
        // Only the user can write in the private folder; a record made for the copy as it is now is
        // what decides, so damaged bytes recorded by hand stay: the next start did not hash them.
        byte[] damaged = CONTENTS.clone();
        damaged[7] ^= 1;
        Files.write(copy, damaged);
        VerifiedCopy.record(copy, library.sha256(), VerifiedCopy.identity(copy).orElseThrow());
        writtenAfterTheChange(copy);

        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(damaged, Files.readAllBytes(copy));
    }

    @Test
    void aCopyChangedAfterItsRecordIsHashedAgainAndReplaced() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        writtenAfterTheChange(copy);
        assertTrue(VerifiedCopy.recorded(copy, library.sha256()));
        byte[] damaged = CONTENTS.clone();
        damaged[CONTENTS.length / 2] ^= 0x40;
        FileTime before = Files.getLastModifiedTime(copy);
        // Same size, and the modification time put back: the change time still moved.
        Files.write(copy, damaged);
        Files.setLastModifiedTime(copy, before);
        assertFalse(VerifiedCopy.recorded(copy, library.sha256()));

        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void aCopyReplacedByAnotherFileIsNotTrustedByTheOldRecord() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        writtenAfterTheChange(copy);
        byte[] other = CONTENTS.clone();
        other[0] ^= 1;
        Path planted = Files.write(copy.resolveSibling("planted"), other);
        Files.move(planted, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(VerifiedCopy.recorded(copy, library.sha256()));

        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void aRecordOfAnotherDigestATruncatedCopyOrARecordThatIsALinkIsNotTrusted() throws IOException {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        Path record = VerifiedCopy.recordOf(copy);
        writtenAfterTheChange(copy);
        assertTrue(VerifiedCopy.recorded(copy, library.sha256()));
        assertFalse(VerifiedCopy.recorded(copy, "0".repeat(64)), "another build's digest");

        Path elsewhere = Files.copy(record, folder.resolve("record-elsewhere"));
        Files.delete(record);
        Files.createSymbolicLink(record, elsewhere);
        assertFalse(VerifiedCopy.recorded(copy, library.sha256()), "a link, even to a good record");

        Files.delete(record);
        cache.copyOf(library);
        writtenAfterTheChange(copy);
        assertTrue(VerifiedCopy.recorded(copy, library.sha256()), "hashed and recorded again");
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.truncate(CONTENTS.length - 1);
        }
        assertFalse(VerifiedCopy.recorded(copy, library.sha256()), "truncated");
        assertEquals(copy, cache.copyOf(library));
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void aPipeInPlaceOfTheRecordIsNotOpened() throws Exception {
        BundledLibrary library = library(CONTENTS);
        NativeLibraryCache cache = new NativeLibraryCache(folder.resolve("cache"));
        Path copy = cache.copyOf(library);
        Path record = VerifiedCopy.recordOf(copy);
        Files.delete(record);
        int made;
        try {
            made = new ProcessBuilder("mkfifo", record.toString()).inheritIO().start().waitFor();
        } catch (IOException noMkfifo) {
            made = -1;
        }
        assumeTrue(made == 0, "mkfifo is needed to make a named pipe");
        // Opening a pipe for reading would wait for a writer forever.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertFalse(VerifiedCopy.recorded(copy, library.sha256()));
            assertEquals(copy, cache.copyOf(library));
        });
        assertArrayEquals(CONTENTS, Files.readAllBytes(copy));
    }

    @Test
    void aRecordWrittenInTheTickOfTheCopysLastChangeIsNotTrusted() throws IOException {
        // A change in the same tick of the file system's clock could leave the change time as recorded.
        BundledLibrary library = library(CONTENTS);
        Path copy = new NativeLibraryCache(folder.resolve("cache")).copyOf(library);
        Path record = VerifiedCopy.recordOf(copy);
        FileTime changed = (FileTime) Files.getAttribute(copy, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        Files.setLastModifiedTime(record, changed);
        assertFalse(VerifiedCopy.recorded(copy, library.sha256()));
        writtenAfterTheChange(copy);
        assertTrue(VerifiedCopy.recorded(copy, library.sha256()));
    }

    /** Dates the copy's record a second after the copy's last change, as a record written in a later tick is. */
    private static void writtenAfterTheChange(Path copy) throws IOException {
        FileTime changed = (FileTime) Files.getAttribute(copy, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        Files.setLastModifiedTime(VerifiedCopy.recordOf(copy), FileTime.from(changed.toInstant().plusSeconds(1)));
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Test
    void twoThreadsFillingOneEmptyCacheLeaveOneCompleteCopy() throws Exception {
        BundledLibrary library = library(BundledLibraries.bytes(8_000_005, 13));
        byte[] expected = BundledLibraries.bytes(8_000_005, 13);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 4; round++) {
                    Path root = folder.resolve("cache-" + round);
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Future<Path>> copies = threads.invokeAll(List.of(
                            () -> { start.await(); return new NativeLibraryCache(root).copyOf(library); },
                            () -> { start.await(); return new NativeLibraryCache(root).copyOf(library); }));
                    Path copy = copies.get(0).get();
                    assertEquals(copy, copies.get(1).get());
                    assertArrayEquals(expected, Files.readAllBytes(copy));
                    assertEquals(List.of(copy, VerifiedCopy.recordOf(copy)), filesUnder(root), "round " + round);
                }
            } finally {
                threads.shutdownNow();
            }
        });
    }

    private BundledLibrary library(byte[] contents) throws IOException {
        return BundledLibraries.in(BundledLibraries.jar(Files.createTempFile(folder, "library", ".jar"), contents));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
