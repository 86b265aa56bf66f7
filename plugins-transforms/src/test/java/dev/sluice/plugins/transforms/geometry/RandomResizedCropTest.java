package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code random_resized_crop}: the contract, the distribution of the crop's area and log aspect
 * ratio, the ten tries and the central fallback, and the output equal to the deterministic resized
 * crop of the drawn window.
 */
class RandomResizedCropTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "random_resized_crop";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].random_resized_crop", Map.of("size", List.of(16, 24)));
    }

    @Override
    protected List<Image> sampleInputs() {
        return Samples.allChannelCounts();
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    private static RandomResizedCrop create(Map<String, ?> options) {
        return (RandomResizedCrop) Samples.<Image, Image>create(new RandomResizedCropProvider(), options);
    }

    @Test
    void areaFractionAndLogAspectAreUniformWhenEveryFirstTryFits() {
        // On 2000x2000 with scale <= 0.5 and ratio in [3/4, 4/3], every proposal fits, so the first try is kept.
        RandomResizedCrop crop = create(Map.of("size", 8, "scale", List.of(0.08, 0.5)));
        int n = 20_000;
        double[] areas = new double[n];
        double[] logRatios = new double[n];
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < n; i++) {
            Region window = crop.window(2000, 2000, random);
            areas[i] = window.height() * (double) window.width() / (2000.0 * 2000.0);
            logRatios[i] = Math.log(window.width() / (double) window.height());
            assertTrue(window.fitsIn(2000, 2000), "window inside the image");
        }
        Distributions.assertUniform(areas, 0.08, 0.5, "crop area fraction");
        Distributions.assertUniform(logRatios, Math.log(3.0 / 4), Math.log(4.0 / 3), "crop log aspect ratio");
    }

    @Test
    void positionOfAnAcceptedCropIsUniform() {
        RandomResizedCrop crop = create(Map.of("size", 8, "scale", List.of(0.25, 0.25), "ratio", List.of(1, 1)));
        // 40x40 at a quarter of the area: a 20x20 crop, top and left uniform on 0..20.
        long[] tops = new long[21];
        long[] lefts = new long[21];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 21_000; i++) {
            Region window = crop.window(40, 40, random);
            assertEquals(20, window.height());
            assertEquals(20, window.width());
            tops[window.y()]++;
            lefts[window.x()]++;
        }
        double[] uniform = new double[21];
        java.util.Arrays.fill(uniform, 1.0 / 21);
        Distributions.assertFrequencies(tops, uniform, "top");
        Distributions.assertFrequencies(lefts, uniform, "left");
    }

    @Test
    void afterTenFailedTriesItTakesTheCentralCropOfTheNearestAllowedRatio() {
        // Ratios 2 to 3 never fit a 100x100 image at 90-100% of its area.
        RandomResizedCrop crop = create(Map.of("size", 8, "scale", List.of(0.9, 1.0), "ratio", List.of(2, 3)));
        CountingRandom random = new CountingRandom(3);
        Region window = crop.window(100, 100, random);
        // in_ratio 1 < 2: w = 100, h = round(100 / 2) = 50, centred at ((100 - 50) // 2, 0).
        assertEquals(new Region(0, 25, 100, 50), window);
        assertEquals(20, random.doubles, "ten tries of two uniform draws each");
        assertEquals(0, random.ints, "no position is drawn for the fallback");
        // A wide image and ratios below its own: h = H, w = round(H * max ratio).
        RandomResizedCrop narrow = create(Map.of("size", 8, "scale", List.of(0.9, 1.0), "ratio", List.of(0.5, 0.75)));
        assertEquals(new Region(42, 0, 28, 37), narrow.window(112, 37, new SplittableRandom(1)));
    }

    @Test
    void outputIsTheResizedCropOfTheDrawnWindow() {
        Transform<Image, Image> transform = Samples.create(new RandomResizedCropProvider(), Map.of("size", List.of(12, 16)));
        RandomResizedCrop crop = (RandomResizedCrop) transform;
        for (Image image : Samples.photos()) {
            for (long seed = 0; seed < 10; seed++) {
                Region w = crop.window(image.width(), image.height(), new SplittableRandom(seed));
                assertEquals(crop.resizedCrop(image, w), transform.apply(image, new SplittableRandom(seed)),
                        image + " seed " + seed);
            }
        }
    }

    @Test
    void rangesMustBeOrderedAndPositive() {
        assertEquals("transforms[0].random_resized_crop.scale", assertThrows(OptionsException.class,
                () -> create(Map.of("size", 8, "scale", List.of(1.0, 0.5)))).keyPath());
        assertEquals("transforms[0].random_resized_crop.ratio", assertThrows(OptionsException.class,
                () -> create(Map.of("size", 8, "ratio", List.of(0, 1)))).keyPath());
        assertEquals("transforms[0].random_resized_crop.scale", assertThrows(OptionsException.class,
                () -> create(Map.of("size", 8, "scale", List.of(0.5)))).keyPath());
    }

    /** A random source that counts what is drawn from it. */
    private static final class CountingRandom implements RandomGenerator {
        private final SplittableRandom delegate;
        int doubles;
        int ints;

        CountingRandom(long seed) {
            delegate = new SplittableRandom(seed);
        }

        @Override
        public long nextLong() {
            return delegate.nextLong();
        }

        @Override
        public double nextDouble() {
            doubles++;
            return delegate.nextDouble();
        }

        @Override
        public int nextInt(int bound) {
            ints++;
            return delegate.nextInt(bound);
        }
    }
}
