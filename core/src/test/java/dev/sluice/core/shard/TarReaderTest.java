package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading archives made by GNU tar and Python, and refusing broken ones with the place named. */
class TarReaderTest {
    private static final String LONG_NAME = "./" + "d".repeat(60) + "/" + "e".repeat(60) + "/" + "f".repeat(40) + ".txt";
    private static final String PREFIXED = "g".repeat(80) + "/" + "h".repeat(30) + ".txt";

    @TempDir
    Path dir;

    @Test
    void gnuLongNamesAreReadInFullAndDirectoriesAndLinksAreSteppedOver() throws IOException {
        Map<String, String> members = Tars.read(Tars.fixture(dir, "gnu-longnames.tar"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("./a.cls", "1");
        expected.put("./a.txt", "short");
        expected.put(LONG_NAME, "long");
        expected.put("./" + PREFIXED, "ustar prefix");
        assertEquals(expected, members);
    }

    @Test
    void aUstarPrefixIsJoinedToTheName() throws IOException {
        assertEquals(Map.of(PREFIXED, "ustar prefix"), Tars.read(Tars.fixture(dir, "ustar-prefix.tar")));
    }

    @Test
    void paxPathsSizesAndGlobalHeadersAreHonoured() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("caf\u00e9/000001.txt", "caf\u00e9");
        expected.put("caf\u00e9/000001.cls", "3");
        expected.put("x".repeat(250) + "/000002.txt", "long");
        expected.put("x".repeat(250) + "/000002.cls", "4 5");
        expected.put("000003.txt", "sized");
        assertEquals(expected, Tars.read(Tars.fixture(dir, "pax.tar")));
    }

    @Test
    void anArchiveCutInsideMemberDataNamesTheMember() throws IOException {
        Path tar = Tars.write(dir.resolve("cut.tar"), members());
        // 000000.jpg: header at 0, 1000 data bytes; 000000.cls: header at 1536; 000001.jpg: header at 2560.
        cut(tar, 3072 + 100);
        ShardException e = assertThrows(ShardException.class, () -> Tars.read(tar));
        assertEquals("cut.tar: 000001.jpg (at byte 2560): truncated: the archive ends 100 bytes into the member's "
                + "700 data bytes", e.getMessage());
        assertEquals("000001.jpg", e.member().orElseThrow());
    }

    @Test
    void anArchiveCutInsideAHeaderNamesTheMemberBefore() throws IOException {
        Path tar = Tars.write(dir.resolve("cut.tar"), members());
        cut(tar, 2560 + 200);
        ShardException e = assertThrows(ShardException.class, () -> Tars.read(tar));
        assertEquals("cut.tar: after member 000000.cls (at byte 2560): truncated: the archive ends inside a header "
                + "block", e.getMessage());
    }

    @Test
    void anArchiveCutAtAMemberBoundaryIsTruncatedNotComplete() throws IOException {
        Path tar = Tars.write(dir.resolve("cut.tar"), members());
        cut(tar, 2560);
        ShardException e = assertThrows(ShardException.class, () -> Tars.names(tar));
        assertEquals("cut.tar: after member 000000.cls (at byte 2560): truncated: the archive ends without its "
                + "end-of-archive marker", e.getMessage());
    }

    @Test
    void aCorruptHeaderIsACheckumMismatchAfterTheMemberBefore() throws IOException {
        Path tar = Tars.write(dir.resolve("corrupt.tar"), members());
        byte[] bytes = Files.readAllBytes(tar);
        bytes[2560 + 10] ^= 0x20;
        Files.write(tar, bytes);
        ShardException e = assertThrows(ShardException.class, () -> Tars.names(tar));
        assertEquals("corrupt.tar: after member 000000.cls (at byte 2560): corrupt: header checksum mismatch",
                e.getMessage());
    }

    @Test
    void notATarAndEmptyFilesAreSaidToBeSo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.tar"), "hello\n".repeat(200));
        assertEquals("notes.tar: at byte 0: not a tar archive (the first block is not a tar header)",
                assertThrows(ShardException.class, () -> Tars.names(text)).getMessage());
        Path empty = Files.write(dir.resolve("empty.tar"), new byte[0]);
        assertEquals("empty.tar: at byte 0: an empty file, not a tar archive",
                assertThrows(ShardException.class, () -> Tars.names(empty)).getMessage());
        assertEquals("missing.tar: no such file", assertThrows(ShardException.class,
                () -> TarReader.open(dir.resolve("missing.tar"), "missing.tar")).getMessage());
    }

    @Test
    void aCompressedEntryOfAZipFileSystemIsReadWithoutSeeking() throws IOException {
        Path tar = Tars.write(dir.resolve("inner.tar"), members());
        Path zip = dir.resolve("outer.zip");
        try (FileSystem zipfs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Files.createDirectories(zipfs.getPath("/shards"));
            Files.copy(tar, zipfs.getPath("/shards/inner.tar"));
        }
        try (FileSystem zipfs = FileSystems.newFileSystem(zip)) {
            Map<String, String> read = Tars.read(zipfs.getPath("/shards/inner.tar"));
            assertEquals(members(), read);
            assertEquals(List.copyOf(members().keySet()), Tars.names(zipfs.getPath("/shards/inner.tar")));
        }
    }

    @Test
    void aBase256SizeIsASize() throws IOException {
        Path tar = Tars.write(dir.resolve("big.tar"), members());
        byte[] bytes = Files.readAllBytes(tar);
        // 000000.jpg's size, 1000, in GNU's base-256 form: 0x80, then the value big-endian.
        Arrays.fill(bytes, 124, 136, (byte) 0);
        bytes[124] = (byte) 0x80;
        bytes[134] = 0x03;
        bytes[135] = (byte) 0xE8;
        Arrays.fill(bytes, 148, 156, (byte) ' ');
        TarUtils.formatCheckSumOctalBytes(TarUtils.computeCheckSum(Arrays.copyOf(bytes, 512)), bytes, 148, 8);
        Files.write(tar, bytes);
        assertEquals(members(), Tars.read(tar));
    }

    @Test
    void headersOfMoreThanAMegabyteAreRefusedAtTheirStart() throws IOException {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("000000.cls", "1");
        members.put("x".repeat(TarReader.MAX_HEADER_BYTES) + ".cls", "2");
        Path tar = Tars.write(dir.resolve("long.tar"), members);
        ShardException e = assertThrows(ShardException.class, () -> Tars.read(tar));
        assertEquals("long.tar: after member 000000.cls (at byte 1024): corrupt: the member's headers take more than "
                + TarReader.MAX_HEADER_BYTES + " bytes", e.getMessage());
    }

    @Test
    void aDirectoryThatDeclaresDataIsCorrupt() throws IOException {
        Path tar = Tars.write(dir.resolve("dir.tar"), members());
        byte[] bytes = Files.readAllBytes(tar);
        bytes[156] = '5';
        Arrays.fill(bytes, 148, 156, (byte) ' ');
        TarUtils.formatCheckSumOctalBytes(TarUtils.computeCheckSum(Arrays.copyOf(bytes, 512)), bytes, 148, 8);
        Files.write(tar, bytes);
        assertEquals("dir.tar: 000000.jpg/ (at byte 0): corrupt: a directory entry with 1000 data bytes",
                assertThrows(ShardException.class, () -> Tars.read(tar)).getMessage());
    }

    private static Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("000000.jpg", "a".repeat(1000));
        members.put("000000.cls", "7");
        members.put("000001.jpg", "b".repeat(700));
        members.put("000001.cls", "8");
        return members;
    }

    private static void cut(Path file, long length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) length));
    }
}
