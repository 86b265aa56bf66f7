package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.target.EntryTargets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate objects in a YOLO label file are removed with a warning, as Ultralytics'
 * {@code verify_image_label} removes them: the objects left, and their order, are those numpy's
 * {@code np.unique(lb, axis=0, return_index=True)} leaves in {@code yolo-duplicates.txt} (made by
 * {@code make_duplicate_fixtures.py}).
 */
class YoloDuplicatesTest {
    @TempDir
    Path dir;

    /** One file of the fixture: its kind, its lines, and the 1-based lines Ultralytics leaves, in its order. */
    record Case(String kind, List<String> lines, List<Integer> kept) {
        Map<String, Object> options(boolean masks) {
            return switch (kind) {
                case "pose2" -> Map.of("kpt_shape", List.of(2, 2));
                case "pose3" -> Map.of("kpt_shape", List.of(2, 3));
                default -> Map.of("masks", masks);
            };
        }
    }

    private static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = YoloDuplicatesTest.class.getResourceAsStream("/dev/sluice/core/label/yolo-duplicates.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String kind = null;
        List<String> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("case ")) {
                kind = line.substring(5);
                lines = new ArrayList<>();
            } else if (line.startsWith("kept ")) {
                List<Integer> kept = new ArrayList<>();
                for (String number : line.substring(5).split(" ")) {
                    kept.add(Integer.parseInt(number));
                }
                cases.add(new Case(kind, lines, kept));
            } else if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        return cases;
    }

    /** What the format gives for one label file {@code x.txt} of {@code lines}: its targets, and its warnings. */
    private record Read(EntryTargets targets, List<String> warnings) {
    }

    private Read read(String folder, List<String> lines, Map<String, Object> options) throws IOException {
        Path labels = Files.createDirectories(dir.resolve(folder));
        Files.writeString(labels.resolve("x.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        List<EntryTargets> targets = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        new YoloLabelFormatProvider().create(Options.of(options)).read(labels, new LabelSink() {
            @Override
            public void entry(String path, long[] entryLabels, long line) {
                throw new AssertionError("an entry without targets");
            }

            @Override
            public void entry(String path, long[] entryLabels, EntryTargets entryTargets, long line) {
                targets.add(entryTargets);
            }

            @Override
            public void problem(long line, String text, String reason) {
                throw new AssertionError("a problem: " + reason);
            }

            @Override
            public void warning(long line, String text, String reason) {
                warnings.add(reason);
            }
        });
        assertEquals(1, targets.size());
        return new Read(targets.get(0), warnings);
    }

    @Test
    void theObjectsLeftAndTheirOrderAreThoseUltralyticsLeaves() throws IOException {
        int removing = 0;
        int counter = 0;
        for (Case c : cases()) {
            for (boolean masks : c.kind().equals("polygon") ? List.of(false, true) : List.of(false)) {
                String name = "case" + counter++;
                Read read = read(name, c.lines(), c.options(masks));
                List<String> left = new ArrayList<>();
                for (int line : c.kept()) {
                    left.add(c.lines().get(line - 1));
                }
                Read expected = read(name + "-left", left, c.options(masks));
                assertEquals(List.of(), expected.warnings(), "the lines left hold no duplicates");
                assertEquals(expected.targets(), read.targets(), name + ": " + c);
                int removed = c.lines().size() - c.kept().size();
                if (removed == 0) {
                    assertEquals(List.of(), read.warnings(), name);
                    continue;
                }
                removing++;
                int first = 1;
                while (c.kept().contains(first)) {
                    first++;
                }
                assertEquals(1, read.warnings().size(), name);
                assertTrue(read.warnings().get(0).startsWith("x.txt:" + first + ": " + removed + " duplicate label"
                        + (removed == 1 ? "" : "s") + " removed, as Ultralytics removes them (line " + first), name + ": "
                        + read.warnings().get(0));
            }
        }
        assertTrue(removing >= 20, "the fixture removes duplicates in " + removing + " files");
    }

    @Test
    void theWarningNamesTheFileTheFirstDuplicateAndTheLineItRepeats() throws IOException {
        Read boxes = read("boxes", List.of("3 0.5 0.5 0.2 0.2", "1 0.1 0.1 0.1 0.1", "3 5e-1 0.50 0.2 0.2",
                "1 0.1 0.1 0.1 0.1", "3 0.5 0.5 0.2 0.2"), Map.of());
        assertEquals(List.of("x.txt:3: 3 duplicate labels removed, as Ultralytics removes them (line 3 repeats line 1); "
                + "the objects left are in Ultralytics' order, sorted by class, then value by value"), boxes.warnings());
        assertEquals(EntryTargets.normalizedBoxes(dev.sluice.api.target.BoxFormat.CXCYWH,
                new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.5f, 0.5f, 0.2f, 0.2f}, new long[] {1, 3}), boxes.targets());
        Read polygons = read("polygons", List.of("0 0 0 1 0 1 1", "0 0 0 1 1 0 1"), Map.of("masks", true));
        assertEquals(List.of("x.txt:2: 1 duplicate label removed, as Ultralytics removes them (line 2 has the class "
                + "and box of line 1); the objects left are in Ultralytics' order, sorted by class, then value by value"),
                polygons.warnings());
        assertEquals(1, polygons.targets().boxCount());
        assertEquals(read("first", List.of("0 0 0 1 0 1 1"), Map.of("masks", true)).targets(), polygons.targets(),
                "the first polygon is kept, as Ultralytics keeps segments[i]");
    }

    /** 23 files with a duplicate each: 20 warnings are logged, then how many more there were. */
    @Test
    void theLabelIndexLogsTheWarningsWithTheLabelFolderAndKeepsTheEntries() throws IOException {
        Path labels = Files.createDirectories(dir.resolve("labels"));
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 23; i++) {
            String name = String.format("%02d", i);
            Files.writeString(labels.resolve(name + ".txt"), "0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.2 0.2\n");
            Files.write(images.resolve(name + ".jpg"), new byte[] {1});
        }
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LabelIndex index;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            index = LabelIndex.read(new YoloLabelFormatProvider().create(Options.empty()), labels, images);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(23, index.size());
        assertEquals(2, index.targets(22).orElseThrow().boxCount());
        List<String> log = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(21, log.size(), log.toString());
        assertTrue(log.get(0).contains("WARN") && log.get(0).endsWith(labels + ": 00.txt:3: 1 duplicate label removed, as "
                + "Ultralytics removes them (line 3 repeats line 1); the objects left are in Ultralytics' order, sorted by "
                + "class, then value by value"), log.get(0));
        assertTrue(log.get(19).contains(labels + ": 19.txt:3: "), log.get(19));
        assertTrue(log.get(20).endsWith(labels + ": ... and 3 more warnings"), log.get(20));
    }
}
