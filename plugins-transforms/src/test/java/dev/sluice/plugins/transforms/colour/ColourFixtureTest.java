package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Raster;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Grayscale, the colour-jitter adjustments and the Gaussian blur against torchvision 0.14's tensor
 * functions on real photographs: every sample equal, except PIL's grey (rounds where torchvision
 * truncates: one level) and the blur (float32 2-D convolution in torchvision: one level at ties).
 */
class ColourFixtureTest {
    private static final List<String> ADJUSTMENTS = List.of("brightness", "contrast", "saturation", "hue");

    @FixtureCases("grayscale")
    void grayscaleMatchesTorchvision(Fixtures.Case c) {
        @SuppressWarnings("unchecked")
        Transform<Image, Image> transform = (Transform<Image, Image>) new GrayscaleProvider().create(c.optionsAt("t.grayscale"));
        Fixtures.assertAgrees(c, transform.apply(Fixtures.input(c.input()), new SplittableRandom(0)));
    }

    /** The deterministic core of color_jitter: one adjustment by a given factor. */
    @FixtureCases("adjust")
    void adjustmentMatchesTorchvision(Fixtures.Case c) {
        Map.Entry<String, Object> only = c.options().entrySet().iterator().next();
        int which = ADJUSTMENTS.indexOf(only.getKey());
        double factor = ((Number) only.getValue()).doubleValue();
        Raster out = ColorJitter.adjust(Raster.of(Fixtures.input(c.input())), which, factor);
        Fixtures.assertAgrees(c, out.toImage());
    }

    /** The deterministic core of gaussian_blur: given sigmas. */
    @FixtureCases("blur")
    void blurMatchesTorchvision(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        double[] kernel = o.getDoubles("kernel_size", null);
        double[] sigma = o.getDoubles("sigma", null);
        Image out = GaussianBlur.blur(Fixtures.input(c.input()), (int) kernel[0], (int) kernel[1], sigma[0], sigma[1]);
        Fixtures.assertAgrees(c, out);
    }
}
