package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Crops, flips, pads, the resized crop and the rotation against torchvision (and the seed's NumPy
 * slicing) on real photographs: every sample equal, except for the rotation, whose grid arithmetic
 * is within one level of PyTorch's.
 */
class GeometryFixtureTest {
    private static final Map<String, TransformProvider> PROVIDERS = Map.of(
            "center_crop", new CenterCropProvider(),
            "crop", new CropProvider(),
            "random_horizontal_flip", new RandomHorizontalFlipProvider(),
            "random_vertical_flip", new RandomVerticalFlipProvider(),
            "pad", new PadProvider());

    @FixtureCases({"center_crop", "crop", "random_horizontal_flip", "random_vertical_flip", "pad"})
    void configuredTransformMatchesTorchvision(Fixtures.Case c) {
        @SuppressWarnings("unchecked")
        Transform<Image, Image> transform = (Transform<Image, Image>) PROVIDERS.get(c.transform())
                .create(c.optionsAt("transforms[0]." + c.transform()));
        Fixtures.assertAgrees(c, transform.apply(Fixtures.input(c.input()), new SplittableRandom(0)));
    }

    /** The deterministic core of random_resized_crop: a given crop, resized. */
    @FixtureCases("resized-crop")
    void resizedCropOfGivenWindowMatches(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        List<?> size = (List<?>) o.raw("size");
        RandomResizedCrop crop = (RandomResizedCrop) new RandomResizedCropProvider().create(Options.of("case",
                Map.of("size", size, "antialias", o.getBoolean("antialias", true))));
        Image out = crop.resizedCrop(Fixtures.input(c.input()), new Region(o.getInt("left", 0), o.getInt("top", 0),
                o.getInt("width", 0), o.getInt("height", 0)));
        Fixtures.assertAgrees(c, out);
    }

    /** The deterministic core of random_rotation: a given angle. */
    @FixtureCases("rotate")
    void rotationByGivenAngleMatches(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        Map<String, Object> options = new java.util.HashMap<>(c.options());
        double angle = o.getDouble("angle", 0);
        options.remove("angle");
        options.put("degrees", List.of(angle, angle));
        RandomRotation rotation = (RandomRotation) new RandomRotationProvider().create(Options.of("case", options));
        Fixtures.assertAgrees(c, rotation.rotate(Fixtures.input(c.input()), angle));
    }
}
