package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code center_crop}: torchvision's {@code CenterCrop}.
 *
 * <p>Option {@code size} (required): a number for a square, or {@code [height, width]}. The crop
 * starts at {@code round((side - crop) / 2)}, rounding half to even as torchvision does (a 7-pixel
 * side cropped to 2 starts at 2, as does a 5-pixel one); a crop larger than the image is first
 * zero-padded by half the difference on each side (the extra pixel after).
 *
 * <pre>{@code
 * - center_crop: {size: 224}
 * }</pre>
 */
public final class CenterCropProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public CenterCropProvider() {
    }

    /** {@code "center_crop"}. */
    @Override
    public String id() {
        return "center_crop";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use, that
     * never draws from its random source.
     *
     * @throws OptionsException naming the key path when an option is unknown, or {@code size} is missing or not positive
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("size"));
        int[] size = SharedOptions.heightWidth(options, "size");
        return new Crops.Center(size[0], size[1]);
    }
}
