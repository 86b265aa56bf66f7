package dev.sluice.plugins.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transform of the pack, given 16-bit images (decoder mode unchanged), either keeps them
 * 16-bit (an image stays uint16; a tensor is float32 scaled by 65535, or uint16) or refuses them
 * with an {@link IllegalArgumentException} that names the transform: nothing is narrowed to 8 bits
 * on the way. The cases are {@link TypedFormsTest}'s, one per id, with their images widened.
 */
class SixteenBitRefusalsTest {
    /**
     * The transforms that work on 8-bit images only: colour arithmetic (torchvision's uint8 rules, as in
     * the AutoAugment family's ops) and drawing.
     */
    private static final Set<String> EIGHT_BIT_ONLY = Set.of("color_jitter", "gaussian_blur", "grayscale",
            "random_grayscale", "draw_rectangle", "side_by_side", "auto_augment", "rand_augment", "trivial_augment_wide",
            "aug_mix");
    /** The geometric and tensor transforms, which take 16-bit images. */
    private static final Set<String> SIXTEEN_BIT = Set.of("resize", "scale", "center_crop", "crop", "random_crop",
            "random_resized_crop", "random_horizontal_flip", "random_vertical_flip", "random_rotation", "random_affine",
            "random_perspective", "pad", "to_tensor", "to_dtype");

    static Stream<TypedFormsTest.Case> imageCases() {
        return TypedFormsTest.cases().filter(c -> isImageInput(c.input().get()));
    }

    private static boolean isImageInput(Object input) {
        return input instanceof Image || input instanceof List<?> list && list.stream().allMatch(Image.class::isInstance);
    }

    /** {@code image} at 16 bits: each level times 257 plus a ripple in the low byte, so the low byte matters. */
    static Image widen(Image image) {
        int channels = image.channels();
        short[] out = new short[image.width() * image.height() * channels];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < channels; c++) {
                    int level = image.get(x, y, c) * 257 + (x * 131 + y * 71 + c * 29) % 256 - 128;
                    out[(y * image.width() + x) * channels + c] = (short) Math.max(0, Math.min(65535, level));
                }
            }
        }
        return Image.wrapUint16(image.width(), image.height(), channels, out);
    }

    private static Object widened(Object input) {
        return input instanceof Image image ? widen(image) : ((List<?>) input).stream().map(i -> widen((Image) i)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageCases")
    @SuppressWarnings("unchecked")
    void aSixteenBitImageStaysSixteenBitOrIsRefusedNamingTheTransform(TypedFormsTest.Case c) {
        Transform<Object, Object> transform = (Transform<Object, Object>) c.typed();
        for (long seed = 0; seed < 6; seed++) {
            Object output;
            try {
                output = transform.apply(widened(c.input().get()), new SplittableRandom(seed));
            } catch (IllegalArgumentException refused) {
                // One name may hold another (random_grayscale, grayscale): any named one the case holds will do.
                List<String> named = EIGHT_BIT_ONLY.stream().filter(refused.getMessage()::contains).toList();
                assertTrue(!named.isEmpty(), c + " refused a 16-bit image without naming an 8-bit-only transform: "
                        + refused.getMessage());
                assertTrue(named.stream().anyMatch(n -> c.id().equals(n) || c.options().toString().contains(n)),
                        c + " was refused by " + named + ", none of which it holds: " + refused.getMessage());
                assertTrue(refused.getMessage().contains("uint16"), refused.getMessage());
                continue;
            } catch (IllegalStateException unnamed) {
                fail(c + " read a 16-bit image through an 8-bit accessor (" + unnamed.getMessage() + "): a transform that "
                        + "works on 8-bit images only calls Raster.requireEightBit(image, \"<its id>\") first; one that moves "
                        + "pixels reads Raster.ofAnyDepth(image) and moves pixelBytes() per pixel");
                return;
            }
            assertTrue(!EIGHT_BIT_ONLY.contains(c.id()), c + " must refuse a 16-bit image, it gave " + output);
            if (output instanceof Image image) {
                assertEquals(DType.UINT16, image.dtype(), c + ", seed " + seed + ": the image was narrowed");
            } else {
                Tensor tensor = (Tensor) output;
                assertNotEquals(DType.UINT8, tensor.dtype(), c + ", seed " + seed + ": the tensor was narrowed");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageCases")
    @SuppressWarnings("unchecked")
    void theGeometricAndTensorTransformsTakeSixteenBitImages(TypedFormsTest.Case c) {
        if (SIXTEEN_BIT.contains(c.id())) {
            Object output = ((Transform<Object, Object>) c.typed()).apply(widened(c.input().get()), new SplittableRandom(3));
            assertTrue(output instanceof Image image ? image.dtype() == DType.UINT16
                    : ((Tensor) output).dtype() != DType.UINT8, c + " gave " + output);
        }
    }
}
