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
 * {@code random_resized_crop}: torchvision's {@code RandomResizedCrop}.
 *
 * <p>Options: {@code size} (required; a number for a square, or {@code [height, width]});
 * {@code scale} ({@code [0.08, 1.0]}: the crop's area as a fraction of the image's, drawn
 * uniformly); {@code ratio} ({@code [3/4, 4/3]}: its width over height, drawn uniformly in log
 * space); {@code interpolation} and {@code antialias} (bilinear, true) as for {@code resize}. Up to
 * ten crops are drawn until one fits the image; then its top and left are drawn. After ten misses
 * the crop is the largest central one whose ratio is within {@code ratio}.
 *
 * <p>Under {@code decoder.reduce: auto} the decoder may hand it an image reduced by 2, 4 or 8 when
 * even the smallest crop it can cut from that (least area, extreme ratio, or the central fallback)
 * is at least {@code size}: the crops are then drawn from the reduced image.
 *
 * <pre>{@code
 * - random_resized_crop: {size: 224}
 * }</pre>
 */
public final class RandomResizedCropProvider implements TransformProvider {
    private static final Set<String> OPTIONS = Set.of("size", "scale", "ratio", "interpolation", "antialias");

    /** Constructs the provider; does nothing else. */
    public RandomResizedCropProvider() {
    }

    /** {@code "random_resized_crop"}. */
    @Override
    public String id() {
        return "random_resized_crop";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use.
     *
     * @throws OptionsException naming the key path when an option is unknown or malformed, a range is
     *         not {@code [min, max]}, or a scale or ratio is not positive
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(OPTIONS);
        int[] size = SharedOptions.heightWidth(options, "size");
        double[] scale = SharedOptions.range(options, "scale", new double[] {0.08, 1.0});
        double[] ratio = SharedOptions.range(options, "ratio", new double[] {3.0 / 4.0, 4.0 / 3.0});
        if (!(scale[0] > 0)) {
            throw new OptionsException(options.keyPath("scale"), "must hold area fractions > 0, was [" + scale[0]
                    + ", " + scale[1] + "]");
        }
        if (!(ratio[0] > 0) || Double.isInfinite(ratio[1])) {
            throw new OptionsException(options.keyPath("ratio"), "must hold finite aspect ratios > 0, was ["
                    + ratio[0] + ", " + ratio[1] + "]");
        }
        Interpolation interpolation = Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                Interpolation.values());
        return new RandomResizedCrop(size[0], size[1], scale, ratio, interpolation, options.getBoolean("antialias", true));
    }
}
