package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.Targets;
import dev.sluice.core.target.TargetResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YOLO segmentation and pose label files, read as Ultralytics reads them. */
class YoloSegmentAndPoseTest {
    @TempDir
    Path dir;

    /** Writes {@code labels/<name>.txt} with {@code text} and an image {@code images/<name>.jpg} for each. */
    private void write(Map<String, String> files) throws IOException {
        Files.createDirectories(dir.resolve("labels"));
        Files.createDirectories(dir.resolve("images"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve("labels/" + file.getKey() + ".txt"), file.getValue(), StandardCharsets.UTF_8);
            Files.write(dir.resolve("images/" + file.getKey() + ".jpg"), new byte[] {1});
        }
    }

    private LabelIndex read(Map<String, ?> options) throws IOException {
        LabelFormat format = new YoloLabelFormatProvider().create(Options.of(options));
        return LabelIndex.read(format, dir.resolve("labels"), dir.resolve("images"));
    }

    private String problems(Map<String, ?> options) {
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> read(options));
        return e.getMessage().replace(dir.resolve("labels") + ": ", "");
    }

    private static Targets resolve(EntryTargets entry, CanvasSize image) throws IOException {
        return TargetResolver.resolve(entry, image, (path, size) -> {
            throw new AssertionError("no mask file expected");
        });
    }

    @Test
    void aPolygonGivesTheBoxOfItsExtentAndWithMasksItsOutline() throws IOException {
        // A triangle and a quadrilateral, written as Ultralytics' converters write them (6 decimals).
        write(Map.of("a", "0 0.100000 0.200000 0.500000 0.200000 0.300000 0.700000\n"
                + "3 0.6 0.1 0.9 0.15 0.95 0.5 0.65 0.45\n"));
        float[] boxes = {(0.1f + 0.5f) / 2, (0.2f + 0.7f) / 2, 0.5f - 0.1f, 0.7f - 0.2f,
                         (0.6f + 0.95f) / 2, (0.1f + 0.5f) / 2, 0.95f - 0.6f, 0.5f - 0.1f};
        EntryTargets detect = read(Map.of()).targets(0).orElseThrow();
        assertEquals(EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, boxes, new long[] {0, 3}), detect);
        assertTrue(detect.shapes().isEmpty());

        EntryTargets segment = read(Map.of("masks", true)).targets(0).orElseThrow();
        assertEquals(EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, boxes, new long[] {0, 3}).withShapes(List.of(
                InstanceShape.Polygons.of(List.of(new double[] {0.1f, 0.2f, 0.5f, 0.2f, 0.3f, 0.7f})),
                InstanceShape.Polygons.of(List.of(new double[] {0.6f, 0.1f, 0.9f, 0.15f, 0.95f, 0.5f, 0.65f, 0.45f})))),
                segment);
    }

    @Test
    void normalisedPolygonsAreDrawnAsThePixelPolygonsTheyScaleTo() throws IOException {
        write(Map.of("a", "1 0.1 0.25 0.9 0.125 0.5 0.875\n"));
        CanvasSize image = new CanvasSize(40, 50);
        Targets targets = resolve(read(Map.of("masks", true)).targets(0).orElseThrow(), image);
        // The same triangle in pixels, as a COCO polygon on a declared 40 x 50 canvas.
        float[] pixelBox = {5, 5, 40, 30};
        EntryTargets pixels = EntryTargets.boxes(BoxFormat.XYWH, Optional.of(image), pixelBox, new long[] {1})
                .withShapes(List.of(InstanceShape.Polygons.of(List.of(new double[] {5, 10, 45, 5, 25, 35}))));
        Targets expected = resolve(pixels, image);
        assertArrayEquals(expected.mask().orElseThrow().toUint8Array(), targets.mask().orElseThrow().toUint8Array());
        assertEquals(1, targets.mask().orElseThrow().layers());
        int inside = 0;
        for (byte b : targets.mask().orElseThrow().toUint8Array()) {
            inside += b;
        }
        assertTrue(inside > 300 && inside < 800, "the triangle covers about 550 pixels, not " + inside);
        assertArrayEquals(new float[] {5, 5, 45, 35}, targets.boxes().orElseThrow().to(BoxFormat.XYXY).coordinates(),
                1e-4f);
    }

    @Test
    void boxesAndPolygonsMixInADatasetButNotInAFileAndMasksNeedPolygonsEverywhere() throws IOException {
        write(Map.of("a", "0 0.1 0.1 0.5 0.1 0.3 0.6\n", "b", "1 0.5 0.5 0.2 0.2\n", "c", ""));
        LabelIndex boxes = read(Map.of());
        assertEquals(3, boxes.size());
        assertEquals(2, boxes.targets(0).orElseThrow().boxCount() + boxes.targets(1).orElseThrow().boxCount());
        assertEquals("b.txt:1: a box, but masks: true reads a polygon for every object (Ultralytics drops every mask "
                + "of a dataset that mixes boxes and polygons); write the objects as polygons, or read boxes only "
                + "with masks: false", problems(Map.of("masks", true)));

        write(Map.of("d", "0 0.1 0.1 0.5 0.1 0.3 0.6\n\n2 0.5 0.5 0.2 0.2\n", "e", "2 0.5 0.5 0.2 0.2\n0 0.1 0.1 0.5 0.1 0.3 0.6\n"));
        assertEquals(String.join("\n",
                "d.txt:3: a box among polygons (line 1 is a polygon): Ultralytics would read it as a polygon of 2 points; "
                        + "write every object of a file as a polygon, or every one as a box: '2 0.5 0.5 0.2 0.2'",
                "e.txt:2: a polygon among boxes (line 1 is a box): Ultralytics would read the boxes as polygons of 2 "
                        + "points; write every object of a file as a polygon, or every one as a box: "
                        + "'0 0.1 0.1 0.5 0.1 0.3 0.6'"), problems(Map.of()));
    }

    @Test
    void coordinatesAreReadWithUltralyticsOnePercentTolerance() throws IOException {
        // A vertex at -0.05 passes: Ultralytics checks the polygon's box (cx 0.225, w 0.55), not its points.
        write(Map.of("a", "0 1.005 -0.005 0.2 0.2\n", "b", "0 -0.05 0.1 0.5 0.1 0.3 0.6\n"));
        assertEquals(1.005f, read(Map.of()).targets(0).orElseThrow().coordinates()[0]);
        write(Map.of("c", "0 0.5 0.5 1.02 0.2\n", "d", "0 -0.3 0.1 0.9 0.1 0.3 0.6\n", "e", "0 0.5 0.5 0.2 -0.02\n"));
        assertEquals(String.join("\n",
                "c.txt:1: '1.02' is not a number from -0.01 to 1.01: '0 0.5 0.5 1.02 0.2'",
                "d.txt:1: the polygon's box (cx cy w h 0.29999998 0.35000002 1.2 0.5) is not within -0.01 to 1.01 of the image: "
                        + "'0 -0.3 0.1 0.9 0.1 0.3 0.6'",
                "e.txt:1: '-0.02' is not a number from -0.01 to 1.01: '0 0.5 0.5 0.2 -0.02'"), problems(Map.of()));
    }

    @Test
    void classesAndNumbersAreDecimalsAsNumpyReadsThem() throws IOException {
        write(Map.of("a", "\uFEFF2.0 0.5 0.5 0.25 0.25\r\n7\t.5 5e-1 0.25 0.25\n"));
        assertArrayEquals(new long[] {2, 7}, read(Map.of()).targets(0).orElseThrow().labels());
        write(Map.of("b", "2.5 0.5 0.5 0.25 0.25\n", "c", "1 0x1p-1 0.5 0.25 0.25\n", "d", "1 NaN 0.5 0.25 0.25\n"));
        assertEquals(String.join("\n",
                "b.txt:1: class '2.5' is not a non-negative integer: '2.5 0.5 0.5 0.25 0.25'",
                "c.txt:1: '0x1p-1' is not a number: '1 0x1p-1 0.5 0.25 0.25'",
                "d.txt:1: 'NaN' is not a number: '1 NaN 0.5 0.25 0.25'"), problems(Map.of()));
    }

    @Test
    void poseLinesGiveBoxesAndKeyPointsWithTheirVisibility() throws IOException {
        write(Map.of("a", "0 0.5 0.5 0.4 0.6 0.45 0.3 2 0.55 0.3 1 0 0 0\n1 0.2 0.2 0.1 0.1 0.2 0.2 2 0.25 0.2 2 0.2 0.25 0\n",
                "b", ""));
        LabelIndex index = read(Map.of("kpt_shape", List.of(3, 3)));
        EntryTargets a = index.targets(0).orElseThrow();
        assertEquals(EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[] {0.5f, 0.5f, 0.4f, 0.6f, 0.2f, 0.2f,
                0.1f, 0.1f}, new long[] {0, 1}).withKeyPoints(3, new float[] {0.45f, 0.3f, 0.55f, 0.3f, 0, 0, 0.2f, 0.2f,
                0.25f, 0.2f, 0.2f, 0.25f}, new float[] {2, 1, 0, 2, 2, 0}), a);
        assertEquals(EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[0], new long[0])
                .withKeyPoints(3, new float[0], new float[0]), index.targets(1).orElseThrow());

        Targets resolved = resolve(a, new CanvasSize(100, 200));
        KeyPoints points = resolved.keyPoints().orElseThrow();
        assertEquals(new CanvasSize(100, 200), points.canvas());
        assertArrayEquals(new float[] {90, 30, 110, 30, 0, 0, 40, 20, 50, 20, 40, 25}, points.coordinates(), 1e-4f);
        assertArrayEquals(new float[] {2, 1, 0, 2, 2, 0}, points.visibility().orElseThrow());
        assertEquals(2, resolved.boxes().orElseThrow().count());
    }

    @Test
    void withoutVisibilityAPointWithANegativeCoordinateIsNotVisible() throws IOException {
        write(Map.of("a", "4 0.5 0.5 0.4 0.6 0.45 0.3 -0.005 0.3 0.5 -0.0\n"));
        EntryTargets a = read(Map.of("kpt_shape", List.of(3, 2))).targets(0).orElseThrow();
        assertArrayEquals(new float[] {0.45f, 0.3f, -0.005f, 0.3f, 0.5f, -0.0f}, a.keyPoints());
        // -0.0 is not below 0, as numpy's (y < 0) says.
        assertArrayEquals(new float[] {1, 0, 1}, a.keyPointVisibility());
    }

    @Test
    void poseLinesOfAnotherLengthOrValuesOutOfRangeAreProblems() throws IOException {
        // A box past 1.01 is no problem: Ultralytics checks a pose line's key points against 1.01, not its box.
        write(Map.of("ok", "0 0.5 0.5 1.3 0.6 0.45 0.3 2 0.55 0.3 1\r0 0.5 0.5 0.4 0.6 0.45 0.3 2 0.55 0.3 1\r"));
        assertEquals(2, read(Map.of("kpt_shape", List.of(2, 3))).targets(0).orElseThrow().boxCount());
        write(Map.of("a", "0 0.5 0.5 0.4 0.6 0.45 0.3 2 0.55 0.3\n", "b", "0 0.5 0.5 0.4 0.6 0.45 1.3 2 0.55 0.3 1\n",
                "c", "0 0.5 0.5 0.4 0.6 0.45 0.3 -1 0.55 0.3 1\n", "d", "0 0.5 -0.5 0.4 0.6 0.45 0.3 1 0.55 0.3 1\n"));
        assertEquals(String.join("\n",
                "a.txt:1: expected 5 + 2 x 3 = 11 values (class cx cy w h, then 2 points of x y visibility, as kpt_shape "
                        + "says), found 10: '0 0.5 0.5 0.4 0.6 0.45 0.3 2 0.55 0.3'",
                "b.txt:1: y of key point 0 '1.3' is not a number from -0.01 to 1.01: "
                        + "'0 0.5 0.5 0.4 0.6 0.45 1.3 2 0.55 0.3 1'",
                "c.txt:1: visibility of key point 0 '-1' is negative: '0 0.5 0.5 0.4 0.6 0.45 0.3 -1 0.55 0.3 1'",
                "d.txt:1: '-0.5' is not a number of at least -0.01: '0 0.5 -0.5 0.4 0.6 0.45 0.3 1 0.55 0.3 1'"),
                problems(Map.of("kpt_shape", List.of(2, 3))));
    }

    @Test
    void theKeyPointShapeIsTwoWholeNumbersAndExcludesMasks() {
        YoloLabelFormatProvider provider = new YoloLabelFormatProvider();
        for (Object shape : List.of(List.of(17), List.of(17, 4), List.of(0, 2), List.of(1.5, 2), List.of(17, "x"))) {
            OptionsException e = assertThrows(OptionsException.class,
                    () -> provider.create(Options.of(Map.of("kpt_shape", shape))));
            assertTrue(e.getMessage().startsWith("kpt_shape"), e.getMessage());
        }
        OptionsException e = assertThrows(OptionsException.class,
                () -> provider.create(Options.of(Map.of("kpt_shape", List.of(17, 3), "masks", true))));
        assertTrue(e.getMessage().contains("masks") && e.getMessage().contains("no polygons"), e.getMessage());
    }

    /** Two people of 5 points (nose, left eye, right eye, left ear, right ear), as in COCO's first five. */
    private static final String TWO_FACES = "0 0.5 0.5 0.4 0.6 0.5 0.3 2 0.45 0.25 2 0.55 0.25 1 0.4 0.3 0 0.6 0.3 2\n"
            + "0 0.2 0.2 0.2 0.2 0.2 0.2 2 0.15 0.15 1 0.25 0.15 2 0.1 0.2 2 0.3 0.2 0\n";

    @Test
    void flipIdxGivesEachPersonsPointsTheirMirrorOrder() throws IOException {
        write(Map.of("a", TWO_FACES, "b", ""));
        LabelIndex index = read(Map.of("kpt_shape", List.of(5, 3), "flip_idx", List.of(0, 2, 1, 4, 3)));
        EntryTargets a = index.targets(0).orElseThrow();
        assertArrayEquals(new int[] {0, 2, 1, 4, 3}, a.keyPointMirror().orElseThrow());
        assertArrayEquals(new int[] {0, 2, 1, 4, 3}, index.targets(1).orElseThrow().keyPointMirror().orElseThrow(),
                "an image without people has the order too");

        KeyPoints points = resolve(a, new CanvasSize(100, 200)).keyPoints().orElseThrow();
        assertArrayEquals(new int[] {0, 2, 1, 4, 3, 5, 7, 6, 9, 8}, points.mirror().orElseThrow());
        KeyPoints flipped = Targets.NONE.withKeyPoints(points).flippedHorizontally().keyPoints().orElseThrow();
        // x' = 199 - x, then left and right change places, their visibilities with them
        assertArrayEquals(new float[] {99, 30, 89, 25, 109, 25, 79, 30, 119, 30, 159, 20, 149, 15, 169, 15, 139, 20,
                179, 20}, flipped.coordinates(), 1e-4f);
        assertArrayEquals(new float[] {2, 1, 2, 2, 0, 2, 2, 1, 0, 2}, flipped.visibility().orElseThrow());

        EntryTargets plain = read(Map.of("kpt_shape", List.of(5, 3))).targets(0).orElseThrow();
        assertEquals(Optional.empty(), plain.keyPointMirror());
        assertEquals(Optional.empty(), resolve(plain, new CanvasSize(100, 200)).keyPoints().get().mirror());
    }

    @Test
    void flipIdxIsAPermutationOfTheKeyPointsAndNeedsKptShape() {
        YoloLabelFormatProvider provider = new YoloLabelFormatProvider();
        String rule = "dataset.flip_idx: must list, for each of the 5 key points of kpt_shape, the point it "
                + "becomes in a left-right mirror (each of 0 to 4 once), as flip_idx in the dataset's YAML; ";
        Map<List<?>, String> bad = Map.of(
                List.of(0, 2, 1, 4), rule + "it has 4 values, was [0, 2, 1, 4]",
                List.of(0, 2, 1, 4, 3, 5), rule + "it has 6 values, was [0, 2, 1, 4, 3, 5]",
                List.of(0, 2, 1, 4, 5), rule + "flip_idx[4] is 5, not a key point index, was [0, 2, 1, 4, 5]",
                List.of(0, 2, -1, 4, 3), rule + "flip_idx[2] is -1, not a key point index, was [0, 2, -1, 4, 3]",
                List.of(0, 2, 1.5, 4, 3), rule + "flip_idx[2] is 1.5, not a key point index, was [0, 2, 1.5, 4, 3]",
                List.of(0, 2, 2, 4, 3), rule + "2 is at flip_idx[1] and again at flip_idx[2], was [0, 2, 2, 4, 3]");
        for (Map.Entry<List<?>, String> flip : bad.entrySet()) {
            OptionsException e = assertThrows(OptionsException.class, () -> provider.create(Options.of("dataset",
                    Map.of("kpt_shape", List.of(5, 3), "flip_idx", flip.getKey()))));
            assertEquals(flip.getValue(), e.getMessage());
        }
        OptionsException e = assertThrows(OptionsException.class, () -> provider.create(Options.of("dataset",
                Map.of("flip_idx", List.of(0, 2, 1)))));
        assertEquals("dataset.flip_idx: reorders pose key points, but there is no kpt_shape; give kpt_shape: "
                + "[points, dims] from the dataset's YAML with it", e.getMessage());
    }
}
