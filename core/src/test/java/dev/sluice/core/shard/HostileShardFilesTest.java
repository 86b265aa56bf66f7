package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.contract.SpecialFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, items 2, 11, 12 and 16, built from the cases: shards that are links, FIFOs, folders or lie about sizes. */
class HostileShardFilesTest {
    @TempDir
    Path dir;

    @Test
    void aPlantedPartLinkForALaterShardIsRefusedAndItsVictimUntouched() throws IOException {
        // ln -s ../victim.txt W/shard-000002.tar.part, then four samples a shard: the victim became a tar.
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path out = Files.createDirectories(dir.resolve("W"));
        Path planted = Files.createSymbolicLink(out.resolve("shard-000002.tar.part"), Path.of("../victim.txt"));
        ShardWriter writer = ShardWriter.builder(out).maxSamples(4).mtime(Instant.ofEpochSecond(1_700_000_000L)).build();
        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class, () -> {
            for (int i = 0; i < 12; i++) {
                writer.write(String.format("%06d", i), Map.of("cls", "1".getBytes(StandardCharsets.US_ASCII)));
            }
        });
        writer.abort();
        assertEquals(planted + ": a file or link of that name exists already (a shard being written, or left by an "
                + "interrupted export); remove it or write elsewhere", refused.getMessage());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(planted), "the planted link is left for its owner to see");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(planted), files.toList(), "the export left no shard behind");
        }
    }

    @Test
    void aPlantedLinkAtAShardsFinalNameIsTakenNotFollowed() throws IOException {
        Path out = Files.createDirectories(dir.resolve("W"));
        Path dangling = Files.createSymbolicLink(out.resolve("shard-000000.tar"), dir.resolve("nowhere.tar"));
        ShardWriter writer = ShardWriter.builder(out).build();
        assertThrows(FileAlreadyExistsException.class, () -> writer.write("000000",
                Map.of("cls", new byte[] {'1'})));
        assertTrue(Files.notExists(dir.resolve("nowhere.tar")));
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void aHeaderClaimingNearlyTwoGigabytesAllocatesOnlyWhatTheShardHolds() throws IOException {
        // A 20 KB tar whose header claims 1.9 GB: TarReader.readData allocated the claimed size first.
        Path tar = Tars.write(dir.resolve("liar.tar"), Map.of("000000.jpg", "x".repeat(20_000)));
        byte[] bytes = Files.readAllBytes(tar);
        byte[] size = "16117731400\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, bytes, 124, size.length);
        fixChecksum(bytes);
        Files.write(tar, bytes);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ShardException refused = assertThrows(ShardException.class, () -> Tars.read(tar));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Everything after the header, padding and end-of-archive blocks included, is taken as the member's data.
        assertEquals("liar.tar: 000000.jpg (at byte 0): truncated: the archive ends " + (bytes.length - 512)
                + " bytes into the member's 1900000000 data bytes", refused.getMessage());
        assertTrue(allocated < 16 << 20, () -> "allocated " + allocated + " bytes reading a " + bytes.length
                + "-byte shard");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aShardThatIsAFolderOrAFifoIsSaidToBeOneNotMissing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.tar"));
        assertEquals("shard " + folder + " is a directory, not a regular file", assertThrows(
                IllegalArgumentException.class, () -> ShardFixtures.builder(List.of(folder)).build()).getMessage());
        Path fifo = SpecialFiles.fifo(dir.resolve("fifo.tar"));
        assertEquals("shard " + fifo + " is a FIFO, not a regular file", assertThrows(IllegalArgumentException.class,
                () -> ShardFixtures.builder(List.of(fifo)).build()).getMessage());
        assertEquals("2 of 3 shards cannot be read: " + folder + " (is a directory, not a regular file), "
                + dir.resolve("nope.tar") + " (no such file)", assertThrows(IllegalArgumentException.class,
                () -> ShardFixtures.builder(List.of(folder, Tars.write(dir.resolve("ok.tar"), Map.of("a.cls", "1")),
                        dir.resolve("nope.tar"))).build()).getMessage());
        // Opened directly (as a reader thread does), a FIFO is refused instead of blocking the open for ever.
        assertEquals("fifo.tar: cannot be opened: is a FIFO, not a regular file",
                assertThrows(ShardException.class, () -> TarReader.open(fifo, "fifo.tar")).getMessage());
    }

    @Test
    void aShardThatIsADeviceIsRefusedBeforeItIsRead() {
        Path zero = SpecialFiles.device(SpecialFiles.ZERO);
        assertEquals("shard /dev/zero is a character device, not a regular file", assertThrows(
                IllegalArgumentException.class, () -> ShardFixtures.builder(List.of(zero)).build()).getMessage());
    }

    private static void fixChecksum(byte[] header) {
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += header[i] & 0xFF;
        }
        byte[] digits = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, header, 148, digits.length);
    }
}
