package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code random_perspective} in configuration: builds the {@link RandomPerspective} its options
 * describe (one implementation). {@link #create} throws {@link OptionsException} naming the key path
 * when an option is unknown or malformed.
 */
public final class RandomPerspectiveProvider extends DeclaredTransformProvider<RandomPerspective> {
    private static final Set<String> OPTIONS = Set.of("distortion_scale", "p", "interpolation", "fill");

    /** Constructs the provider; does nothing else. */
    public RandomPerspectiveProvider() {
        super("random_perspective", OPTIONS, RandomPerspectiveProvider::build);
    }

    private static RandomPerspective build(Options options) {
        double scale = options.getDouble("distortion_scale", 0.5);
        RandomPerspective perspective = SharedOptions.checkedAt(options, "distortion_scale", () -> RandomPerspective.of(scale));
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.NEAREST, Interpolation.BILINEAR);
        return perspective.p(SharedOptions.probability(options, "p", 0.5)).interpolation(interpolation)
                .fill(SharedOptions.fill(options, "fill"));
    }
}
