package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
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
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.Transforms;
import dev.sluice.plugins.transforms.colour.Grayscale;
import dev.sluice.plugins.transforms.geometry.CenterCrop;
import dev.sluice.plugins.transforms.geometry.Pad;
import dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip;
import dev.sluice.plugins.transforms.geometry.RandomResizedCrop;
import dev.sluice.plugins.transforms.geometry.RandomRotation;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.tensor.Normalize;
import dev.sluice.plugins.transforms.tensor.ToTensor;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.SplittableRandom;

/** Targets through the containers, the fused pass, {@code sanitize_boxes}, and the transforms that refuse them. */
class TargetsThroughPipelinesTest {

    /**
     * A photograph with boxes in CXCYWH (some cut by any crop), instance masks drawn inside them, and key
     * points that change places under a left-right flip.
     */
    private static Targeted<Image> sample() {
        Image image = Fixtures.input("grass");
        CanvasSize canvas = new CanvasSize(image.height(), image.width());
        float[] xyxy = {2, 3, 20, 15, 0.5f, 0.5f, image.width() - 0.5f, image.height() - 0.5f, 30, 1, 33.25f, 5.5f};
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYXY, canvas, xyxy, new long[] {7, 8, 9}).to(BoxFormat.CXCYWH);
        byte[] layers = new byte[3 * (int) canvas.pixels()];
        for (int n = 0; n < 3; n++) {
            for (int y = (int) xyxy[n * 4 + 1]; y < (int) xyxy[n * 4 + 3]; y++) {
                for (int x = (int) xyxy[n * 4]; x < (int) xyxy[n * 4 + 2]; x++) {
                    layers[(n * canvas.height() + y) * canvas.width() + x] = 1;
                }
            }
        }
        return Targeted.of(image, Targets.NONE.withBoxes(boxes).withMask(SegmentationMask.instances(3, canvas, layers))
                .withKeyPoints(KeyPoints.of(canvas, new float[] {4, 5, 17.5f, 9}).withMirror(new int[] {1, 0})));
    }

    @SuppressWarnings("unchecked")
    private static Targeted<Object> run(Transform<?, ?> transform, Targeted<Image> input, long seed) {
        return ((Transform<Object, Object>) transform).applyWithTargets(input, new SplittableRandom(seed));
    }

    @Test
    void theFusedPassMovesTargetsAsTheStepsOneByOne() {
        List<List<Transform<?, ?>>> runs = List.of(
                List.of(RandomResizedCrop.of(new Size(24, 18)).scale(0.2, 1), RandomHorizontalFlip.of(), ToTensor.of(),
                        Normalize.of(Transforms.IMAGENET_MEAN, Transforms.IMAGENET_STD)),
                List.of(Resize.of(30), CenterCrop.of(new Size(28, 20)), RandomHorizontalFlip.of(0.5), ToTensor.of()),
                List.of(Resize.of(new Size(20, 60)), CenterCrop.of(40), ToTensor.of()));
        for (List<Transform<?, ?>> steps : runs) {
            Transform<Object, Object> fused = Compose.of(steps);
            assertInstanceOf(SlotTransform.class, fused, "fused: " + fused);
            assertTrue(fused.carriesTargets());
            for (long seed = 0; seed < 16; seed++) {
                Targeted<Object> expected = sample().map(image -> (Object) image);
                SplittableRandom random = new SplittableRandom(seed);
                for (Transform<?, ?> step : steps) {
                    expected = ((Transform<Object, Object>) step).applyWithTargets(expected, random);
                }
                Targeted<Object> actual = run(fused, sample(), seed);
                assertEquals(expected.targets(), actual.targets(), fused + ", seed " + seed);
                assertEquals(expected.value(), actual.value(), fused + ", seed " + seed);
                Targeted<SlotTransform.Pending> prepared = ((SlotTransform<Object>) (Transform<?, ?>) fused)
                        .prepareWithTargets(sample(), new SplittableRandom(seed));
                assertEquals(expected.targets(), prepared.targets(), "prepared for a batch slot, seed " + seed);
            }
        }
    }

    @Test
    void containersCarryTargetsWithTheDrawsOfTheirSteps() {
        Transform<?, ?>[] containers = {
            Transforms.randomApply(RandomRotation.of(40), Grayscale.of(3)).p(0.5),
            Transforms.randomChoice(RandomHorizontalFlip.of(1), CenterCrop.of(20)),
            Transforms.randomOrder(RandomRotation.of(40).expand(true), RandomResizedCrop.of(30), Pad.of(3))};
        for (Transform<?, ?> container : containers) {
            assertTrue(container.carriesTargets(), container.toString());
            for (long seed = 0; seed < 12; seed++) {
                Targeted<Object> out = run(container, sample(), seed);
                Image image = (Image) out.value();
                assertEquals(new CanvasSize(image.height(), image.width()), out.targets().canvas().orElseThrow());
                assertEquals(run(container, sample(), seed), out, "the same draws give the same sample");
                assertEquals(((Transform<Object, Object>) container).apply(sample().value(), new SplittableRandom(seed)),
                        image, "the image is what apply gives");
            }
        }
    }

    @Test
    void sanitizeBoxesDropsTheBoxesACropCutAwayWithTheirLabelsAndMasks() {
        Transform<Object, Object> pipeline = Transforms.compose(CenterCrop.of(new Size(20, 12)), Transforms.sanitizeBoxes());
        Targeted<Object> out = run(pipeline, sample(), 0);
        BoundingBoxes boxes = out.targets().boxes().orElseThrow();
        assertArrayEquals(new long[] {7, 8}, boxes.labels(), "the third box lies outside the centre: " + boxes);
        assertEquals(2, out.targets().mask().orElseThrow().layers());
        assertEquals(2, out.targets().keyPoints().orElseThrow().count(), "key points are not sanitized");
        Targeted<Object> strict = run(Transforms.compose(CenterCrop.of(new Size(20, 12)),
                Transforms.sanitizeBoxes().minArea(200)), sample(), 0);
        assertArrayEquals(new long[] {8}, strict.targets().boxes().orElseThrow().labels());
        assertThrows(IllegalArgumentException.class, () -> Transforms.sanitizeBoxes().minSize(0.5));
    }

    @Test
    void aStepThatCannotMoveTargetsIsNamedByItsPlaceInTheList() {
        Transform<Image, Image> invert = (image, random) -> image;
        Transform<Object, Object> pipeline = Compose.of(RandomHorizontalFlip.of(), invert, ToTensor.of());
        assertFalse(pipeline.carriesTargets());
        UnsupportedTargetsException e = assertThrows(UnsupportedTargetsException.class, () -> run(pipeline, sample(), 0));
        assertTrue(e.getMessage().startsWith("compose.transforms[1] ("), e.getMessage());
        assertTrue(e.getMessage().contains("cannot move boxes and a mask and key points with the image"), e.getMessage());
        assertEquals(pipeline.apply(sample().value(), new SplittableRandom(3)),
                run(pipeline, Targeted.of(sample().value()), 3).value(), "without targets it runs");
    }

    @Test
    void torchvisionsRefusalsAreKept() {
        UnsupportedTargetsException reflect = assertThrows(UnsupportedTargetsException.class,
                () -> run(Pad.of(2).paddingMode(Pad.Mode.REFLECT), sample(), 0));
        assertTrue(reflect.getMessage().contains("padding mode reflect cannot move boxes or key points"),
                reflect.getMessage());
        CanvasSize canvas = sample().targets().canvas().orElseThrow();
        Targeted<Image> maskOnly = Targeted.of(sample().value(),
                Targets.NONE.withMask(SegmentationMask.classIndex(canvas, new byte[(int) canvas.pixels()])));
        assertInstanceOf(Image.class, run(Pad.of(2).paddingMode(Pad.Mode.REFLECT), maskOnly, 0).value(),
                "a mask alone pads in any mode");
        UnsupportedTargetsException fill = assertThrows(UnsupportedTargetsException.class,
                () -> run(RandomRotation.of(10).fill(1, 2, 3), sample(), 0));
        assertTrue(fill.getMessage().contains("random_rotation: a fill of 3 levels (one per channel) cannot fill a mask"),
                fill.getMessage());
    }

    @Test
    void photometricStepsLeaveTargetsWhereTheyAre() {
        Targeted<Image> in = sample();
        Transform<Object, Object> pipeline = Transforms.compose(Transforms.colorJitter().brightness(0.5).hue(0.2),
                Transforms.gaussianBlur(3), Grayscale.of(3), ToTensor.of(), Normalize.of(List.of(0.5), List.of(0.2)));
        Targeted<Object> out = run(pipeline, in, 5);
        assertEquals(in.targets(), out.targets());
        assertInstanceOf(Tensor.class, out.value());
        assertTrue(Transforms.toDtype(DType.FLOAT32).carriesTargets());
    }
}
