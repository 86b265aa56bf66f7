package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.spi.LabelFormatProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the CSV and JSON label formats through {@link LabelIndex#read}: whatever the bytes, an
 * index or a {@link LabelFormatException} whose every line names the file (and the line, where the
 * source has lines); never another exception.
 */
class LabelFormatsFuzzTest {
    private static Path folder;

    @BeforeContainer
    static void makeFolder() throws IOException {
        folder = Files.createTempDirectory("sluice-label-fuzz");
        Files.createDirectories(folder.resolve("images"));
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static LabelFormat format(String id) {
        for (LabelFormatProvider provider : ServiceLoader.load(LabelFormatProvider.class)) {
            if (provider.id().equals(id)) {
                return provider.create(Options.empty());
            }
        }
        throw new AssertionError("no label format " + id);
    }

    private static void readsOrNamesTheFile(String id, String fileName, byte[] bytes) throws IOException {
        Path source = folder.resolve(fileName);
        Files.write(source, bytes);
        try {
            LabelIndex.read(format(id), source, folder.resolve("images"));
        } catch (LabelFormatException e) {
            for (String line : e.getMessage().split("\n")) {
                assertTrue(line.startsWith(source + ":") || line.matches("\\.\\.\\. and [0-9]+ more problems?"),
                        "does not name the file: " + line);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> csvish() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.of((byte) 'p', (byte) 'a', (byte) 't', (byte) 'h', (byte) ',', (byte) '"', (byte) '1',
                        (byte) '-', (byte) ' ', (byte) '\r', (byte) '\n', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF,
                        (byte) 'l', (byte) 'b', (byte) '.', (byte) '/').array(byte[].class).ofMaxSize(2000),
                Arbitraries.strings().withChars("path,label\n\"a b.jpg\",1\n,x\"\r").ofMaxLength(300)
                        .map(text -> ("path,label\n" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<byte[]> jsonish() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.strings().withChars("{}[]\":,path label 0123456789-.e\\u\n\r\t")
                        .ofMaxLength(400).map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void csvGivesAnIndexOrErrorsThatNameTheFile(@ForAll("csvish") byte[] bytes) throws IOException {
        readsOrNamesTheFile("csv", "labels.csv", bytes);
    }

    @Property(tries = 1000)
    void jsonLinesGiveAnIndexOrErrorsThatNameTheFile(@ForAll("jsonish") byte[] bytes) throws IOException {
        readsOrNamesTheFile("json", "labels.jsonl", bytes);
    }
}
