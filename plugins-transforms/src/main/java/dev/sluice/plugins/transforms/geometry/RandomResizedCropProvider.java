package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code random_resized_crop} in configuration: builds the {@link RandomResizedCrop} its options
 * describe (one implementation). {@link #create} throws {@link OptionsException} naming the key path
 * when an option is unknown or malformed, a range is not {@code [min, max]}, or a scale or ratio is
 * not positive.
 */
public final class RandomResizedCropProvider extends DeclaredTransformProvider<RandomResizedCrop> {
    private static final Set<String> OPTIONS = Set.of("size", "scale", "ratio", "interpolation", "antialias");

    /** Constructs the provider; does nothing else. */
    public RandomResizedCropProvider() {
        super("random_resized_crop", OPTIONS, RandomResizedCropProvider::build);
    }

    private static RandomResizedCrop build(Options options) {
        RandomResizedCrop sized = RandomResizedCrop.of(SharedOptions.size(options, "size"));
        double[] scale = SharedOptions.range(options, "scale", new double[] {0.08, 1.0});
        double[] ratio = SharedOptions.range(options, "ratio", new double[] {3.0 / 4.0, 4.0 / 3.0});
        RandomResizedCrop scaled = SharedOptions.checkedAt(options, "scale", () -> sized.scale(scale[0], scale[1]));
        RandomResizedCrop crop = SharedOptions.checkedAt(options, "ratio", () -> scaled.ratio(ratio[0], ratio[1]));
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.values());
        return crop.interpolation(interpolation).antialias(options.getBoolean("antialias", true));
    }
}
