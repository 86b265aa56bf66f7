package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer puts in an archive, and that the reader gets every name and byte back. */
class TarWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfNameComesBackAsWritten() throws IOException {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("000000.jpg", "short name");
        members.put("a".repeat(100), "exactly 100 bytes");
        members.put("p".repeat(120) + "/" + "n".repeat(90) + ".cls", "prefix and name");
        members.put("q".repeat(200) + "/" + "r".repeat(120) + ".json", "too long for ustar: pax");
        members.put("s".repeat(300), "no slash to cut at: pax");
        members.put("\u00e9t\u00e9/\u732b.png", "not ASCII: pax");
        members.put("empty.txt", "");
        assertEquals(members, Tars.read(Tars.write(dir.resolve("names.tar"), members)));
    }

    @Test
    void anArchiveIsWholeRecordsEndingInTwoZeroBlocks() throws IOException {
        Path tar = Tars.write(dir.resolve("one.tar"), Map.of("000000.cls", "3"));
        byte[] bytes = Files.readAllBytes(tar);
        assertEquals(10240, bytes.length);
        for (int i = 1024; i < 2048; i++) {
            assertEquals(0, bytes[i], "byte " + i + " of the end-of-archive blocks");
        }
    }

    @Test
    void headersHaveUstarMagicSaneModeOwnerAndTime() throws IOException {
        Path tar = Tars.write(dir.resolve("one.tar"), Map.of("000000.cls", "3"));
        byte[] header = Files.readAllBytes(tar);
        assertEquals("ustar\u000000", new String(header, 257, 8, StandardCharsets.US_ASCII));
        assertEquals(0644, TarUtils.parseOctal(header, 100, 8));
        assertEquals(0, TarUtils.parseOctal(header, 108, 8));
        assertEquals(0, TarUtils.parseOctal(header, 116, 8));
        assertEquals(1_700_000_000L, TarUtils.parseOctal(header, 136, 12));
        assertEquals(1, TarUtils.parseOctal(header, 124, 12));
        assertEquals('0', header[156]);
        assertTrue(TarUtils.verifyCheckSum(Arrays.copyOf(header, 512)));
    }

    @Test
    void absoluteAndEmptyNamesAreRefused() throws IOException {
        try (TarWriter writer = new TarWriter(new ByteArrayOutputStream(), 0)) {
            assertEquals("a member name must be relative, not empty, without NUL; was '/etc/passwd'",
                    assertThrows(IllegalArgumentException.class, () -> writer.add("/etc/passwd", new byte[0]))
                            .getMessage());
            assertThrows(IllegalArgumentException.class, () -> writer.add("", new byte[0]));
        }
    }

    @Property(tries = 60)
    void whatIsWrittenIsReadBack(@ForAll("archives") Map<String, String> members) throws IOException {
        Path tar = Files.createTempFile("sluice-prop", ".tar");
        try {
            assertEquals(members, Tars.read(Tars.write(tar, members)));
        } finally {
            Files.delete(tar);
        }
    }

    @Provide
    Arbitrary<Map<String, String>> archives() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withChars('\u00e9', '\u732b', '.', '-')
                .ofMinLength(1).ofMaxLength(90);
        Arbitrary<String> name = segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
        Arbitrary<String> data = Arbitraries.strings().ofMaxLength(1500);
        return Arbitraries.maps(name, data).ofMaxSize(6).map(LinkedHashMap::new);
    }
}
