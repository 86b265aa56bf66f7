package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.LabelFormatContract;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YoloLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "yolo";
    }

    @Override
    protected List<Entry> sampleEntries() {
        return List.of(Entry.of("birds/a.jpg"), Entry.of("birds/\u00e9t\u00e9.jpg"), Entry.of("cats/1.jpg"),
                Entry.of("dogs/2.jpg"), Entry.of("dogs/puppies/3.jpg"));
    }

    @Override
    protected List<EntryTargets> sampleTargets() {
        return List.of(
                boxes(new float[] {0.5f, 0.5f, 0.25f, 0.125f, 0.1f, 0.9f, 0.2f, 0.2f}, 0, 14),
                boxes(new float[0]),
                boxes(new float[] {0, 0, 1, 1}, 3),
                boxes(new float[] {0.333f, 0.6667f, 0.01f, 0.02f}, 1),
                boxes(new float[0]));
    }

    private static EntryTargets boxes(float[] coordinates, long... labels) {
        return EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, coordinates, labels);
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        List<EntryTargets> targets = sampleTargets();
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String stem = entries.get(i).path().substring(0, entries.get(i).path().length() - 4);
            StringBuilder text = new StringBuilder(i == 1 ? "" : "\n");
            float[] box = targets.get(i).coordinates();
            for (int b = 0; b < targets.get(i).boxCount(); b++) {
                text.append(targets.get(i).labels()[b]);
                for (int k = 0; k < 4; k++) {
                    text.append(b == 0 ? ' ' : '\t').append(box[b * 4 + k]);
                }
                text.append(b == 0 ? "\r\n" : "\n");
            }
            Path file = dir.resolve("labels").resolve(stem + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            lines.add(0L);
        }
        Files.writeString(dir.resolve("labels/classes.names"), "not a label file");
        return new WrittenSource(dir.resolve("labels"), lines);
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path labels = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(labels.resolve("a.txt"), "0 0.5 0.5 0.2 0.2\n");
        Files.writeString(labels.resolve("b.txt"), "0 0.5 0.5 0.2 0.2\n1 0.5 0.5\n");
        Files.writeString(labels.resolve("c.txt"), "x 0.1 0.1 0.1 0.1\n");
        Files.writeString(labels.resolve("d.txt"), "0 1.5 0.5 0.1 0.1\n");
        Files.write(labels.resolve("e.txt"), new byte[] {'0', ' ', (byte) 0xFF});
        Files.writeString(labels.resolve("f.txt"), "2 0.1 0.2 0.3 0.4 0.5 0.6 0.7\n");
        Files.writeString(labels.resolve("g.txt"), "");
        return new InvalidSource(labels, List.of(0L, 0L, 0L, 0L, 0L), List.of(Entry.of("a.jpg"), Entry.of("g.jpg")));
    }

    @Test
    void problemsNameTheLabelFileAndLine() throws IOException {
        Path labels = writeInvalidSource(dir).source();
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(createFormat(), labels, dir.resolve("images")));
        assertEquals(String.join("\n",
                labels + ": b.txt:2: expected 5 values (class cx cy w h) or a polygon (class x1 y1 x2 y2 x3 y3 ..., "
                        + "at least 3 points), found 3: '1 0.5 0.5'",
                labels + ": c.txt:1: class 'x' is not a non-negative integer: 'x 0.1 0.1 0.1 0.1'",
                labels + ": d.txt:1: '1.5' is not a number from -0.01 to 1.01: '0 1.5 0.5 0.1 0.1'",
                labels + ": e.txt: not UTF-8 text",
                labels + ": f.txt:1: a polygon is x y pairs, but this line has 7 values after the class (pose lines "
                        + "need the option kpt_shape): '2 0.1 0.2 0.3 0.4 0.5 0.6 0.7'"), e.getMessage());
    }

    @Test
    void theEntriesAreTheImagesAndAnImageWithoutALabelFileHasNoObjects() throws IOException {
        Path labels = Files.createDirectories(dir.resolve("labels/train/sub"));
        Path images = Files.createDirectories(dir.resolve("images/train/sub"));
        Files.writeString(labels.resolve("../a.txt"), "3 0.5 0.5 0.25 0.25\n");
        Files.writeString(labels.resolve("c.txt"), "1 0.1 0.2 0.3 0.4\n");
        for (String image : List.of("../a.JPG", "../b.png", "c.webp", "../notes.md")) {
            Files.write(images.resolve(image), new byte[] {1});
        }
        LabelIndex index = LabelIndex.read(createFormat(), dir.resolve("labels/train"), dir.resolve("images/train"));
        assertEquals(List.of("a.JPG", "b.png", "sub/c.webp"), paths(index));
        assertEquals(boxes(new float[] {0.5f, 0.5f, 0.25f, 0.25f}, 3), index.targets(0).orElseThrow());
        assertEquals(boxes(new float[0]), index.targets(1).orElseThrow());
        assertEquals(boxes(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 1), index.targets(2).orElseThrow());
    }

    @Test
    void aLabelFileWithoutAnImageAndTwoImagesForOneLabelFileAreProblems() throws IOException {
        Path labels = Files.createDirectories(dir.resolve("labels"));
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.writeString(labels.resolve("gone.txt"), "0 0.5 0.5 0.2 0.2\n");
        Files.writeString(labels.resolve("x.txt"), "");
        Files.write(images.resolve("x.jpg"), new byte[] {1});
        Files.write(images.resolve("x.png"), new byte[] {1});
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(createFormat(), labels, images));
        assertEquals(String.join("\n",
                labels + ": x.png: a second image beside x.jpg for the label file x.txt; set the option "
                        + "image_extension to choose one",
                labels + ": gone.txt: no image gone.* (" + String.join(", ", FolderLabelFormat.IMG_EXTENSIONS)
                        + ") under the image root " + images), e.getMessage());
    }

    @Test
    void theImageExtensionIsAnOption() throws IOException {
        Path labels = Files.createDirectories(dir.resolve("l"));
        Files.writeString(labels.resolve("x.txt"), "");
        Files.write(Files.createDirectories(dir.resolve("i")).resolve("x.png"), new byte[] {1});
        Files.write(dir.resolve("i/x.jpg"), new byte[] {1});
        LabelIndex index = LabelIndex.read(new YoloLabelFormatProvider().create(Options.of(Map.of("image_extension",
                ".png"))), labels, dir.resolve("i"));
        assertEquals(List.of("x.png"), paths(index));
        assertEquals("x.png", LabelIndex.read(new YoloLabelFormatProvider().create(Options.of(Map.of(
                "image_extension", ".png"))), labels, dir.resolve("no-such-root")).path(0));
        assertThrows(OptionsException.class,
                () -> new YoloLabelFormatProvider().create(Options.of(Map.of("image_extension", "png/../x"))));
    }

    private static List<String> paths(LabelIndex index) {
        List<String> paths = new ArrayList<>();
        for (long i = 0; i < index.size(); i++) {
            paths.add(index.path(i));
        }
        return paths;
    }
}
