package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.Reductions;
import dev.sluice.api.contract.DiscoveredTransforms;
import dev.sluice.plugins.transforms.Samples;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.ResizeProvider;
import dev.sluice.plugins.transforms.resize.ScaleProvider;
import dev.sluice.plugins.transforms.containers.ComposeProvider;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The largest decode reduction each transform of the pack allows, for a grid of image sizes (as
 * shown, after EXIF orientation), and that the answer never gives a transform less than its target.
 */
class ReduceLimitTest {
    private static final Map<String, Object> EVAL_RESIZE = Map.of("size", 256);

    private static int largest(Transform<?, ?> transform, int width, int height) {
        return transform.reduceLimit(ReduceLimit.NONE).largestReduce(width, height);
    }

    private static Transform<?, ?> compose(List<?> steps) {
        return new ComposeProvider().create(Options.of("transforms[0].compose", Map.of("transforms", steps)), DiscoveredTransforms.onClassPath());
    }

    @ParameterizedTest(name = "{0}x{1}: {2}")
    @CsvSource({
        "3840, 2400, 8", // 480 x 300: the shorter side stays above 256
        "2400, 3840, 8", // portrait, the same
        "2048, 2048, 8", // 256 x 256: exactly the target
        "2041, 2041, 8", // ceil(2041 / 8) = 256, as libjpeg rounds
        "2040, 2040, 4", // 255 would be below the target
        "1280, 1024, 4", // 320 x 256: exactly
        "2560, 1600, 4",
        "600, 512, 2",
        "511, 400, 1",
        "256, 256, 1",
        "100, 80, 1", // smaller than the target: resize enlarges from the full size
        "2048, 2052, 4" // 256 x 257 would make the output 256 x 257 instead of 256 x 256
    })
    void resizeOfTheShorterSideReducesWhileTheShorterSideStaysAtLeastTheTargetAndTheOutputSizeHolds(int width,
            int height, int expected) {
        Transform<?, ?> resize = Samples.create(new ResizeProvider(), EVAL_RESIZE);
        assertEquals(expected, largest(resize, width, height));
    }

    @ParameterizedTest(name = "{0}x{1}: {2}")
    @CsvSource({"2400, 1600, 4", "1600, 2400, 8", "1600, 1600, 4", "1593, 2400, 8", "1592, 2400, 4", "1600, 2393, 8",
        "1600, 2392, 4"})
    void resizeToHeightAndWidthReducesWhileBothSidesStayAtLeastTheirTargets(int width, int height, int expected) {
        Transform<?, ?> resize = Samples.create(new ResizeProvider(), Map.of("size", List.of(300, 200)));
        assertEquals(expected, largest(resize, width, height), "resize to 300 high, 200 wide");
    }

    @ParameterizedTest(name = "{0}x{1}, max_size {2}: {3}")
    @CsvSource({"3840, 2400, 300, 8", "2400, 3840, 300, 8", "1000, 1000, 300, 2", "100000, 10, 257, 1"})
    void resizeWithMaxSizeReducesOnlyWhileTheCappedOutputSizeHolds(int width, int height, int maxSize, int expected) {
        // 3840 x 2400: the long side 409 is capped to 300, the output 300 x 187; 480 x 300 gives the same.
        // 100000 x 10 would come out 257 x 0, which resize refuses: it gets the full size, to name it.
        Transform<?, ?> resize = Samples.create(new ResizeProvider(), Map.of("size", 256, "max_size", maxSize));
        assertEquals(expected, largest(resize, width, height));
    }

