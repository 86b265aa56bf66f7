package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_crop}: torchvision's {@code RandomCrop}.
 *
 * <p>Options: {@code size} (required; a number for a square, or {@code [height, width]});
 * {@code padding} (none by default; a number for every side, {@code [left/right, top/bottom]} or
 * {@code [left, top, right, bottom]}) applied first; {@code pad_if_needed} (false) pads a side
 * smaller than the crop by the difference on both ends; {@code fill} (0; one level or one per
 * channel) and {@code padding_mode} ({@code constant}, {@code edge}, {@code reflect},
 * {@code symmetric}) as for {@code pad}. The crop's top and then its left are drawn uniformly from
 * the random source, nothing when the image already has the crop size.
 *
 * <pre>{@code
 * - random_crop: {size: 32, padding: 4, padding_mode: reflect}
 * }</pre>
 */
public final class RandomCropProvider implements TransformProvider {
    private static final Set<String> OPTIONS = Set.of("size", "padding", "pad_if_needed", "fill", "padding_mode");

    /** Constructs the provider; does nothing else. */
    public RandomCropProvider() {
    }

    /** {@code "random_crop"}. */
    @Override
    public String id() {
        return "random_crop";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use. It
     * throws {@link IllegalArgumentException} when the (padded) image is smaller than the crop, or a
     * mirrored padding is wider than the image.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or malformed
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(OPTIONS);
        int[] size = SharedOptions.heightWidth(options, "size");
        return new Crops.Random(size[0], size[1], SharedOptions.padding(options, "padding"),
                options.getBoolean("pad_if_needed", false), SharedOptions.fill(options, "fill"), PadProvider.mode(options));
    }
}
