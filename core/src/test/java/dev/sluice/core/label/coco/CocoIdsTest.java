package dev.sluice.core.label.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image and category ids written as numbers or strings, matched as pycocotools matches them: by exact
 * JSON value, so that {@code "1"} and {@code 1} are two ids and {@code 7.0} and {@code 7} one.
 */
class CocoIdsTest {
    private static final String FIXTURES = "/dev/sluice/core/label/coco/";

    @TempDir
    Path dir;

    /** What a format hands its sink, one line each: entries as {@code path: name x y w h; ...}. */
    private static final class Lines implements LabelSink {
        final List<String> lines = new ArrayList<>();
        List<String> names = List.of();

        @Override
        public void entry(String path, long[] labels, long line) {
            lines.add("entry without targets " + path);
        }

        @Override
        public void entry(String path, long[] labels, EntryTargets targets, long line) {
            List<String> boxes = new ArrayList<>();
            float[] xywh = targets.coordinates();
            for (int b = 0; b < targets.boxCount(); b++) {
                StringBuilder box = new StringBuilder(names.get((int) targets.labels()[b]));
                for (int k = 0; k < 4; k++) {
                    box.append(' ').append(Math.round(xywh[b * 4 + k]));
                }
                boxes.add(box.toString());
            }
            lines.add(path + ": " + String.join("; ", boxes));
        }

        @Override
        public void problem(long line, String text, String reason) {
            lines.add(line + ": " + reason);
        }

        @Override
        public void classNames(List<String> classNames) {
            names = classNames;
        }
    }

    private Lines read(String json) throws IOException {
        Path file = dir.resolve("instances.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Lines sink = new Lines();
        new CocoLabelFormatProvider().create(Options.of(Map.of())).read(file, sink);
        return sink;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CocoIdsTest.class.getResourceAsStream(FIXTURES + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachImageGetsTheAnnotationsPycocotoolsGivesIt() throws IOException {
        Lines read = read(resource("ids.json"));
        List<String> expected = resource("ids-pycocotools.txt").lines().filter(line -> !line.startsWith("#")).toList();
        assertEquals(expected.stream().map(String::strip).toList(), read.lines.stream().map(String::strip).toList());
    }

    @Test
    void categoriesWithNumbersComeFirstThenStringsInCodePointOrder() throws IOException {
        Lines read = read(resource("ids.json"));
        assertEquals(List.of("two-number", "ten", "two-string", "dog"), read.names);
        Lines strings = read("{\"images\": [{\"id\": \"a\", \"file_name\": \"a.jpg\", \"height\": 4, \"width\": 6}],\n"
                + "\"annotations\": [],\n\"categories\": [{\"id\": \"\uD83D\uDC15\", \"name\": \"dog emoji\"}, "
                + "{\"id\": \"\uFF41\", \"name\": \"wide a\"}, {\"id\": \"Z\", \"name\": \"zed\"}, {\"id\": \"a\", "
                + "\"name\": \"a\"}, {\"id\": -3, \"name\": \"minus three\"}]}");
        // U+1F415 sorts after U+FF41 by code point (Python's str order), before it by UTF-16 unit.
        assertEquals(List.of("minus three", "zed", "a", "wide a", "dog emoji"), strings.names);
    }

    @Test
    void aDanglingIdIsAProblemThatSaysWhenTheOtherKindOfTheSameIdExists() throws IOException {
        Lines read = read("{\"images\": [{\"id\": 17, \"file_name\": \"a.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": \"b\", \"file_name\": \"b.jpg\", \"height\": 4, \"width\": 6}],\n"
                + "\"annotations\": [{\"image_id\": \"17\", \"category_id\": 1, \"bbox\": [1, 1, 1, 1]},\n"
                + "{\"image_id\": \"c\", \"category_id\": 1, \"bbox\": [1, 1, 1, 1]},\n"
                + "{\"image_id\": 17, \"category_id\": \"1\", \"bbox\": [1, 1, 1, 1]},\n"
                + "{\"image_id\": \"017\", \"category_id\": 1, \"bbox\": [1, 1, 1, 1]}],\n"
                + "\"categories\": [{\"id\": 1, \"name\": \"dog\"}]}");
        assertEquals(List.of(
                "3: /annotations/0: image_id \"17\" is not the id of any image (the image 17 is; a string and a "
                        + "number are two ids, as in pycocotools)",
                "4: /annotations/1: image_id \"c\" is not the id of any image",
                "5: /annotations/2: category_id \"1\" is not the id of any category (the category 1 is; a string "
                        + "and a number are two ids, as in pycocotools)",
                "6: /annotations/3: image_id \"017\" is not the id of any image",
                "a.jpg: ", "b.jpg: "), read.lines);
    }

    @Test
    void aStringIdGivenTwiceIsRefusedAndOtherValuesAreNoIds() throws IOException {
        String longId = "x".repeat(100);
        Lines read = read("{\"images\": [{\"id\": \"a\", \"file_name\": \"a.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": \"\\u0061\", \"file_name\": \"b.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": \"" + longId + "\", \"file_name\": \"c.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": \"" + longId + "\", \"file_name\": \"d.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": true, \"file_name\": \"e.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": null, \"file_name\": \"f.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": [1], \"file_name\": \"g.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": 1.5, \"file_name\": \"h.jpg\", \"height\": 4, \"width\": 6}],\n"
                + "\"annotations\": [{\"image_id\": {\"id\": 1}, \"category_id\": \"x\", \"bbox\": [1, 1, 1, 1]}],\n"
                + "\"categories\": [{\"id\": \"x\", \"name\": \"dog\"}, {\"id\": \"x\", \"name\": \"cat\"}]}");
        assertEquals(List.of(
                "5: /images/4/id: must be an integer or a string",
                "6: /images/5/id: must be an integer or a string",
                "7: /images/6/id: must be an integer or a string",
                "8: /images/7/id: must be an integer, was 1.5",
                "9: /annotations/0/image_id: must be an integer or a string",
                "10: category id \"x\" is given twice",
                "2: /images/1/id: image id \"a\" is already the id of /images/0",
                "4: /images/3/id: image id \"" + "x".repeat(37) + "...\" is already the id of /images/2",
                "a.jpg: ", "b.jpg: ", "c.jpg: ", "d.jpg: "), read.lines);
    }
}
