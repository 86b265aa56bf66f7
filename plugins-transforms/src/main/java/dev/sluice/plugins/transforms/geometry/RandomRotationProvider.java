package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.kernels.Interpolation;
import java.util.Set;

/**
 * {@code random_rotation}: torchvision's {@code RandomRotation}.
 *
 * <p>Options: {@code degrees} (required): a number d for the range {@code [-d, d]}, or
 * {@code [min, max]}; the angle is drawn uniformly, counter-clockwise positive.
 * {@code interpolation}: {@code nearest} (default) or {@code bilinear}. {@code expand} (false):
 * grow the output to hold the whole rotated image. {@code center}: {@code [x, y]} in pixels
 * (default the image centre). {@code fill}: 0 to 255, one level or one per channel (default 0),
 * for pixels the rotated image does not cover.
 *
 * <pre>{@code
 * - random_rotation: {degrees: 15, interpolation: bilinear}
 * }</pre>
 */
public final class RandomRotationProvider implements TransformProvider {
    private static final Set<String> OPTIONS = Set.of("degrees", "interpolation", "expand", "center", "fill");

    /** Constructs the provider; does nothing else. */
    public RandomRotationProvider() {
    }

    /** {@code "random_rotation"}. */
    @Override
    public String id() {
        return "random_rotation";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use, drawing
     * one uniform number per call. It throws {@link IllegalArgumentException} when a per-channel fill
     * does not match the image's channels.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or malformed
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(OPTIONS);
        if (!options.has("degrees")) {
            throw new OptionsException(options.keyPath("degrees"), "required option is missing");
        }
        double[] degrees = options.getDoubles("degrees", null);
        if (degrees.length == 1) {
            if (!(degrees[0] >= 0)) {
                throw new OptionsException(options.keyPath("degrees"), "If degrees is a single number, it must be positive, was "
                        + degrees[0]);
            }
            degrees = new double[] {-degrees[0], degrees[0]};
        } else {
            degrees = SharedOptions.range(options, "degrees", null);
        }
        double[] center = null;
        if (options.has("center")) {
            center = options.getDoubles("center", null);
            if (center.length != 2) {
                throw new OptionsException(options.keyPath("center"), "must be [x, y], was "
                        + SharedOptions.describe(options.raw("center")));
            }
        }
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                Interpolation.NEAREST, Interpolation.BILINEAR);
        return new Rotation(degrees, interpolation, options.getBoolean("expand", false), center,
                SharedOptions.fill(options, "fill"));
    }
}
