package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code random_rotation} in configuration: builds the {@link RandomRotation} its options describe
 * (one implementation). {@link #create} throws {@link OptionsException} naming the key path when an
 * option is unknown, missing or malformed.
 */
public final class RandomRotationProvider extends DeclaredTransformProvider<RandomRotation> {
    private static final Set<String> OPTIONS = Set.of("degrees", "interpolation", "expand", "center", "fill");

    /** Constructs the provider; does nothing else. */
    public RandomRotationProvider() {
        super("random_rotation", OPTIONS, RandomRotationProvider::build);
    }

    private static RandomRotation build(Options options) {
        if (!options.has("degrees")) {
            throw new OptionsException(options.keyPath("degrees"), "required option is missing");
        }
        double[] degrees = options.getDoubles("degrees", null);
        RandomRotation rotation;
        if (degrees.length == 1) {
            rotation = SharedOptions.checkedAt(options, "degrees", () -> RandomRotation.of(degrees[0]));
        } else {
            double[] range = SharedOptions.range(options, "degrees", null);
            rotation = RandomRotation.of(range[0], range[1]);
        }
        if (options.has("center")) {
            double[] center = options.getDoubles("center", null);
            if (center.length != 2) {
                throw new OptionsException(options.keyPath("center"), "must be [x, y], was "
                        + SharedOptions.describe(options.raw("center")));
            }
            rotation = rotation.center(center[0], center[1]);
        }
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                Interpolation.NEAREST, Interpolation.BILINEAR);
        return rotation.interpolation(interpolation).expand(options.getBoolean("expand", false))
                .fill(SharedOptions.fill(options, "fill"));
    }
}
