package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.spi.LabelFormatProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the CSV, JSON, COCO, YOLO and VOC label formats through {@link LabelIndex#read}: whatever the bytes, an
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
        return format(id, Options.empty());
    }

    private static LabelFormat format(String id, Options options) {
        for (LabelFormatProvider provider : ServiceLoader.load(LabelFormatProvider.class)) {
            if (provider.id().equals(id)) {
                return provider.create(options);
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

    private static final String COCO = "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"height\": 4, "
            + "\"width\": 6}],\n\"annotations\": [{\"image_id\": 1, \"category_id\": 2, \"bbox\": [1, 1, 2.5, 2], "
            + "\"iscrowd\": 0, \"segmentation\": [[1, 1, 3, 1, 1, 3.5]]},\n{\"image_id\": 1, \"category_id\": 2, "
            + "\"bbox\": [0, 0, 6, 4], \"segmentation\": {\"size\": [4, 6], \"counts\": \"92207\"}}],\n"
            + "\"categories\": [{\"id\": 2, \"name\": \"cat\"}]}";
    /** The same file with its ids written as strings, as pycocotools also reads them. */
    private static final String COCO_STRING_IDS = COCO.replace("\"id\": 1", "\"id\": \"img-1\"")
            .replace("\"image_id\": 1", "\"image_id\": \"img-1\"").replace("\"id\": 2", "\"id\": \"2\"")
            .replace("\"category_id\": 2", "\"category_id\": \"2\"");

    /**
     * A valid COCO file, its ids numbers or strings, with a few characters replaced, inserted or
     * deleted, or JSON-like noise.
     */
    @Provide
    Arbitrary<byte[]> cocoish() {
        Arbitrary<Character> glyphs = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '0', '1', '-', '9', 'e', '.',
                ' ', '\n', 'x', '@', 'o');
        Arbitrary<String> edited = Arbitraries.of(COCO, COCO_STRING_IDS).flatMap(seed -> Arbitraries.integers()
                .between(0, seed.length() - 1).list().ofMinSize(1).ofMaxSize(6)
                .flatMap(positions -> glyphs.list().ofSize(positions.size()).map(chars -> {
                    StringBuilder text = new StringBuilder(seed);
                    for (int i = 0; i < positions.size(); i++) {
                        int at = Math.min(positions.get(i), text.length() - 1);
                        switch (chars.get(i) % 3) {
                            case 0 -> text.setCharAt(at, chars.get(i));
                            case 1 -> text.insert(at, chars.get(i));
                            default -> text.deleteCharAt(at);
                        }
                    }
                    return text.toString();
                })));
        return Arbitraries.oneOf(edited.map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(500));
    }

    @Property(tries = 1000)
    void cocoGivesAnIndexOrErrorsThatNameTheFile(@ForAll("cocoish") byte[] bytes) throws IOException {
        readsOrNamesTheFile("coco", "instances.json", bytes);
    }

    /** A folder-shaped format: the bytes as the one label file in its folder. */
    private static void readsOrNamesTheFolder(String id, String fileName, byte[] bytes) throws IOException {
        readsOrNamesTheFolder(id, Options.empty(), fileName, bytes);
    }

    private static void readsOrNamesTheFolder(String id, Options options, String fileName, byte[] bytes)
            throws IOException {
        Path labels = Files.createDirectories(folder.resolve(id));
        Files.write(labels.resolve(fileName), bytes);
        try {
            LabelIndex.read(format(id, options), labels, folder.resolve("images"));
        } catch (LabelFormatException e) {
            for (String line : e.getMessage().split("\n")) {
                assertTrue(line.startsWith(labels + ": " + fileName) || line.startsWith(labels + ": no entries")
                        || line.matches("\\.\\.\\. and [0-9]+ more problems?"), "does not name the file: " + line);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> yoloish() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(500),
                Arbitraries.strings().withChars("0123456789. -e\n\r\tx").ofMaxLength(300)
                        .map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Property(tries = 500)
    void yoloGivesAnIndexOrErrorsThatNameTheLabelFile(@ForAll("yoloish") byte[] bytes) throws IOException {
        readsOrNamesTheFolder("yolo", "x.txt", bytes);
    }

    @Property(tries = 300)
    void yoloPolygonsAndPoseLinesGiveAnIndexOrErrorsThatNameTheLabelFile(@ForAll("yoloish") byte[] bytes)
            throws IOException {
        readsOrNamesTheFolder("yolo", Options.of(Map.of("masks", true)), "x.txt", bytes);
        readsOrNamesTheFolder("yolo", Options.of(Map.of("kpt_shape", List.of(1, 2))), "x.txt", bytes);
        readsOrNamesTheFolder("yolo", Options.of(Map.of("kpt_shape", List.of(1, 3))), "x.txt", bytes);
    }

    private static final String VOC = "<annotation><filename>a.jpg</filename><size><width>6</width><height>4</height>"
            + "</size><object><name>dog</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2.5</xmax><ymax>2</ymax>"
            + "</bndbox></object></annotation>";

    @Provide
    Arbitrary<byte[]> vocish() {
        Arbitrary<Character> glyphs = Arbitraries.of('<', '>', '/', '&', ';', '!', '"', '=', '0', '-', 'a', ' ', '\n');
        Arbitrary<String> edited = Arbitraries.integers().between(0, VOC.length() - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> glyphs.list().ofSize(positions.size()).map(chars -> {
                    StringBuilder text = new StringBuilder(VOC);
                    for (int i = 0; i < positions.size(); i++) {
                        text.setCharAt(Math.min(positions.get(i), text.length() - 1), chars.get(i));
                    }
                    return text.toString();
                }));
        return Arbitraries.oneOf(edited.map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Property(tries = 500)
    void vocGivesAnIndexOrErrorsThatNameTheXmlFile(@ForAll("vocish") byte[] bytes) throws IOException {
        readsOrNamesTheFolder("voc", "x.xml", bytes);
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
