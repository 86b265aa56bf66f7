package dev.sluice.core.label.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of number and string ids a COCO file uses, including strings that spell a number of
 * another image ({@code "3"} beside {@code 3}), each image gets exactly the annotations whose
 * {@code image_id} is its id as the same JSON value, in file order, as pycocotools' index gives them.
 */
class CocoIdsPropertiesTest {
    /** Ids that look alike: numbers, the same numbers as strings, integral decimals, and a non-ASCII string. */
    private static final List<String> IDS = List.of("0", "1", "3", "\"0\"", "\"1\"", "\"3\"", "\"01\"", "\"\u00e9\"",
            "\"\"", "-1", "\"-1\"");

    /** A file: image ids (JSON text), then each annotation's image (index into the ids) and category (0 or 1). */
    record File(List<String> imageIds, List<int[]> annotations) {
    }

    @Provide
    Arbitrary<File> files() {
        return Arbitraries.of(IDS).list().uniqueElements().ofMinSize(1).ofMaxSize(IDS.size()).flatMap(ids ->
                Arbitraries.integers().between(0, ids.size() - 1).flatMap(image -> Arbitraries.integers().between(0, 1)
                        .map(category -> new int[] {image, category})).list().ofMaxSize(12)
                        .map(annotations -> new File(ids, annotations)));
    }

    /** The id as an annotation may write it: an integer id sometimes as an integral decimal ({@code 3.0}). */
    private static String reference(String id, int salt) {
        return !id.startsWith("\"") && salt % 2 == 1 ? id + ".0" : id;
    }

    @Property(tries = 300)
    void eachImageGetsTheAnnotationsOfItsIdInFileOrder(@ForAll("files") File file) throws IOException {
        StringBuilder json = new StringBuilder("{\"images\": [");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < file.imageIds().size(); i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"id\": ").append(file.imageIds().get(i))
                    .append(", \"file_name\": \"").append(i).append(".jpg\", \"height\": 40, \"width\": 60}");
            StringBuilder boxes = new StringBuilder(i + ".jpg:");
            for (int a = 0; a < file.annotations().size(); a++) {
                if (file.annotations().get(a)[0] == i) {
                    boxes.append(' ').append(a).append(file.annotations().get(a)[1] == 0 ? "/\"1\"" : "/1");
                }
            }
            expected.add(boxes.toString());
        }
        json.append("],\n\"annotations\": [");
        for (int a = 0; a < file.annotations().size(); a++) {
            int[] annotation = file.annotations().get(a);
            json.append(a == 0 ? "" : ",\n").append("{\"image_id\": ")
                    .append(reference(file.imageIds().get(annotation[0]), a))
                    .append(", \"category_id\": ").append(annotation[1] == 0 ? "\"1\"" : "1.0")
                    .append(", \"bbox\": [").append(a).append(", 0, 1, 1]}");
        }
        json.append("],\n\"categories\": [{\"id\": \"1\", \"name\": \"string\"}, {\"id\": 1, \"name\": \"number\"}]}");
        assertEquals(expected, read(json.toString()), json.toString());
    }

    /** Each entry as {@code path: x/category ...}, the annotation's index being its box's x. */
    private static List<String> read(String json) throws IOException {
        Path file = Files.createTempFile("sluice-coco-ids", ".json");
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            List<List<String>> names = new ArrayList<>();
            new CocoLabelFormatProvider().create(Options.of(Map.of())).read(file, new LabelSink() {
                @Override
                public void entry(String path, long[] labels, long line) {
                    out.add("entry without targets " + path);
                }

                @Override
                public void entry(String path, long[] labels, EntryTargets targets, long line) {
                    StringBuilder boxes = new StringBuilder(path + ":");
                    for (int b = 0; b < targets.boxCount(); b++) {
                        String name = names.get(0).get((int) targets.labels()[b]);
                        boxes.append(' ').append(Math.round(targets.coordinates()[b * 4]))
                                .append(name.equals("string") ? "/\"1\"" : "/1");
                    }
                    out.add(boxes.toString());
                }

                @Override
                public void problem(long line, String text, String reason) {
                    out.add(line + ": " + reason);
                }

                @Override
                public void classNames(List<String> classNames) {
                    names.add(classNames);
                    assertEquals(List.of("number", "string"), classNames, "numbers first, then strings");
                }
            });
            return out;
        } finally {
            Files.delete(file);
        }
    }
}
