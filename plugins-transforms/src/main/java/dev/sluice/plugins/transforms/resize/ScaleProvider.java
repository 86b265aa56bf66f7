package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import java.util.Set;

/** {@code scale} in configuration: builds the {@link Scale} its options describe (one implementation). */
public final class ScaleProvider extends PackTransformProvider {
    private static final Set<String> OPTIONS = Set.of("fx", "fy", "interpolation", "antialias");

    /** Constructs the provider; does nothing else. */
    public ScaleProvider() {
        super("scale");
    }

    /**
     * The {@link Scale} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or not a positive number
     */
    @Override
    public Scale create(Options options) {
        options.requireOnly(OPTIONS);
        if (!options.has("fx")) {
            throw new OptionsException(options.keyPath("fx"), "required option is missing");
        }
        double fx = factor(options, "fx", 0);
        double fy = factor(options, "fy", fx);
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.values());
        return Scale.of(fx, fy).interpolation(interpolation).antialias(options.getBoolean("antialias", false));
    }

    private static double factor(Options options, String key, double fallback) {
        double value = options.getDouble(key, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new OptionsException(options.keyPath(key), "must be a finite number > 0, was " + value);
        }
        return value;
    }
}