    @ParameterizedTest(name = "{0}x{1}: {2}")
    @CsvSource({"3840, 2400, 8", "2400, 3840, 8", "1000, 800, 2"})
    void theSeedsResizeReducesLikeTorchvisions(int width, int height, int expected) {
        Transform<?, ?> resize = Samples.create(new ResizeProvider(), Map.of("height", 256));
        assertEquals(expected, largest(resize, width, height), "resize to height 256, width by the aspect ratio");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"3840, 2400", "800, 600"})
    void scaleByFactorsNeverReduces(int width, int height) {
        assertEquals(1, largest(Samples.create(new ScaleProvider(), Map.of("fx", 0.1, "fy", 0.1)), width, height));
    }

    @ParameterizedTest(name = "{0}x{1}, scale {2}: {3}")
    @CsvSource({
        "3840, 2400, 0.08, 2", // 1920 x 1200: the smallest crop is 372 wide; 960 x 600 would give 186
        "3840, 2400, 0.5, 8", // 480 x 300: sqrt(480 * 300 * 0.5 * 3/4) = 232
        "2400, 3840, 0.5, 8",
        "224, 224, 0.08, 1",
        "640, 64000, 0.9, 2" // 80 or 160 wide would do for the drawn crops, but none fits: the fallback is that wide
    })
    void randomResizedCropReducesWhileItsSmallestPossibleCropStaysAtLeastTheTarget(int width, int height, double scale,
            int expected) {
        Transform<?, ?> crop = Samples.create(new RandomResizedCropProvider(), Map.of("size", 224, "scale",
                List.of(scale, 1.0)));
        assertEquals(expected, largest(crop, width, height));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "flip, jitter, grey, resize, crop, to_tensor, normalize | 8",
        "resize, center crop, to_tensor                         | 8",
        "random_apply(jitter), resize                           | 8",
        "random_apply(resize 512), resize                       | 4",
        "random_choice(resize, resize 512)                      | 4",
        "center crop, resize                                    | 1",
        "blur, resize                                           | 1",
        "random_order(flip, resize)                             | 1",
        "flip, to_tensor                                        | 1"})
    void aPipelineReducesAsItsFirstSizeSettingStepWhenTheStepsBeforeItKeepTheSize(String name, int expected) {
        Map<String, Object> resize = Map.of("resize", EVAL_RESIZE);
        Map<String, Object> resize512 = Map.of("resize", Map.of("size", 512));
        Map<String, Object> centerCrop = Map.of("center_crop", Map.of("size", 224));
        Map<String, Object> jitter = Map.of("color_jitter", Map.of("brightness", 0.4));
        Map<String, Object> normalize = Map.of("normalize", Map.of("mean", 0.5, "std", 0.5));
        List<?> steps = switch (name) {
            case "flip, jitter, grey, resize, crop, to_tensor, normalize" -> List.of("random_horizontal_flip", jitter,
                    Map.of("grayscale", Map.of("num_output_channels", 3)), resize, centerCrop, "to_tensor", normalize);
            case "resize, center crop, to_tensor" -> List.of(resize, centerCrop, "to_tensor");
            case "random_apply(jitter), resize" -> List.of(Map.of("random_apply", Map.of("transforms", List.of(jitter))),
                    resize);
            case "random_apply(resize 512), resize" -> List.of(Map.of("random_apply", Map.of("transforms",
                    List.of(resize512))), resize);
            case "random_choice(resize, resize 512)" -> List.of(Map.of("random_choice", Map.of("transforms",
                    List.of(resize, resize512))));
            case "center crop, resize" -> List.of(centerCrop, resize);
            case "blur, resize" -> List.of(Map.of("gaussian_blur", Map.of("kernel_size", 3)), resize);
            case "random_order(flip, resize)" -> List.of(Map.of("random_order", Map.of("transforms",
                    List.of("random_horizontal_flip", resize))));
            case "flip, to_tensor" -> List.of("random_horizontal_flip", "to_tensor");
            default -> throw new IllegalArgumentException(name);
        };
        assertEquals(expected, largest(compose(steps), 3840, 2400), name + " on 3840 x 2400");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"random_horizontal_flip", "random_vertical_flip", "color_jitter", "grayscale", "to_dtype"})
    void stepsThatKeepTheSizePixelByPixelPassOnWhatTheStepsAfterThemAllow(String id) {
        Map<String, Object> options = switch (id) {
            case "color_jitter" -> Map.of("brightness", 0.4);
            case "to_dtype" -> Map.of("dtype", "float32");
            default -> Map.of();
        };
        Transform<?, ?> step = compose(List.of(Map.of(id, options)));
        ReduceLimit after = (width, height) -> 4;
        assertEquals(4, step.reduceLimit(after).largestReduce(3840, 2400), id);
        assertEquals(1, step.reduceLimit(ReduceLimit.NONE).largestReduce(3840, 2400), id + " as the last step");
    }

    /** Whatever the size, a reduced image still resizes to the same output, and is at least that large. */
    @Property(tries = 500)
    void resizeNeverReducesBelowItsTargetNorChangesTheOutputSize(@ForAll @IntRange(min = 1, max = 6000) int width,
            @ForAll @IntRange(min = 1, max = 6000) int height, @ForAll @IntRange(min = 1, max = 700) int size) {
        Resize resize = (Resize) new ResizeProvider().create(Options.of("transforms[0].resize", Map.of("size", size)));
        int factor = largest(resize, width, height);
        int reducedWidth = Reductions.reducedLength(width, factor);
        int reducedHeight = Reductions.reducedLength(height, factor);
        Size full = resize.outputSize(width, height);
        if (factor == 1) {
            return;
        }
        assertEquals(full, resize.outputSize(reducedWidth, reducedHeight), "output size at reduction " + factor);
        assertTrue(reducedWidth >= full.width() && reducedHeight >= full.height(), () -> width + "x" + height + " reduced by "
                + factor + " is " + reducedWidth + "x" + reducedHeight + ", smaller than the output " + full);
    }

    /** Whatever the size, every crop random_resized_crop can cut from the reduced image is at least its target. */
    @Property(tries = 300)
    void randomResizedCropNeverCutsACropSmallerThanItsTargetFromAReducedImage(
            @ForAll @IntRange(min = 16, max = 5000) int width, @ForAll @IntRange(min = 16, max = 5000) int height,
            @ForAll @IntRange(min = 8, max = 300) int size, @ForAll @IntRange(min = 1, max = 100) int scalePercent,
            @ForAll long seed) {
        RandomResizedCrop crop = (RandomResizedCrop) new RandomResizedCropProvider().create(Options.of(
                "transforms[0].random_resized_crop", Map.of("size", size, "scale", List.of(scalePercent / 100.0, 1.0))));
        int factor = largest(crop, width, height);
        if (factor == 1) {
            return;
        }
        int reducedWidth = Reductions.reducedLength(width, factor);
        int reducedHeight = Reductions.reducedLength(height, factor);
        SplittableRandom random = new SplittableRandom(seed);
        for (int draw = 0; draw < 50; draw++) {
            Region window = crop.window(reducedWidth, reducedHeight, random);
            assertTrue(window.height() >= size && window.width() >= size, () -> "a " + window.width() + "x" + window.height() + " crop of "
                    + width + "x" + height + " reduced by " + factor + " is smaller than " + size);
        }
    }
}
