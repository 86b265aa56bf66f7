package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.Transforms;
import dev.sluice.plugins.transforms.resize.Interpolation;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.Scale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A segmentation mask stays aligned pixel for pixel with its image under every geometric transform:
 * the image's pixels encode their own class (every channel holds the class index, so a fill level is
 * a class too), the image and the mask go through the transform with the same draws, and each output
 * pixel must hold its mask value. Classes are drawn per pixel, so a shift by one pixel anywhere shows.
 * Transforms that interpolate are run with nearest sampling, since a blend of classes encodes none.
 */
class SegmentationAlignmentTest {
    private static final int WIDTH = 41;
    private static final int HEIGHT = 29;

    static Stream<Arguments> transforms() {
        return Stream.of(
                Arguments.of("random_horizontal_flip", RandomHorizontalFlip.of(0.5)),
                Arguments.of("random_vertical_flip", RandomVerticalFlip.of(0.5)),
                Arguments.of("resize [51, 23] nearest", Resize.of(new Size(23, 51)).interpolation(Interpolation.NEAREST)),
                Arguments.of("resize 17 nearest", Resize.of(17).interpolation(Interpolation.NEAREST)),
                Arguments.of("resize 60 nearest, antialias", Resize.of(60).interpolation(Interpolation.NEAREST).antialias(true)),
                Arguments.of("scale 0.7 x 1.3 nearest", Scale.of(0.7, 1.3).interpolation(Interpolation.NEAREST)),
                Arguments.of("center_crop [15, 20]", CenterCrop.of(new Size(20, 15))),
                Arguments.of("center_crop [32, 44] (padded)", CenterCrop.of(new Size(44, 32))),
                Arguments.of("center_crop [40, 50] (padded)", CenterCrop.of(new Size(50, 40))),
                Arguments.of("crop", Crop.of(new Region(5, 3, 20, 17))),
                Arguments.of("random_crop", RandomCrop.of(new Size(25, 20))),
                Arguments.of("random_crop padded, fill 4", RandomCrop.of(new Size(30, 36)).padding(Padding.of(3, 1))
                        .padIfNeeded(true).fill(4)),
                Arguments.of("random_crop reflect", RandomCrop.of(new Size(44, 30)).padding(Padding.of(2)).padIfNeeded(true)
                        .paddingMode(Pad.Mode.REFLECT)),
                Arguments.of("random_crop edge", RandomCrop.of(20).padding(Padding.of(5)).paddingMode(Pad.Mode.EDGE)),
                Arguments.of("random_resized_crop nearest", RandomResizedCrop.of(new Size(30, 20))
                        .interpolation(Interpolation.NEAREST)),
                Arguments.of("random_resized_crop nearest, wide", RandomResizedCrop.of(new Size(64, 21)).scale(0.05, 1)
                        .interpolation(Interpolation.NEAREST)),
                Arguments.of("pad fill 6", Pad.of(new Padding(1, 2, 3, 4)).fill(6)),
                Arguments.of("pad symmetric", Pad.of(new Padding(4, 3, 2, 1)).paddingMode(Pad.Mode.SYMMETRIC)),
                Arguments.of("pad reflect", Pad.of(5).paddingMode(Pad.Mode.REFLECT)),
                Arguments.of("random_rotation", RandomRotation.of(-180, 180)),
                Arguments.of("random_rotation expand, fill 3", RandomRotation.of(-180, 180).expand(true).fill(3)),
                Arguments.of("random_rotation about a point", RandomRotation.of(-50, 50).center(7.5, 20)),
                Arguments.of("random_affine", RandomAffine.of(-60, 60).translate(0.2, 0.2).scale(0.7, 1.3)
                        .shear(-20, 20, -10, 10)),
                Arguments.of("random_affine about a point, fill 3", RandomAffine.of(90).center(7.5, 20).fill(3)),
                Arguments.of("random_perspective nearest", RandomPerspective.of(0.7).p(1).interpolation(Interpolation.NEAREST)),
                Arguments.of("random_perspective nearest, fill 5", RandomPerspective.of(0.4).fill(5)
                        .interpolation(Interpolation.NEAREST)),
                Arguments.of("compose", Transforms.compose(RandomResizedCrop.of(24).interpolation(Interpolation.NEAREST),
                        RandomRotation.of(30).expand(true), RandomVerticalFlip.of(), Pad.of(2))),
                Arguments.of("random_choice", Transforms.randomChoice(RandomRotation.of(90), RandomCrop.of(12),
                        RandomHorizontalFlip.of(1))),
                Arguments.of("random_order", Transforms.randomOrder(RandomRotation.of(90), RandomCrop.of(25),
                        RandomHorizontalFlip.of(1))),
                Arguments.of("random_apply", Transforms.randomApply(RandomRotation.of(90), CenterCrop.of(13))),
                Arguments.of("fused: resize, center_crop, flip, to_tensor", Transforms.compose(
                        Resize.of(33).interpolation(Interpolation.NEAREST), CenterCrop.of(new Size(30, 25)),
                        RandomHorizontalFlip.of(), Transforms.toTensor())),
                Arguments.of("fused: random_resized_crop, flip, to_tensor", Transforms.compose(
                        RandomResizedCrop.of(new Size(27, 31)).interpolation(Interpolation.NEAREST), RandomHorizontalFlip.of(),
                        Transforms.toTensor())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    @SuppressWarnings("unchecked")
    void theMaskStaysOnItsPixels(String name, Transform<?, ?> transform) {
        for (long seed = 0; seed < 40; seed++) {
            SplittableRandom classes = new SplittableRandom(seed * 7919);
            byte[] mask = new byte[WIDTH * HEIGHT];
            byte[] pixels = new byte[WIDTH * HEIGHT * 3];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) classes.nextInt(10);
                pixels[3 * i] = mask[i];
                pixels[3 * i + 1] = mask[i];
                pixels[3 * i + 2] = mask[i];
            }
            CanvasSize canvas = new CanvasSize(HEIGHT, WIDTH);
            Targets targets = Targets.NONE.withMask(seed % 2 == 0 ? SegmentationMask.classIndex(canvas, mask)
                    : SegmentationMask.instances(1, canvas, mask));
            Targeted<Object> out = ((Transform<Object, Object>) transform).applyWithTargets(
                    Targeted.of(Image.wrap(WIDTH, HEIGHT, 3, pixels), targets), new SplittableRandom(seed));
            SegmentationMask moved = out.targets().mask().orElseThrow();
            Image image = out.value() instanceof Tensor tensor ? fromTensor(tensor) : (Image) out.value();
            assertEquals(new CanvasSize(image.height(), image.width()), moved.canvas(), name + " seed " + seed);
            byte[] values = image.toArray();
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    int pixel = values[(y * image.width() + x) * 3] & 0xFF;
                    if (pixel != moved.value(0, y, x)) {
                        fail(name + ", seed " + seed + ": output pixel (" + x + ", " + y + ") is class " + pixel
                                + " but the mask says " + moved.value(0, y, x));
                    }
                }
            }
        }
    }

    /** A CHW float tensor of levels / 255 back to levels. */
    private static Image fromTensor(Tensor chw) {
        int[] shape = chw.shape();
        int height = shape[1];
        int width = shape[2];
        byte[] out = new byte[height * width * 3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < height * width; i++) {
                out[i * 3 + c] = (byte) Math.round(chw.getFloat(c * height * width + i) * 255f);
            }
        }
        return Image.wrap(width, height, 3, out);
    }
}
