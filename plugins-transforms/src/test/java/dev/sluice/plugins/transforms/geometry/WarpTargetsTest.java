package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.resize.Interpolation;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.Scale;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * random_affine and random_perspective move targets with the pixels (their masks' alignment is in
 * {@link SegmentationAlignmentTest}): int32 masks as uint8 ones, boxes around what they enclosed,
 * through the detection recipe, and v2's refusals.
 */
class WarpTargetsTest {
    private static final int W = 48;
    private static final int H = 36;

    private static List<Transform<Image, Image>> warps() {
        return List.of(RandomAffine.of(40).translate(0.2, 0.2).scale(0.7, 1.3).shear(-15, 15, -10, 10),
                RandomAffine.of(-90, 90).center(10, 30).fill(3), RandomPerspective.of(0.7).p(1)
                        .interpolation(Interpolation.NEAREST), RandomPerspective.of(0.3).p(1).fill(5)
                        .interpolation(Interpolation.NEAREST));
    }

    /** Classes 0 to 9 in irregular regions, as a grey image and as the same mask. */
    private static byte[] classes() {
        byte[] values = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                values[y * W + x] = (byte) (((x * 7) / 11 + (y * 5) / 9 + (x * y) / 97) % 10);
            }
        }
        return values;
    }

    @Test
    void int32MasksMoveAsUint8Ones() {
        byte[] values = classes();
        int[] wide = new int[values.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = values[i] * 100_003;
        }
        CanvasSize canvas = new CanvasSize(H, W);
        Image image = Image.wrap(W, H, 1, values);
        for (Transform<Image, Image> warp : warps()) {
            Targeted<Image> narrow = warp.applyWithTargets(Targeted.of(image,
                    Targets.NONE.withMask(SegmentationMask.classIndex(canvas, values))), new SplittableRandom(4));
            Targeted<Image> big = warp.applyWithTargets(Targeted.of(image,
                    Targets.NONE.withMask(SegmentationMask.classIndex(canvas, wide))), new SplittableRandom(4));
            byte[] a = narrow.targets().mask().orElseThrow().toUint8Array();
            int[] b = big.targets().mask().orElseThrow().toInt32Array();
            int fill = warp.toString().contains("fill=[3]") ? 3 : warp.toString().contains("fill=[5]") ? 5 : 0;
            for (int i = 0; i < a.length; i++) {
                // A covered pixel scales by 100,003; an uncovered one holds the fill in both.
                assertTrue(b[i] == a[i] * 100_003 || (b[i] == fill && a[i] == fill), warp + " at " + i);
            }
        }
    }

    @Test
    void boxesEncloseTheObjectTheyEnclosed() {
        int x1 = 14;
        int y1 = 9;
        int x2 = 30;
        int y2 = 22;
        byte[] pixels = new byte[W * H];
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                pixels[y * W + x] = (byte) 255;
            }
        }
        Image image = Image.wrap(W, H, 1, pixels);
        BoundingBoxes box = BoundingBoxes.of(BoxFormat.XYWH, new CanvasSize(H, W),
                new float[] {x1, y1, x2 - x1, y2 - y1}, new long[] {7});
        for (Transform<Image, Image> warp : warps()) {
            for (long seed = 0; seed < 20; seed++) {
                Targeted<Image> out = warp.applyWithTargets(Targeted.of(image, Targets.NONE.withBoxes(box)),
                        new SplittableRandom(seed));
                BoundingBoxes moved = out.targets().boxes().orElseThrow();
                assertEquals(BoxFormat.XYWH, moved.format());
                assertArrayEquals(new long[] {7}, moved.labels());
                float[] xyxy = moved.to(BoxFormat.XYXY).coordinates();
                byte[] got = out.value().toArray();
                int[] extent = {W, H, -1, -1};
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        if (got[y * W + x] == (byte) 255) {
                            extent = new int[] {Math.min(extent[0], x), Math.min(extent[1], y), Math.max(extent[2], x),
                                Math.max(extent[3], y)};
                            // The pixel's centre lies in the box, give or take the sampling's rounding.
                            String where = warp + ", seed " + seed + ": object pixel (" + x + ", " + y + ") outside "
                                    + java.util.Arrays.toString(xyxy);
                            assertTrue(x + 0.5 >= xyxy[0] - 1 && x + 0.5 <= xyxy[2] + 1, where);
                            assertTrue(y + 0.5 >= xyxy[1] - 1 && y + 0.5 <= xyxy[3] + 1, where);
                        }
                    }
                }
                if (extent[2] >= 0) {
                    // ... and no larger than them, give or take the thin corners nearest sampling misses.
                    String loose = warp + ", seed " + seed + ": box " + java.util.Arrays.toString(xyxy)
                            + " larger than the object's pixels " + java.util.Arrays.toString(extent);
                    assertTrue(xyxy[0] >= extent[0] - 2.5 && xyxy[1] >= extent[1] - 2.5, loose);
                    assertTrue(xyxy[2] <= extent[2] + 3.5 && xyxy[3] <= extent[3] + 3.5, loose);
                }
            }
        }
    }

    @Test
    void theDetectionRecipeKeepsBoxesOnTheirObjectsThroughCompose() {
        // A real photograph with two bright squares painted on, boxed; random_resized_crop, a flip and
        // random_affine composed, then to_tensor: every box still holds its square's pixels.
        Image photo = Fixtures.input("ladybird");
        byte[] pixels = photo.toArray();
        int[][] squares = {{20, 15, 30, 24}, {100, 60, 22, 35}};
        for (int[] sq : squares) {
            for (int y = sq[1]; y < sq[1] + sq[3]; y++) {
                for (int x = sq[0]; x < sq[0] + sq[2]; x++) {
                    java.util.Arrays.fill(pixels, (y * photo.width() + x) * 3, (y * photo.width() + x) * 3 + 3, (byte) 255);
                }
            }
        }
        Image image = Image.wrap(photo.width(), photo.height(), 3, pixels);
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYWH, new CanvasSize(image.height(), image.width()),
                new float[] {20, 15, 30, 24, 100, 60, 22, 35}, new long[] {1, 2});
        Transform<Image, Object> recipe = dev.sluice.plugins.transforms.Transforms.compose(
                RandomResizedCrop.of(96).scale(0.6, 1.0).interpolation(Interpolation.NEAREST), RandomHorizontalFlip.of(),
                RandomAffine.of(20).translate(0.1, 0.1).scale(0.9, 1.1).shear(5), dev.sluice.plugins.transforms.Transforms.toTensor());
        for (long seed = 0; seed < 10; seed++) {
            Targeted<Object> out = recipe.applyWithTargets(Targeted.of(image, Targets.NONE.withBoxes(boxes)),
                    new SplittableRandom(seed));
            dev.sluice.api.Tensor tensor = (dev.sluice.api.Tensor) out.value();
            float[] red = tensor.toFloatArray();
            BoundingBoxes moved = out.targets().boxes().orElseThrow();
            assertEquals(new CanvasSize(96, 96), moved.canvas());
            float[] xyxy = moved.to(BoxFormat.XYXY).coordinates();
            for (int b = 0; b < 2; b++) {
                int inside = 0;
                int white = 0;
                for (int y = (int) Math.ceil(xyxy[4 * b + 1]); y < (int) Math.floor(xyxy[4 * b + 3]); y++) {
                    for (int x = (int) Math.ceil(xyxy[4 * b]); x < (int) Math.floor(xyxy[4 * b + 2]); x++) {
                        inside++;
                        white += red[y * 96 + x] == 1f && red[96 * 96 + y * 96 + x] == 1f ? 1 : 0;
                    }
                }
                // A box that survived with some area sits on its square: most of what it covers is the square
                // (rotation and shear add the corners of the box around the turned square).
                if (inside >= 20) {
                    assertTrue(white >= 0.45 * inside, "seed " + seed + ", box " + b + ": " + white + " of " + inside
                            + " pixels white");
                }
            }
        }
    }

    @Test
    void keyPointsFollowTheAffineMapUnclamped() {
        Image image = Fixtures.input("grass");
        KeyPoints points = KeyPoints.of(new CanvasSize(27, 35), new float[] {0, 0, 34, 26, 17.5f, 13.5f});
        Targeted<Image> out = Affine.of(90, 0, 0, 2, 0, 0).applyWithTargets(Targeted.of(image,
                Targets.NONE.withKeyPoints(points)), new SplittableRandom(0));
        // Clockwise by 90 degrees about (17.5, 13.5), twice as far: (x, y) -> (17.5 - 2 (y - 13.5), 13.5 + 2 (x - 17.5)).
        assertArrayEquals(new float[] {44.5f, -21.5f, -7.5f, 46.5f, 17.5f, 13.5f},
                out.targets().keyPoints().orElseThrow().coordinates(), 1e-4f);
    }

    @Test
    void keyPointsKeepTheirVisibilitiesAndMirrorOrderThroughEveryMoveOfThePack() {
        Image image = Fixtures.input("grass");
        float[] visibility = {2, 0, 1};
        int[] mirror = {2, 1, 0};
        Targets targets = Targets.NONE.withKeyPoints(KeyPoints.of(new CanvasSize(27, 35),
                new float[] {0, 0, 34, 26, 17.5f, 13.5f}, visibility).withMirror(mirror));
        List<Transform<?, ?>> moves = List.of(Affine.of(90, 0, 0, 2, 0, 0),
                Perspective.of(new int[][] {{0, 0}, {34, 0}, {34, 26}, {0, 26}},
                        new int[][] {{1, 0}, {33, 2}, {34, 26}, {0, 25}}),
                RandomRotation.of(40).expand(true), RandomAffine.of(30), RandomPerspective.of().p(1),
                RandomCrop.of(20), CenterCrop.of(20),
                RandomResizedCrop.of(30), Pad.of(3), Resize.of(30), Scale.of(2, 0.5),
                RandomVerticalFlip.of(1));
        for (Transform<?, ?> move : moves) {
            @SuppressWarnings("unchecked")
            Targets out = ((Transform<Image, ?>) move).applyWithTargets(Targeted.of(image, targets),
                    new SplittableRandom(0)).targets();
            assertArrayEquals(visibility, out.keyPoints().orElseThrow().visibility().orElseThrow(), move.toString());
            assertArrayEquals(mirror, out.keyPoints().orElseThrow().mirror().orElseThrow(), move.toString());
        }
        Targets scaled = TargetMoves.scale(targets, 2, 0.5, 70, 14);
        assertArrayEquals(visibility, scaled.keyPoints().orElseThrow().visibility().orElseThrow());
        assertArrayEquals(mirror, scaled.keyPoints().orElseThrow().mirror().orElseThrow());
        Targets flipped = RandomHorizontalFlip.of(1).applyWithTargets(Targeted.of(image, targets), new SplittableRandom(0))
                .targets();
        assertArrayEquals(new float[] {1, 0, 2}, flipped.keyPoints().orElseThrow().visibility().orElseThrow(),
                "a left-right flip reorders the points by their mirror order");
        // x' = -(x - 34): 34 becomes -0.0, as in torch
        assertArrayEquals(new float[] {34 - 17.5f, 13.5f, -0f, 26, 34, 0}, flipped.keyPoints().orElseThrow().coordinates());
    }

    @Test
    void noWarpKeepsTheTargetsAndAPerChannelFillCannotFillAMask() {
        Image image = Fixtures.input("grass");
        Targets targets = Targets.NONE.withMask(SegmentationMask.classIndex(new CanvasSize(27, 35), new byte[27 * 35]));
        Targeted<Image> unchanged = RandomPerspective.of().p(0).applyWithTargets(Targeted.of(image, targets),
                new SplittableRandom(0));
        assertSame(image, unchanged.value());
        assertSame(targets, unchanged.targets());
        UnsupportedTargetsException refused = assertThrows(UnsupportedTargetsException.class,
                () -> RandomAffine.of(10).fill(1, 2, 3).applyWithTargets(Targeted.of(image, targets), new SplittableRandom(0)));
        assertTrue(refused.getMessage().startsWith("random_affine: a fill of 3 levels"), refused.getMessage());
    }
}
