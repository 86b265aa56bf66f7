package dev.sluice.api.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static final CanvasSize CANVAS = new CanvasSize(4, 6);

    @Test
    void boxesAreCopiedInAndOut() {
        float[] coordinates = {1, 1, 3, 3};
        long[] labels = {5};
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYXY, CANVAS, coordinates, labels);
        coordinates[0] = 9;
        labels[0] = 9;
        boxes.coordinates()[1] = 9;
        assertArrayEquals(new float[] {1, 1, 3, 3}, boxes.coordinates());
        assertEquals(5, boxes.label(0));
    }

    @Test
    void malformedBoxesAreRefusedWithWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoundingBoxes.of(BoxFormat.XYXY, CANVAS, new float[] {1, 2, 3}, new long[] {0}));
        assertEquals("boxes have 4 coordinates each, but 3 coordinates were given", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BoundingBoxes.of(BoxFormat.XYXY, CANVAS, new float[] {1, 2, 3, 4}, new long[] {0, 1}));
        assertEquals("one label per box: 1 boxes but 2 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BoundingBoxes.of(BoxFormat.XYXY, CANVAS, new float[] {1, 2, 3, 4, 0, Float.NaN, 1, 1},
                        new long[] {0, 1}));
        assertEquals("coordinate 1 of box 1 is NaN; box coordinates must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CanvasSize(0, 5));
        assertEquals("canvas height must be > 0, was 0", e.getMessage());
    }

    @Test
    void sanitizeDropsBoxesWithTheirLabelsAndInstanceMasksButNotTheClassMask() {
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYXY, CANVAS,
                new float[] {0, 0, 2, 2, 1, 1, 1.5f, 3, 2, 0, 6, 4, 5, 3, 7, 4}, new long[] {10, 11, 12, 13});
        byte[] layers = new byte[4 * 24];
        for (int layer = 0; layer < 4; layer++) {
            layers[layer * 24] = (byte) (layer + 1);
        }
        Targets targets = Targets.NONE.withBoxes(boxes).withMask(SegmentationMask.instances(4, CANVAS, layers));
        Targets kept = SanitizeBoundingBoxes.DEFAULT.apply(targets);
        assertArrayEquals(new long[] {10, 12}, kept.boxes().orElseThrow().labels());
        assertArrayEquals(new float[] {0, 0, 2, 2, 2, 0, 6, 4}, kept.boxes().orElseThrow().coordinates());
        SegmentationMask mask = kept.mask().orElseThrow();
        assertEquals(2, mask.layers());
        assertEquals(1, mask.value(0, 0, 0));
        assertEquals(3, mask.value(1, 0, 0));

        SegmentationMask classes = SegmentationMask.classIndex(CANVAS, new int[24]);
        Targets semantic = Targets.NONE.withBoxes(boxes).withMask(classes);
        assertSame(classes, SanitizeBoundingBoxes.DEFAULT.apply(semantic).mask().orElseThrow());
    }

    @Test
    void sanitizeRefusesLimitsBelowOneAsTorchvisionDoes() {
        assertEquals("min_size must be >= 1, was 0.5",
                assertThrows(IllegalArgumentException.class, () -> new SanitizeBoundingBoxes(0.5, 1)).getMessage());
        assertEquals("min_area must be >= 1, was NaN",
                assertThrows(IllegalArgumentException.class, () -> new SanitizeBoundingBoxes(1, Double.NaN))
                        .getMessage());
    }

    @Test
    void targetsOfOneSampleShareOneCanvasAndOneMaskLayerPerBox() {
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYXY, CANVAS, new float[] {0, 0, 2, 2}, new long[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Targets.NONE.withBoxes(boxes).withMask(SegmentationMask.instances(2, CANVAS, new byte[48])));
        assertEquals("one instance mask per box: 1 boxes but 2 instance masks", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Targets.NONE.withBoxes(boxes)
                .withKeyPoints(KeyPoints.of(new CanvasSize(5, 6), new float[] {1, 1})));
        assertEquals("the key points are on a 5x6 canvas but the boxes on 4x6; all targets of a sample share the "
                + "image's canvas", e.getMessage());
        assertEquals(Optional.of(CANVAS), Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[0])).canvas());
        assertTrue(Targets.NONE.isEmpty());
    }

    @Test
    void masksRefuseSizesThatDoNotFitOneArrayBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationMask.instances(70_000, new CanvasSize(200, 200), new byte[0]));
        assertTrue(e.getMessage().startsWith("70000 layers of 200x200 are 2800000000 values"), e.getMessage());
        SegmentationMask wide = SegmentationMask.classIndex(new CanvasSize(1, 2), new int[] {300, 70000});
        assertEquals(DType.INT32, wide.dtype());
        assertEquals(70000, wide.value(0, 0, 1));
        assertThrows(IllegalStateException.class, wide::toUint8Array);
        SegmentationMask narrow = SegmentationMask.classIndex(new CanvasSize(1, 2), new byte[] {(byte) 255, 1});
        assertArrayEquals(new int[] {255, 1}, narrow.toInt32Array());
    }

    @Test
    void entryTargetsCheckTheirShapes() {
        EntryTargets yolo = EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[] {.5f, .5f, .2f, .2f}, new long[] {2});
        assertTrue(yolo.normalized());
        assertEquals("EntryTargets[1 CXCYWH box, normalised]", yolo.toString());
        InstanceShape square = InstanceShape.Polygons.of(List.of(new double[] {0, 0, 2, 0, 2, 2}));
        assertEquals(1, yolo.withShapes(List.of(square)).shapes().size());
        assertThrows(IllegalArgumentException.class, () -> yolo.withShapes(List.of()));
        assertEquals("the runs add up to 5 pixels, but a 2x3 mask has 6", assertThrows(IllegalArgumentException.class,
                () -> InstanceShape.RunLengths.of(new CanvasSize(2, 3), new int[] {2, 3})).getMessage());
        assertEquals("polygon 0 has 4 values; a polygon is x, y pairs of at least 3 points",
                assertThrows(IllegalArgumentException.class,
                        () -> InstanceShape.Polygons.of(List.of(new double[] {0, 0, 1, 1}))).getMessage());
        InstanceShape runs = InstanceShape.RunLengths.of(new CanvasSize(2, 3), new int[] {6});
        assertThrows(IllegalArgumentException.class, () -> yolo.withShapes(List.of(runs)));
        EntryTargets pose = yolo.withKeyPoints(2, new float[] {.1f, .2f, .3f, .4f}, new float[] {2, 0});
        assertEquals("EntryTargets[1 CXCYWH box, normalised, 2 key points each]", pose.toString());
        assertArrayEquals(new float[] {2, 0}, pose.keyPointVisibility());
        assertEquals("1 boxes of 2 key points take 4 coordinates and 2 visibilities, not 4 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> yolo.withKeyPoints(2, new float[] {.1f, .2f, .3f, .4f}, new float[] {2})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> yolo.withKeyPoints(1, new float[] {.1f, Float.NaN},
                new float[] {2}));
    }

    @Test
    void keyPointsKeepTheirVisibilityThroughEveryMove() {
        KeyPoints points = KeyPoints.of(CANVAS, new float[] {1, 2, 3, 1}, new float[] {2, 0});
        Targets targets = Targets.NONE.withKeyPoints(points);
        for (Targets moved : List.of(targets.flippedHorizontally(), targets.flippedVertically(), targets.resized(8, 4),
                targets.cropped(1, 0, 3, 2), targets.padded(1, 1, 1, 1, 0))) {
            assertArrayEquals(new float[] {2, 0}, moved.keyPoints().orElseThrow().visibility().orElseThrow());
        }
        assertArrayEquals(new float[] {CANVAS.width() - 2f, 2, CANVAS.width() - 4f, 1},
                targets.flippedHorizontally().keyPoints().orElseThrow().coordinates());
        assertEquals(Optional.empty(), KeyPoints.of(CANVAS, new float[] {1, 2}).visibility());
        assertThrows(IllegalArgumentException.class, () -> KeyPoints.of(CANVAS, new float[] {1, 2}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> points.withCoordinates(new float[] {1, 2}, CANVAS));
    }

    /** Two instances of 3 points (nose, left eye, right eye): flip_idx [0, 2, 1] per instance. */
    private static final int[] TWO_FACES_MIRROR = {0, 2, 1, 3, 5, 4};

    @Test
    void aHorizontalFlipSwapsPointsByTheirMirrorOrderWithTheirVisibilities() {
        KeyPoints faces = KeyPoints.of(CANVAS, new float[] {2, 1, 1, 0.5f, 3, 0.5f, 4, 3, 3.5f, 2, 4.5f, 2.5f},
                new float[] {2, 2, 1, 2, 0, 2}).withMirror(TWO_FACES_MIRROR);
        KeyPoints flipped = Targets.NONE.withKeyPoints(faces).flippedHorizontally().keyPoints().orElseThrow();
        // x' = W - 1 - x = 5 - x, then point i takes what point mirror[i] had
        assertArrayEquals(new float[] {3, 1, 2, 0.5f, 4, 0.5f, 1, 3, 0.5f, 2.5f, 1.5f, 2}, flipped.coordinates());
        assertArrayEquals(new float[] {2, 1, 2, 2, 2, 0}, flipped.visibility().orElseThrow());
        assertArrayEquals(TWO_FACES_MIRROR, flipped.mirror().orElseThrow());
        // the left eye is left of the nose again, and flipping twice gives the points back
        assertTrue(flipped.x(1) < flipped.x(0) && flipped.x(0) < flipped.x(2));
        assertEquals(faces, Targets.NONE.withKeyPoints(flipped).flippedHorizontally().keyPoints().orElseThrow());

        KeyPoints upsideDown = Targets.NONE.withKeyPoints(faces).flippedVertically().keyPoints().orElseThrow();
        // y' = -(y - (H - 1)), so 3 becomes -0.0 as in torch
        assertArrayEquals(new float[] {2, 2, 1, 2.5f, 3, 2.5f, 4, -0f, 3.5f, 1, 4.5f, 0.5f}, upsideDown.coordinates());
        assertArrayEquals(new float[] {2, 2, 1, 2, 0, 2}, upsideDown.visibility().orElseThrow());

        KeyPoints plain = KeyPoints.of(CANVAS, new float[] {1, 0.5f, 3, 0.5f});
        KeyPoints mirrored = Targets.NONE.withKeyPoints(plain.withMirror(new int[] {1, 0})).flippedHorizontally()
                .keyPoints().orElseThrow();
        assertArrayEquals(new float[] {2, 0.5f, 4, 0.5f}, mirrored.coordinates(), "without visibility too");
        assertArrayEquals(new float[] {4, 0.5f, 2, 0.5f},
                Targets.NONE.withKeyPoints(plain).flippedHorizontally().keyPoints().orElseThrow().coordinates(),
                "without a mirror order, torchvision's flip: x mirrored, order kept");
    }

    @Test
    void everyMoveKeepsTheMirrorOrder() {
        Targets targets = Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[] {1, 2, 3, 1, 2, 2, 1, 1, 0, 0, 5, 3},
                new float[] {2, 0, 1, 2, 2, 2}).withMirror(TWO_FACES_MIRROR));
        for (Targets moved : List.of(targets.flippedHorizontally(), targets.flippedVertically(), targets.resized(8, 4),
                targets.cropped(1, 0, 3, 2), targets.padded(1, 1, 1, 1, 0), SanitizeBoundingBoxes.DEFAULT.apply(targets))) {
            assertArrayEquals(TWO_FACES_MIRROR, moved.keyPoints().orElseThrow().mirror().orElseThrow());
        }
        assertEquals("KeyPoints[6 on 4x6, with visibility, with mirror order]", targets.keyPoints().get().toString());
        assertEquals(Optional.empty(), KeyPoints.of(CANVAS, new float[] {1, 2}).mirror());
    }

    @Test
    void aMirrorOrderIsAPermutationOfThePoints() {
        KeyPoints three = KeyPoints.of(CANVAS, new float[] {1, 1, 2, 2, 3, 3});
        assertEquals("a mirror order of 3 key points has 3 values, not 2", assertThrows(IllegalArgumentException.class,
                () -> three.withMirror(new int[] {1, 0})).getMessage());
        assertEquals("mirror[1] is 3, not a key point from 0 to 2", assertThrows(IllegalArgumentException.class,
                () -> three.withMirror(new int[] {0, 3, 1})).getMessage());
        assertEquals("mirror[2] is 1 again; a mirror order names each key point once",
                assertThrows(IllegalArgumentException.class, () -> three.withMirror(new int[] {0, 1, 1})).getMessage());
        int[] order = {2, 1, 0};
        KeyPoints mirrored = three.withMirror(order);
        order[0] = 0;
        assertArrayEquals(new int[] {2, 1, 0}, mirrored.mirror().orElseThrow(), "copied in");
        mirrored.mirror().orElseThrow()[0] = 0;
        assertArrayEquals(new int[] {2, 1, 0}, mirrored.mirror().orElseThrow(), "copied out");
        assertTrue(!mirrored.equals(three) && mirrored.equals(three.withMirror(new int[] {2, 1, 0})));
    }

    @Test
    void entryTargetsCarryEachBoxsMirrorOrder() {
        EntryTargets pose = EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[] {.5f, .5f, .2f, .2f}, new long[] {0})
                .withKeyPoints(2, new float[] {.1f, .2f, .3f, .4f}, new float[] {2, 0});
        assertEquals(Optional.empty(), pose.keyPointMirror());
        EntryTargets mirrored = pose.withKeyPointMirror(new int[] {1, 0});
        assertArrayEquals(new int[] {1, 0}, mirrored.keyPointMirror().orElseThrow());
        assertEquals("EntryTargets[1 CXCYWH box, normalised, 2 key points each with a mirror order]", mirrored.toString());
        assertTrue(!mirrored.equals(pose) && mirrored.equals(pose.withKeyPointMirror(new int[] {1, 0})));
        assertEquals("mirror[1] is 1 again; a mirror order names each key point once",
                assertThrows(IllegalArgumentException.class, () -> pose.withKeyPointMirror(new int[] {1, 1})).getMessage());
        assertEquals("a key point mirror order needs key points; this entry has none",
                assertThrows(IllegalArgumentException.class, () -> EntryTargets.normalizedBoxes(BoxFormat.CXCYWH,
                        new float[0], new long[0]).withKeyPointMirror(new int[0])).getMessage());
    }
}
