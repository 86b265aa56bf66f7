package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code random_perspective}: the contract, the corners' distribution, the warp by the drawn corners, and the refusals. */
class RandomPerspectiveTest extends ConfiguredTransformContract<Image, Image> {

    RandomPerspectiveTest() {
        super("random_perspective", Options.of("transforms[0].random_perspective", Map.of("distortion_scale", 0.4, "p", 0.7)),
                Samples::allChannelCounts, RANDOM);
    }

    @Test
    void cornersAreUniformWithinTorchvisionsBands() {
        // W = 40, H = 30, s = 0.5: bw = trunc(0.5 * 20) + 1 = 11, bh = trunc(0.5 * 15) + 1 = 8.
        RandomPerspective perspective = RandomPerspective.of(0.5).p(1);
        int[][][] ranges = {{{0, 11}, {0, 8}}, {{29, 40}, {0, 8}}, {{29, 40}, {22, 30}}, {{0, 11}, {22, 30}}};
        long[][][] counts = new long[4][2][];
        for (int corner = 0; corner < 4; corner++) {
            for (int axis = 0; axis < 2; axis++) {
                counts[corner][axis] = new long[ranges[corner][axis][1] - ranges[corner][axis][0]];
            }
        }
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 8000; i++) {
            Perspective drawn = perspective.draw(random, 40, 30);
            assertArrayEquals(new int[][] {{0, 0}, {39, 0}, {39, 29}, {0, 29}}, drawn.startpoints());
            int[][] end = drawn.endpoints();
            for (int corner = 0; corner < 4; corner++) {
                for (int axis = 0; axis < 2; axis++) {
                    counts[corner][axis][end[corner][axis] - ranges[corner][axis][0]]++;
                }
            }
        }
        for (int corner = 0; corner < 4; corner++) {
            for (int axis = 0; axis < 2; axis++) {
                double[] uniform = new double[counts[corner][axis].length];
                Arrays.fill(uniform, 1.0 / uniform.length);
                Distributions.assertFrequencies(counts[corner][axis], uniform, "corner " + corner + " axis " + axis);
            }
        }
    }

    @Test
    void probabilityDecidesWhetherToWarp() {
        Transform<Image, Image> transform = Samples.create(new RandomPerspectiveProvider(), Map.of("p", 0.25));
        Image image = Samples.photos().get(0);
        long[] warped = new long[2];
        for (long seed = 0; seed < 4000; seed++) {
            warped[transform.apply(image, new SplittableRandom(seed)) == image ? 0 : 1]++;
        }
        Distributions.assertFrequencies(warped, new double[] {0.75, 0.25}, "warped or not");
    }

    @Test
    void outputIsTheWarpByTheDrawnCorners() {
        Transform<Image, Image> transform = Samples.create(new RandomPerspectiveProvider(),
                Map.of("distortion_scale", 0.6, "p", 1.0, "interpolation", "nearest", "fill", 9));
        RandomPerspective random = (RandomPerspective) transform;
        for (Image image : Samples.photos()) {
            for (long seed = 0; seed < 5; seed++) {
                Perspective drawn = random.draw(new SplittableRandom(seed), image.width(), image.height());
                assertEquals(drawn.apply(image), transform.apply(image, new SplittableRandom(seed)));
            }
        }
        Image image = Samples.photos().get(0);
        assertSame(image, RandomPerspective.of(0.6).p(0).apply(image, new SplittableRandom(0)));
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        String at = "transforms[0].random_perspective.";
        assertEquals(at + "distortion_scale", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomPerspectiveProvider(), Map.of("distortion_scale", 1.5))).keyPath());
        assertEquals(at + "p", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomPerspectiveProvider(), Map.of("p", -0.1))).keyPath());
        assertEquals(at + "interpolation", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomPerspectiveProvider(), Map.of("interpolation", "area"))).keyPath());
        assertEquals(at + "fill", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomPerspectiveProvider(), Map.of("fill", List.of(1, 2, 3, 4, 5)))).keyPath());
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> RandomPerspective.of().p(1)
                .apply(Image.wrap(1, 5, 1, new byte[5]), new SplittableRandom(0)));
        assertEquals("random_perspective needs an image of at least 2 x 2 pixels, got 1 x 5", tiny.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Perspective.of(new int[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}},
                new int[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}}));
    }
}
