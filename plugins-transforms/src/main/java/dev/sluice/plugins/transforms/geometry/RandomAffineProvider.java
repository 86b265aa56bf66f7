package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code random_affine} in configuration: builds the {@link RandomAffine} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, missing or malformed.
 */
public final class RandomAffineProvider extends DeclaredTransformProvider<RandomAffine> {
    private static final Set<String> OPTIONS = Set.of("degrees", "translate", "scale", "shear", "interpolation", "fill",
            "center");

    /** Constructs the provider; does nothing else. */
    public RandomAffineProvider() {
        super("random_affine", OPTIONS, RandomAffineProvider::build);
    }

    private static RandomAffine build(Options options) {
        if (!options.has("degrees")) {
            throw new OptionsException(options.keyPath("degrees"), "required option is missing");
        }
        double[] degrees = options.getDoubles("degrees", null);
        RandomAffine affine;
        if (degrees.length == 1) {
            affine = SharedOptions.checkedAt(options, "degrees", () -> RandomAffine.of(degrees[0]));
        } else {
            double[] range = SharedOptions.range(options, "degrees", null);
            affine = SharedOptions.checkedAt(options, "degrees", () -> RandomAffine.of(range[0], range[1]));
        }
        if (options.has("translate")) {
            double[] translate = pair(options, "translate", "[a, b] (fractions of the width and height)");
            RandomAffine before = affine;
            affine = SharedOptions.checkedAt(options, "translate", () -> before.translate(translate[0], translate[1]));
        }
        if (options.has("scale")) {
            double[] scale = SharedOptions.range(options, "scale", null);
            RandomAffine before = affine;
            affine = SharedOptions.checkedAt(options, "scale", () -> before.scale(scale[0], scale[1]));
        }
        if (options.has("shear")) {
            affine = shear(options, affine);
        }
        if (options.has("center")) {
            double[] center = pair(options, "center", "[x, y]");
            affine = affine.center(center[0], center[1]);
        }
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                Interpolation.NEAREST, Interpolation.BILINEAR);
        return affine.interpolation(interpolation).fill(SharedOptions.fill(options, "fill"));
    }

    private static RandomAffine shear(Options options, RandomAffine affine) {
        double[] shear = options.getDoubles("shear", null);
        return SharedOptions.checkedAt(options, "shear", () -> switch (shear.length) {
            case 1 -> affine.shear(shear[0]);
            case 2 -> affine.shear(shear[0], shear[1]);
            case 4 -> affine.shear(shear[0], shear[1], shear[2], shear[3]);
            default -> throw new IllegalArgumentException("must be a number, [min, max] or [xmin, xmax, ymin, ymax], was "
                    + SharedOptions.describe(options.raw("shear")));
        });
    }

    private static double[] pair(Options options, String key, String what) {
        double[] pair = options.getDoubles(key, null);
        if (pair.length != 2) {
            throw new OptionsException(options.keyPath(key), "must be " + what + ", was "
                    + SharedOptions.describe(options.raw(key)));
        }
        return pair;
    }
}
