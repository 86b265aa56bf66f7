package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.kernels.Interpolation;
import java.util.Set;

/**
 * {@code scale}: the seed recipe's {@code scale_image}, {@code cv2.resize(image, None, fx=fx, fy=fy)}.
 *
 * <p>Options: {@code fx} (required, {@code > 0}) and {@code fy} (default {@code fx}) multiply the
 * width and height; each output side is the product rounded half to even, as OpenCV rounds, and
 * coordinates are mapped with the factors themselves, not the rounded size ratio, as OpenCV does.
 * {@code interpolation} ({@code nearest}, {@code bilinear} (default), {@code bicubic}, {@code area})
 * and {@code antialias} (default false: OpenCV's kernels; true: torchvision's antialiased bilinear
 * and bicubic) as for {@code resize}.
 *
 * <pre>{@code
 * - scale: {fx: 0.5, fy: 0.5}
 * }</pre>
 */
public final class ScaleProvider implements TransformProvider {
    private static final Set<String> OPTIONS = Set.of("fx", "fy", "interpolation", "antialias");

    /** Constructs the provider; does nothing else. */
    public ScaleProvider() {
    }

    /** {@code "scale"}. */
    @Override
    public String id() {
        return "scale";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>}, safe for concurrent use, that never draws from its random
     * source; it throws {@link IllegalArgumentException} when the output would have a side of 0.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or not a positive number
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(OPTIONS);
        if (!options.has("fx")) {
            throw new OptionsException(options.keyPath("fx"), "required option is missing");
        }
        double fx = factor(options, "fx", 0);
        double fy = factor(options, "fy", fx);
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.values());
        return Resize.factors(fx, fy, interpolation, options.getBoolean("antialias", false));
    }

    private static double factor(Options options, String key, double fallback) {
        double value = options.getDouble(key, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new OptionsException(options.keyPath(key), "must be a finite number > 0, was " + value);
        }
        return value;
    }
}
