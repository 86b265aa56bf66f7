package dev.sluice.core.label.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.contract.LabelFormatContract;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CocoLabelFormatTest extends LabelFormatContract {
    private static final CanvasSize SMALL = new CanvasSize(4, 6);
    private static final CanvasSize WIDE = new CanvasSize(3, 8);
    private static final InstanceShape TRIANGLE = InstanceShape.Polygons.of(List.of(new double[] {1, 1, 3.25, 1, 1, 2.5}));
    /** 4x6, the 2x2 square at rows 1-2, columns 2-3: "compressed" as pycocotools writes it, and as runs. */
    private static final String SQUARE_TEXT = "92207";
    private static final InstanceShape SQUARE = InstanceShape.RunLengths.of(SMALL, new int[] {9, 2, 2, 2, 9});

    @Override
    protected String providerId() {
        return "coco";
    }

    @Override
    protected LabelFormat createFormat() {
        return new CocoLabelFormatProvider().create(Options.of(Map.of("masks", true)));
    }

    @Override
    protected List<Entry> sampleEntries() {
        return List.of(Entry.of("birds/a.jpg"), Entry.of("birds/\u00e9t\u00e9.png"), Entry.of("cats/1.jpg"),
                Entry.of("dogs/2.jpeg"), Entry.of("dogs/puppies/3.png"));
    }

    @Override
    protected List<EntryTargets> sampleTargets() {
        return List.of(
                boxes(SMALL, new float[] {1, 1, 2.25f, 1.5f, 2, 1, 2, 2}, new long[] {1, 2}, TRIANGLE, SQUARE),
                boxes(WIDE, new float[0], new long[0]),
                boxes(SMALL, new float[] {0, 0, 6, 4}, new long[] {0}, SQUARE),
                boxes(WIDE, new float[] {0.5f, 0.5f, 1, 1}, new long[] {2}, TRIANGLE),
                boxes(SMALL, new float[0], new long[0]));
    }

    private static EntryTargets boxes(CanvasSize canvas, float[] coordinates, long[] labels, InstanceShape... shapes) {
        return EntryTargets.boxes(BoxFormat.XYWH, Optional.of(canvas), coordinates, labels).withShapes(List.of(shapes));
    }

    /**
     * Images one per line from line 3, then annotations one per line (a crowd one among them,
     * which is left out), then categories last, as COCO files order them.
     */
    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        List<EntryTargets> targets = sampleTargets();
        List<String> lines = new ArrayList<>(List.of("{\"info\": {\"year\": 2017, \"nested\": [[1], {\"a\": []}]},",
                "\"images\": ["));
        List<Long> entryLines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CanvasSize size = targets.get(i).canvas().orElseThrow();
            lines.add((i == 0 ? "" : ",") + "{\"id\": " + (100 + i) + ", \"license\": 3, \"file_name\": \""
                    + entries.get(i).path() + "\", \"height\": " + size.height() + ", \"width\": " + size.width() + "}");
            entryLines.add((long) lines.size());
        }
        lines.add("], \"annotations\": [");
        long[] categoryIds = {1, 3, 7};
        int id = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            EntryTargets entry = targets.get(i);
            float[] box = entry.coordinates();
            for (int b = 0; b < entry.boxCount(); b++) {
                lines.add((id == 0 ? "" : ",") + "{\"id\": " + id++ + ", \"image_id\": " + (100 + i) + ", \"category_id\": "
                        + categoryIds[(int) entry.labels()[b]] + ", \"bbox\": " + Arrays.toString(Arrays.copyOfRange(box,
                                b * 4, b * 4 + 4)) + ", \"area\": 1.5, \"iscrowd\": 0, \"segmentation\": "
                        + json(entry.shapes().get(b), b) + "}");
            }
        }
        lines.add(",{\"id\": 99, \"image_id\": 100, \"category_id\": 1, \"bbox\": [0, 0, 6, 4], \"iscrowd\": 1, "
                + "\"segmentation\": {\"counts\": [0, 24], \"size\": [4, 6]}}");
        lines.add("], \"categories\": [{\"id\": 7, \"name\": \"cat\"}, {\"id\": 1, \"name\": \"dog\", \"supercategory\": "
                + "\"animal\"}, {\"id\": 3, \"name\": \"bird\"}]}");
        Path file = dir.resolve("instances.json");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return new WrittenSource(file, entryLines);
    }

    /** The first square as a compressed string, later ones as a list of runs; polygons as lists. */
    private static String json(InstanceShape shape, int box) {
        if (shape instanceof InstanceShape.RunLengths runs) {
            return "{\"size\": [" + runs.size().height() + ", " + runs.size().width() + "], \"counts\": "
                    + (box == 1 ? "\"" + SQUARE_TEXT + "\"" : Arrays.toString(runs.counts())) + "}";
        }
        InstanceShape.Polygons polygons = (InstanceShape.Polygons) shape;
        return "[" + Arrays.toString(polygons.ring(0)) + "]";
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, String.join("\n",
                "{\"images\": [",
                "{\"id\": 1, \"file_name\": \"a.jpg\", \"height\": 4, \"width\": 6},",
                "{\"id\": 2, \"height\": 4, \"width\": 6},",
                "{\"id\": 3, \"file_name\": \"c.jpg\", \"height\": -4, \"width\": 6},",
                "{\"id\": 4, \"file_name\": \"d.jpg\", \"height\": 4, \"width\": 6}],",
                "\"annotations\": [",
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"segmentation\": [[1, 1, 3, 1, 1, 3]]},",
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, -2, 2], \"segmentation\": [[1, 1, 3, 1, 1, 3]]},",
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2], \"segmentation\": [[1, 1, 3, 1, 1, 3]]},",
                "{\"image_id\": 1, \"category_id\": 9, \"bbox\": [1, 1, 2, 2], \"segmentation\": [[1, 1, 3, 1, 1, 3]]},",
                "{\"image_id\": 5, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"segmentation\": [[1, 1, 3, 1, 1, 3]]},",
                "{\"image_id\": 4, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"segmentation\": [[1, 1, 3, 1]]},",
                "{\"image_id\": 4, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"segmentation\": {\"counts\": \"9\", \"size\": [4, 6]}},",
                "{\"image_id\": 4, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"segmentation\": {\"counts\": [24], \"size\": [6, 4]}},",
                "{\"image_id\": 4, \"category_id\": 1, \"bbox\": [1, 1, 2, 2]}],",
                "\"categories\": [{\"id\": 1, \"name\": \"dog\"}]}"), StandardCharsets.UTF_8);
        // reading order: images 3 and 4, annotations 8, 9, 12, 13, 15; then the cross-references 10, 11, 14
        return new InvalidSource(file, List.of(3L, 4L, 8L, 9L, 12L, 13L, 15L, 10L, 11L, 14L),
                List.of(Entry.of("a.jpg"), Entry.of("d.jpg")));
    }

    private static List<String> problems(String json, Map<String, Object> options) throws IOException {
        return problems(json.getBytes(StandardCharsets.UTF_8), options);
    }

    private static List<String> problems(byte[] json, Map<String, Object> options) throws IOException {
        Path file = dir().resolve("p.json");
        Files.write(file, json);
        List<String> out = new ArrayList<>();
        new CocoLabelFormatProvider().create(Options.of(options)).read(file, new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
                out.add("entry without targets " + path);
            }

            @Override
            public void entry(String path, long[] labels, EntryTargets targets, long line) {
                out.add(path + ":" + line + " " + targets + " " + Arrays.toString(targets.labels()));
            }

            @Override
            public void problem(long line, String text, String reason) {
                out.add(line + ": " + reason);
            }

            @Override
            public void classNames(List<String> names) {
                out.add("classes " + names);
            }
        });
        return out;
    }

    private static Path scratch;

    private static Path dir() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("sluice-coco");
        }
        return scratch;
    }

    @Test
    void problemsNameTheLineAndTheJsonPointer() throws IOException {
        List<String> read = problems(Files.readString(writeInvalidSource(dir()).source()), Map.of());
        assertTrue(read.contains("3: /images/1: no \"file_name\""), read.toString());
        assertTrue(read.contains("4: /images/2/height: must be a positive 32-bit integer, was -4"), read.toString());
        assertTrue(read.contains("8: /annotations/1/bbox: width and height must be >= 0, were -2.0 and 2.0"),
                read.toString());
        assertTrue(read.contains("10: /annotations/3: category_id 9 is not the id of any category"), read.toString());
        assertTrue(read.contains("11: /annotations/4: image_id 5 is not the id of any image"), read.toString());
        List<String> masked = problems(Files.readString(writeInvalidSource(dir()).source()), Map.of("masks", true));
        assertTrue(masked.contains("12: /annotations/5/segmentation: polygon 0 has 4 values; a polygon is x, y pairs "
                + "of at least 3 points"), masked.toString());
        assertTrue(masked.contains("13: /annotations/6/segmentation: the runs add up to 9 pixels, but a 4x6 "
                + "mask has 24"), masked.toString());
        assertTrue(masked.contains("14: /annotations/7: the RLE size 6x4 is not its image's height x width 4x6"),
                masked.toString());
        assertTrue(masked.contains("15: /annotations/8: no \"segmentation\" (masks: true reads one per annotation)"),
                masked.toString());
        String far = "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"height\": 4, \"width\": 6}],\n"
                + "\"annotations\": [{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"segmentation\": "
                + "[[1, 1, 3, 1, 1, 3], [1, 1, 3, 1, 1e9, 3]]}], \"categories\": [{\"id\": 1, \"name\": \"dog\"}]}";
        assertTrue(problems(far, Map.of("masks", true)).contains("2: /annotations/0: polygon 1 has the vertex (1.0E9, "
                + "3.0), further outside its 4x6 image than the image's own size"), problems(far, Map.of("masks", true))
                .toString());
    }

    @Test
    void categoriesBecomeContiguousLabelsInIdOrderAndCrowdIsAnOption() throws IOException {
        String json = "{\"categories\": [{\"id\": 90, \"name\": \"toothbrush\"}, {\"id\": 1, \"name\": \"person\"}],\n"
                + "\"annotations\": [{\"image_id\": 7, \"category_id\": 90, \"bbox\": [1, 2, 3, 4], \"iscrowd\": 1},\n"
                + "{\"image_id\": 7, \"category_id\": 1, \"bbox\": [5, 6, 7, 8]}],\n"
                + "\"images\": [{\"id\": 7, \"file_name\": \"x/7.jpg\", \"height\": 30, \"width\": 40}]}";
        assertEquals(List.of("classes [person, toothbrush]", "x/7.jpg:4 EntryTargets[1 XYWH box on 30x40] [0]"),
                problems(json, Map.of()));
        assertEquals(List.of("classes [person, toothbrush]", "x/7.jpg:4 EntryTargets[2 XYWH boxes on 30x40] [1, 0]"),
                problems(json, Map.of("crowd", true)));
        String booleans = json.replace("\"iscrowd\": 1}", "\"iscrowd\": true}")
                .replace("[5, 6, 7, 8]}", "[5, 6, 7, 8], \"iscrowd\": false}");
        assertEquals(List.of("classes [person, toothbrush]", "x/7.jpg:4 EntryTargets[1 XYWH box on 30x40] [0]"),
                problems(booleans, Map.of()));
        assertTrue(problems(json.replace("\"iscrowd\": 1}", "\"iscrowd\": \"yes\"}"), Map.of())
                .contains("2: /annotations/0/iscrowd: must be an integer"));
    }

    @Test
    void integersWrittenAsIntegralDecimalsAreReadAndFractionsAndOverflowsAreRefused() throws IOException {
        String json = "{\"images\": [{\"id\": 7.0, \"file_name\": \"a.jpg\", \"height\": 4.8e2, \"width\": 640.000},\n"
                + "{\"id\": 8, \"file_name\": \"b.jpg\", \"height\": 480.5, \"width\": 640},\n"
                + "{\"id\": 9e30, \"file_name\": \"c.jpg\", \"height\": 48, \"width\": 64},\n"
                + "{\"id\": 9223372036854775808, \"file_name\": \"d.jpg\", \"height\": 48, \"width\": 64},\n"
                + "{\"id\": 9.223372036854775808e18, \"file_name\": \"e.jpg\", \"height\": 48, \"width\": 64},\n"
                + "{\"id\": 9.223372036854775807e18, \"file_name\": \"f.jpg\", \"height\": 1e-400, \"width\": 64},\n"
                + "{\"id\": 12, \"file_name\": \"g.jpg\", \"height\": 3e9, \"width\": \"64\"}],\n"
                + "\"annotations\": [{\"image_id\": 7.00, \"category_id\": 1.0, \"bbox\": [1, 2, 3, 4], \"iscrowd\": 0.0},\n"
                + "{\"image_id\": 7, \"category_id\": 1.25, \"bbox\": [1, 2, 3, 4]}],\n"
                + "\"categories\": [{\"id\": 1E0, \"name\": \"dog\"}]}";
        assertEquals(List.of(
                "2: /images/1/height: must be an integer, was 480.5",
                "3: /images/2/id: must be an integer from -2^63 to 2^63 - 1, was 9e30",
                "4: /images/3/id: must be an integer from -2^63 to 2^63 - 1, was 9223372036854775808",
                "5: /images/4/id: must be an integer from -2^63 to 2^63 - 1, was 9.223372036854775808e18",
                "6: /images/5/height: must be an integer, was 1e-400",
                "7: /images/6/height: must be a positive 32-bit integer, was 3000000000",
                "9: /annotations/1/category_id: must be an integer, was 1.25",
                "classes [dog]",
                "a.jpg:1 EntryTargets[1 XYWH box on 480x640] [0]"), problems(json, Map.of()));
    }

    @Test
    void integralDecimalsAreReadExactlyBeyondWhatADoubleHolds() throws IOException {
        // 2^53 + 1 has no double: read through one, the image ids would become 2^53 and the annotations move.
        String json = "{\"images\": [{\"id\": 9007199254740993.0, \"file_name\": \"odd.jpg\", \"height\": 4, \"width\": 6},\n"
                + "{\"id\": 9.007199254740992e15, \"file_name\": \"even.jpg\", \"height\": 4, \"width\": 6}],\n"
                + "\"annotations\": [{\"image_id\": 9007199254740993, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}],\n"
                + "\"categories\": [{\"id\": 1, \"name\": \"dog\"}]}";
        assertEquals(List.of("classes [dog]", "odd.jpg:1 EntryTargets[1 XYWH box on 4x6] [0]",
                "even.jpg:2 EntryTargets[0 XYWH boxes on 4x6] []"), problems(json, Map.of()));
    }

    @Test
    void bytesThatAreNoUtf32CharacterAreOneProblemInsteadOfAReadError() throws IOException {
        // Jackson reads a file that starts 00 00 00 as UTF-32 and reports a character cut short as an I/O error.
        List<String> read = problems(new byte[] {0, 0, 0, (byte) 0xFF, 0}, Map.of());
        assertEquals(1, read.size(), read.toString());
        assertTrue(read.get(0).contains("not valid JSON: Unexpected EOF in the middle of a 4-byte UTF-32 char"), read.get(0));
    }

    @Test
    void malformedJsonIsOneProblemAtItsLine() throws IOException {
        List<String> read = problems("{\"images\": [\n{\"id\": 1,, }]}", Map.of());
        assertEquals(1, read.size(), read.toString());
        assertTrue(read.get(0).startsWith("2: not valid JSON: Unexpected character (','"), read.get(0));
        read = problems("{\"images\": [], \"images\": []}", Map.of());
        assertTrue(read.get(0).startsWith("1: not valid JSON: Duplicate Object property \"images\""), read.get(0));
        read = problems("[" .repeat(100), Map.of());
        assertTrue(read.get(0).startsWith("1: a COCO file is one JSON object"), read.get(0));
        read = problems("{\"info\": " + "[".repeat(100) + "]".repeat(100) + "}", Map.of());
        assertTrue(read.get(0).contains("nesting depth"), read.get(0));
    }
}
