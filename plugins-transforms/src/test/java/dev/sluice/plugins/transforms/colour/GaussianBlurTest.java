package dev.sluice.plugins.transforms.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code gaussian_blur}: the contract, sigma's distribution, and the blur with the drawn sigma. */
class GaussianBlurTest extends ConfiguredTransformContract<Image, Image> {

    GaussianBlurTest() {
        super("gaussian_blur", Options.of("transforms[0].gaussian_blur", Map.of("kernel_size", List.of(5, 3))),
                Samples::allChannelCounts, RANDOM);
    }

    @Test
    void sigmaIsUniformAndTheOutputIsTheBlurWithIt() {
        Transform<Image, Image> transform = Samples.create(new GaussianBlurProvider(), Map.of("kernel_size", 3));
        GaussianBlur blur = (GaussianBlur) transform;
        double[] sigmas = new double[5000];
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = blur.sigma(random);
        }
        Distributions.assertUniform(sigmas, 0.1, 2.0, "sigma");
        Image grass = Fixtures.input("grass");
        for (long seed = 0; seed < 5; seed++) {
            double sigma = blur.sigma(new SplittableRandom(seed));
            assertEquals(GaussianBlur.blur(grass, 3, 3, sigma, sigma), transform.apply(grass, new SplittableRandom(seed)));
        }
    }

    @Test
    void kernelSumsToOneAndIsSymmetric() {
        float[] kernel = GaussianBlur.kernel(7, 1.7);
        float sum = 0;
        for (float w : kernel) {
            sum += w;
        }
        assertEquals(1f, sum, 1e-6f);
        assertEquals(kernel[0], kernel[6]);
        assertEquals(kernel[2], kernel[4]);
    }

    @Test
    void evenKernelsAndBadSigmasAreRefused() {
        assertEquals("transforms[0].gaussian_blur.kernel_size", assertThrows(OptionsException.class,
                () -> Samples.create(new GaussianBlurProvider(), Map.of("kernel_size", 4))).keyPath());
        assertEquals("transforms[0].gaussian_blur.sigma", assertThrows(OptionsException.class,
                () -> Samples.create(new GaussianBlurProvider(), Map.of("kernel_size", 3, "sigma", 0))).keyPath());
        assertEquals("transforms[0].gaussian_blur.sigma", assertThrows(OptionsException.class,
                () -> Samples.create(new GaussianBlurProvider(), Map.of("kernel_size", 3, "sigma", List.of(2, 1)))).keyPath());
    }

    @Test
    void anImageTooSmallToMirrorIsRefused() {
        Transform<Image, Image> transform = Samples.create(new GaussianBlurProvider(), Map.of("kernel_size", 9, "sigma", 1));
        assertThrows(IllegalArgumentException.class, () -> transform.apply(Image.wrap(3, 3, 1, new byte[9]), new SplittableRandom(0)));
    }
}
