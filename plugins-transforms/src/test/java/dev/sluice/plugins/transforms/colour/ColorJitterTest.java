package dev.sluice.plugins.transforms.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Samples;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code color_jitter}: the contract, every order of the four adjustments equally likely, factors
 * uniform in their ranges, and the output equal to the adjustments with the drawn factors in the drawn order.
 */
class ColorJitterTest extends ConfiguredTransformContract<Image, Image> {

    ColorJitterTest() {
        super("color_jitter", Options.of("transforms[0].color_jitter", Map.of("brightness", 0.4, "contrast", 0.4, "saturation", 0.4, "hue", 0.1)),
                Samples::photos, RANDOM);
    }

    private static ColorJitter create(Map<String, ?> options) {
        return (ColorJitter) Samples.<Image, Image>create(new ColorJitterProvider(), options);
    }

    @Test
    void everyOrderOfTheAdjustmentsIsEquallyLikely() {
        ColorJitter jitter = create(Map.of("brightness", 0.2));
        Map<String, Integer> index = new HashMap<>();
        long[] counts = new long[24];
        SplittableRandom random = new SplittableRandom(77);
        for (int i = 0; i < 24_000; i++) {
            String order = Arrays.toString(jitter.draw(random).order());
            index.putIfAbsent(order, index.size());
            counts[index.get(order)]++;
        }
        assertEquals(24, index.size(), "all 24 permutations of 4 adjustments appear");
        double[] uniform = new double[24];
        Arrays.fill(uniform, 1.0 / 24);
        Distributions.assertFrequencies(counts, uniform, "adjustment orders");
    }

    @Test
    void factorsAreUniformInTheirRanges() {
        ColorJitter jitter = create(Map.of("brightness", 0.4, "contrast", List.of(0.5, 1.5), "hue", 0.1));
        int n = 8000;
        double[][] factors = new double[4][n];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double[] f = jitter.draw(random).factors();
            for (int k = 0; k < 4; k++) {
                factors[k][i] = f[k];
            }
        }
        Distributions.assertUniform(factors[ColorJitter.BRIGHTNESS], 0.6, 1.4, "brightness");
        Distributions.assertUniform(factors[ColorJitter.CONTRAST], 0.5, 1.5, "contrast");
        Distributions.assertUniform(factors[ColorJitter.HUE], -0.1, 0.1, "hue");
        assertTrue(Double.isNaN(factors[ColorJitter.SATURATION][0]), "saturation is off");
    }

    @Test
    void outputIsTheDrawnAdjustmentsInTheDrawnOrder() {
        Transform<Image, Image> transform = Samples.create(new ColorJitterProvider(),
                Map.of("brightness", 0.5, "contrast", 0.5, "saturation", 0.5, "hue", 0.2));
        ColorJitter jitter = (ColorJitter) transform;
        for (Image image : Samples.photos()) {
            for (long seed = 0; seed < 10; seed++) {
                ColorJitter.Draw draw = jitter.draw(new SplittableRandom(seed));
                Raster expected = Raster.of(image);
                for (int k : draw.order()) {
                    expected = ColorJitter.adjust(expected, k, draw.factors()[k]);
                }
                assertEquals(expected.toImage(), transform.apply(image, new SplittableRandom(seed)), image + " seed " + seed);
            }
        }
    }

    @Test
    void aNumberMeansARangeAroundTheIdentityClippedAtZero() {
        ColorJitter jitter = create(Map.of("brightness", 1.5));
        double[] f = new double[2000];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < f.length; i++) {
            f[i] = jitter.draw(random).factors()[ColorJitter.BRIGHTNESS];
        }
        Distributions.assertUniform(f, 0, 2.5, "brightness 1.5 gives [0, 2.5]");
    }

    @Test
    void badRangesAreRefusedWithTorchvisionsWords() {
        OptionsException negative = assertThrows(OptionsException.class, () -> create(Map.of("contrast", -1)));
        assertEquals("transforms[0].color_jitter.contrast: If contrast is a single number, it must be non negative, was -1.0",
                negative.getMessage());
        assertEquals("transforms[0].color_jitter.hue", assertThrows(OptionsException.class,
                () -> create(Map.of("hue", List.of(-0.6, 0.2)))).keyPath());
        assertEquals("transforms[0].color_jitter.hue", assertThrows(OptionsException.class,
                () -> create(Map.of("hue", 0.7))).keyPath());
        assertEquals("transforms[0].color_jitter.saturation", assertThrows(OptionsException.class,
                () -> create(Map.of("saturation", List.of(2, 1)))).keyPath());
    }
}
